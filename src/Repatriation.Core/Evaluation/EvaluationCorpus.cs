using System.Text.Json;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>Reads and checks the hand-labelled corpus. A corpus with a broken label is refused, never scored.</summary>
public static class EvaluationCorpus
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Every <c>*.json</c> file in <paramref name="directory"/>, in file-name order.</summary>
    public static IReadOnlyList<CorpusPassage> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CorpusException($"the corpus folder {directory} does not exist");
        }

        var files = Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CorpusException($"the corpus folder {directory} holds no .json files");
        }

        var passages = files.Select(f => Parse(File.ReadAllText(f), f)).ToList();
        var problems = Validate(passages);
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

    /// <summary>Every problem in the passages: unknown kinds or statuses, labels whose text is not in the passage, duplicate ids.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<CorpusPassage> passages)
    {
        var problems = new List<string>();
        foreach (var duplicate in passages.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"passage id {duplicate.Key} is used {duplicate.Count()} times");
        }

        foreach (var passage in passages)
        {
            problems.AddRange(Validate(passage));
        }

        return problems;
    }

    public static IReadOnlyList<string> Validate(CorpusPassage passage)
    {
        var problems = new List<string>();
        var where = passage.Id ?? passage.File ?? "?";
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
            problems.Add($"{where}: unknown style '{passage.Style}'");
        }

        var spans = new HashSet<(int, int)>();
        for (var i = 0; i < passage.Claims.Count; i++)
        {
            var claim = passage.Claims[i];
            var at = $"{where}.claims[{i}] \"{claim.Text}\"";
            if (!new[] { ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote }.Contains(claim.Kind))
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
            else if (!spans.Add((offset, claim.Text.Length)))
            {
                problems.Add($"{at}: the same span is labelled twice");
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
}

/// <summary>The corpus cannot be read or a label is broken; the message says which file and label.</summary>
public sealed class CorpusException(string message) : Exception(message);
