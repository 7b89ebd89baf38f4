using System.Text.Json;
using System.Text.Json.Serialization;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>Reads and checks the hand-labelled corpus. A corpus with a broken label is refused, never scored.</summary>
public static class EvaluationCorpus
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field ("nonclaim", "perturbed_from") would otherwise vanish silently and its labels with it.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly string[] Kinds = [ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote];

    /// <summary>
    /// The named parts under <paramref name="repositoryRoot"/>, each checked on its own and then against the others:
    /// an id may be used in one part only, and a source (its URL) may feed the tuning or the held-out part, not both.
    /// </summary>
    public static IReadOnlyList<CorpusPart> LoadParts(string repositoryRoot, IEnumerable<string> parts)
    {
        var loaded = parts.Select(p => LoadPart(repositoryRoot, p)).ToList();
        var problems = ValidateAcrossParts(loaded);
        if (problems.Count > 0)
        {
            throw new CorpusException($"the corpus parts disagree ({problems.Count} problem(s)): {string.Join("; ", problems.Take(5))}");
        }

        return loaded;
    }

    /// <summary>One part; a missing or empty folder gives an empty part.</summary>
    public static CorpusPart LoadPart(string repositoryRoot, string part)
    {
        var directory = Path.Combine(repositoryRoot, CorpusParts.RelativeDirectory(part));
        if (!Directory.Exists(directory))
        {
            return new CorpusPart(part, directory, Exists: false, []);
        }

        return new CorpusPart(part, directory, Exists: true, LoadFiles(directory, CorpusParts.IsPublished(part)));
    }

    /// <summary>Every <c>*.json</c> file in <paramref name="directory"/>, which must exist and hold at least one.</summary>
    public static IReadOnlyList<CorpusPassage> LoadDirectory(string directory, bool published = false)
    {
        if (!Directory.Exists(directory))
        {
            throw new CorpusException($"the corpus folder {directory} does not exist");
        }

        var passages = LoadFiles(directory, published);
        if (passages.Count == 0)
        {
            throw new CorpusException($"the corpus folder {directory} holds no .json files");
        }

        return passages;
    }

    private static IReadOnlyList<CorpusPassage> LoadFiles(string directory, bool published)
    {
        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        var passages = files.Select(f => Parse(File.ReadAllText(f), f)).ToList();
        var problems = Validate(passages, published);
        foreach (var p in passages.Where(p => p.File is not null && Path.GetFileNameWithoutExtension(p.File) != p.Id))
        {
            problems = [.. problems, $"{Path.GetFileName(p.File)}: the id '{p.Id}' differs from the file name"];
        }

        if (problems.Count > 0)
        {
            throw new CorpusException($"the corpus in {directory} has {problems.Count} problem(s): {string.Join("; ", problems.Take(5))}");
        }

        return passages;
    }

    public static CorpusPassage Parse(string json, string file)
    {
        try
        {
            var passage = JsonSerializer.Deserialize<CorpusPassage>(json, JsonOptions)
                ?? throw new CorpusException($"{file}: the file holds null, not a passage");
            return passage with { File = file };
        }
        catch (JsonException e)
        {
            throw new CorpusException($"{file}: not a corpus passage ({e.Message})");
        }
    }

    /// <summary>
    /// Every problem in one part's passages: each passage's own (see <see cref="Validate(CorpusPassage, bool)"/>),
    /// duplicate ids, and perturbed copies whose original is not in the same part.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<CorpusPassage> passages, bool published = false)
    {
        var problems = new List<string>();
        foreach (var duplicate in passages.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"passage id {duplicate.Key} is used {duplicate.Count()} times");
        }

        var byId = passages.Where(p => p.Id is not null).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var passage in passages)
        {
            problems.AddRange(Validate(passage, published));
            if (passage.PerturbedFrom is not { } original)
            {
                continue;
            }

            if (original == passage.Id)
            {
                problems.Add($"{Where(passage)}: perturbedFrom names the passage itself");
            }
            else if (!byId.TryGetValue(original, out var source))
            {
                problems.Add($"{Where(passage)}: perturbedFrom '{original}' is not a passage of the same part");
            }
            else if (passage.Source?.Url is { } url && source.Source?.Url is { } originalUrl && url != originalUrl)
            {
                problems.Add($"{Where(passage)}: a perturbed copy keeps its original's source, but the URLs differ ({url} vs {originalUrl})");
            }
        }

        return problems;
    }

    /// <summary>
    /// Every problem in one passage: unknown style, kind, status or truth; a truth the status cannot have; a label
    /// or non-claim whose text is not in the passage; a span labelled twice or labelled both claim and non-claim; a
    /// perturbation half-described; and, for published passages, a missing genre or source (URL, licence, verbatim).
    /// </summary>
    public static IReadOnlyList<string> Validate(CorpusPassage passage, bool published = false)
    {
        var problems = new List<string>();
        var where = Where(passage);
        if (string.IsNullOrWhiteSpace(passage.Id))
        {
            problems.Add($"{where}: the id is missing");
        }

        if (string.IsNullOrWhiteSpace(passage.Text))
        {
            problems.Add($"{where}: the text is empty");
            return problems;
        }

        if (passage.Claims is null)
        {
            problems.Add($"{where}: the claims list is missing");
            return problems;
        }

        if (!PassageStyles.All.Contains(passage.Style))
        {
            problems.Add($"{where}: unknown style '{passage.Style}' (one of {string.Join(", ", PassageStyles.All)})");
        }

        problems.AddRange(ValidateProvenance(passage, published, where));

        var claimSpans = new HashSet<(int, int)>();
        for (var i = 0; i < passage.Claims.Count; i++)
        {
            var claim = passage.Claims[i];
            var at = $"{where}.claims[{i}] \"{claim.Text}\"";
            if (!Kinds.Contains(claim.Kind))
            {
                problems.Add($"{at}: unknown kind '{claim.Kind}'");
            }

            if (!ClaimStatuses.All.Contains(claim.Status))
            {
                problems.Add($"{at}: unknown status '{claim.Status}'");
            }

            if (!ClaimTruth.All.Contains(claim.Truth))
            {
                problems.Add($"{at}: unknown truth '{claim.Truth}'");
            }
            else if (!TruthAllows(claim.Truth, claim.Status))
            {
                problems.Add($"{at}: truth '{claim.Truth}' cannot have status '{claim.Status}'");
            }

            if (string.IsNullOrEmpty(claim.Text) || Locate(passage.Text, claim.Text, claim.Occurrence) is not { } offset)
            {
                problems.Add($"{at}: occurrence {claim.Occurrence} of the text is not in the passage");
            }
            else if (!claimSpans.Add((offset, claim.Text.Length)))
            {
                problems.Add($"{at}: the same span is labelled twice");
            }
        }

        var nonClaimSpans = new HashSet<(int, int)>();
        var nonClaims = passage.NonClaims ?? [];
        for (var i = 0; i < nonClaims.Count; i++)
        {
            var nonClaim = nonClaims[i];
            var at = $"{where}.nonClaims[{i}] \"{nonClaim.Text}\"";
            if (string.IsNullOrEmpty(nonClaim.Text) || Locate(passage.Text, nonClaim.Text, nonClaim.Occurrence) is not { } offset)
            {
                problems.Add($"{at}: occurrence {nonClaim.Occurrence} of the text is not in the passage");
            }
            else if (claimSpans.Contains((offset, nonClaim.Text.Length)))
            {
                problems.Add($"{at}: the same span is labelled a claim too");
            }
            else if (!nonClaimSpans.Add((offset, nonClaim.Text.Length)))
            {
                problems.Add($"{at}: the same span is marked a non-claim twice");
            }
        }

        return problems;
    }

    private static IEnumerable<string> ValidateProvenance(CorpusPassage passage, bool published, string where)
    {
        if (passage.PerturbedFrom is null != passage.Perturbation is null
            || (passage.PerturbedFrom is not null && (string.IsNullOrWhiteSpace(passage.PerturbedFrom) || string.IsNullOrWhiteSpace(passage.Perturbation))))
        {
            yield return $"{where}: a perturbed copy needs both perturbedFrom (the original's id) and perturbation (what was changed)";
        }

        if (!published)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(passage.Genre))
        {
            yield return $"{where}: a published passage needs a genre";
        }

        if (passage.Source is not { } source)
        {
            yield return $"{where}: a published passage needs a source (url, licence, verbatim)";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(source.Url) || !Uri.TryCreate(source.Url, UriKind.Absolute, out _))
        {
            yield return $"{where}: source.url must be an absolute URL, not '{source.Url}'";
        }

        if (string.IsNullOrWhiteSpace(source.Licence))
        {
            yield return $"{where}: source.licence is missing (name it, e.g. CC BY-SA 4.0, public domain, or the publisher's copyright for a paraphrase)";
        }

        if (source.Verbatim is null)
        {
            yield return $"{where}: source.verbatim must say true (verbatim) or false (close paraphrase)";
        }
    }

    /// <summary>Problems between parts: an id used in two parts, a source URL feeding both the tuning and the held-out part.</summary>
    public static IReadOnlyList<string> ValidateAcrossParts(IReadOnlyList<CorpusPart> parts)
    {
        var problems = new List<string>();
        foreach (var id in parts.SelectMany(p => p.Passages.Select(x => (x.Id, Part: p.Name))).GroupBy(x => x.Id).Where(g => g.Select(x => x.Part).Distinct().Count() > 1))
        {
            problems.Add($"passage id {id.Key} is used in the parts {string.Join(" and ", id.Select(x => x.Part).Distinct())}");
        }

        var tuning = parts.Where(p => p.Name == CorpusParts.Tuning).SelectMany(p => p.Passages).Where(p => p.Source?.Url is not null).ToLookup(p => p.Source!.Url!);
        foreach (var heldout in parts.Where(p => p.Name == CorpusParts.Heldout).SelectMany(p => p.Passages).Where(p => p.Source?.Url is not null))
        {
            if (tuning[heldout.Source!.Url!].FirstOrDefault() is { } twin)
            {
                problems.Add($"the source {heldout.Source.Url} feeds the held-out passage {heldout.Id} and the tuning passage {twin.Id}; the split is by source");
            }
        }

        return problems;
    }

    /// <summary>
    /// A true claim is supported, or disputed when sources disagree; a false one is caught by the fact set
    /// (imprecise, contradicted, misattributed); one the fact set does not cover can only be unsupported.
    /// </summary>
    public static bool TruthAllows(string truth, string status) => truth switch
    {
        ClaimTruth.True => status is ClaimStatuses.Supported or ClaimStatuses.Disputed,
        ClaimTruth.False => status is ClaimStatuses.Imprecise or ClaimStatuses.Contradicted or ClaimStatuses.Misattributed,
        ClaimTruth.Uncovered => status is ClaimStatuses.Unsupported,
        _ => false,
    };

    /// <summary>The offset of the <paramref name="occurrence"/>-th (0-based) ordinal match, or null.</summary>
    public static int? Locate(string text, string value, int occurrence)
    {
        if (occurrence < 0 || value.Length == 0)
        {
            return null;
        }

        var from = 0;
        for (var n = 0; ; n++)
        {
            var at = text.IndexOf(value, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            if (n == occurrence)
            {
                return at;
            }

            from = at + 1;
        }
    }

    /// <summary>A problem names the file when the passage was read from one, else the passage's id.</summary>
    private static string Where(CorpusPassage passage) =>
        passage.File is { } file ? Path.GetFileName(file) : passage.Id ?? "?";
}

/// <summary>The corpus cannot be read or a label is broken; the message says which file and label.</summary>
public sealed class CorpusException(string message) : Exception(message);
