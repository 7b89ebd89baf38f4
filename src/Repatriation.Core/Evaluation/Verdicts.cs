using System.Globalization;
using System.Reflection;
using System.Text;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>One verdict of the engine on a corpus passage: where the claim is, what kind, which status.</summary>
public sealed record Verdict(string Passage, int Offset, int Length, string Kind, string Status, double? Confidence)
{
    /// <summary>A claim is the same claim when it is found at the same place as the same kind.</summary>
    public (string Passage, int Offset, int Length, string Kind) Key => (Passage, Offset, Length, Kind);
}

/// <summary>
/// Every verdict the engine gives on a corpus part, kept in eval/verdicts/&lt;part&gt;.tsv (written by
/// `eval --write-verdicts`). Work that is only meant to make the engine faster must leave these files as they are; a
/// test recomputes them and names the first differences (only counts and passage ids for the held-out part, whose
/// content nobody reads while changing the engine).
/// </summary>
public static class Verdicts
{
    public const string WriteCommand = "dotnet run --project src/Repatriation.Cli -- eval --write-verdicts";

    private const string Header = "passage\toffset\tlength\tkind\tstatus";

    // The report's confidence (issue 10) once the engine gives one: read by name so this file needs no change when it lands.
    private static readonly PropertyInfo? ConfidenceProperty = typeof(ClaimResult).GetProperty("Confidence");

    public static string RelativePath(string part) => Path.Combine("eval", "verdicts", part + ".tsv");

    /// <summary>The verdicts on every passage of a part, in passage order and then text order.</summary>
    public static IReadOnlyList<Verdict> Of(IReadOnlyList<CorpusPassage> passages, FactSetSnapshot snapshot, ClaimChecker? checker = null)
    {
        checker ??= new ClaimChecker();
        var verdicts = new List<Verdict>();
        foreach (var passage in passages)
        {
            foreach (var claim in checker.Check(new CheckRequest(passage.Text, passage.Id), snapshot).Claims)
            {
                var confidence = ConfidenceProperty?.GetValue(claim) is double c ? Math.Round(c, 2, MidpointRounding.AwayFromZero) : (double?)null;
                verdicts.Add(new Verdict(passage.Id, claim.Offset, claim.Length, claim.Kind, claim.Status, confidence));
            }
        }

        return verdicts;
    }

    public static string ToTsv(IReadOnlyList<Verdict> verdicts)
    {
        var withConfidence = verdicts.Any(v => v.Confidence is not null);
        var tsv = new StringBuilder(Header).Append(withConfidence ? "\tconfidence" : "").Append('\n');
        foreach (var v in verdicts)
        {
            tsv.Append(v.Passage).Append('\t').Append(v.Offset.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(v.Length.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(v.Kind).Append('\t').Append(v.Status);
            if (withConfidence)
            {
                tsv.Append('\t').Append(v.Confidence?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
            }

            tsv.Append('\n');
        }

        return tsv.ToString();
    }

    public static IReadOnlyList<Verdict> ParseTsv(string tsv, string origin)
    {
        var lines = tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith(Header, StringComparison.Ordinal))
        {
            throw new FormatException($"{origin}: the first line must be the header '{Header}[\tconfidence]'");
        }

        var verdicts = new List<Verdict>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].TrimEnd('\r').Split('\t');
            if (fields.Length < 5 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new FormatException($"{origin}, line {i + 1}: expected passage, offset, length, kind and status separated by tabs");
            }

            double? confidence = fields.Length > 5 && fields[5].Length > 0 ? double.Parse(fields[5], CultureInfo.InvariantCulture) : null;
            verdicts.Add(new Verdict(fields[0], offset, length, fields[3], fields[4], confidence));
        }

        return verdicts;
    }

    /// <summary>What changed between the verdicts kept and the verdicts given now, in passage and text order.</summary>
    public static IReadOnlyList<VerdictDifference> Compare(IReadOnlyList<Verdict> kept, IReadOnlyList<Verdict> now)
    {
        var before = new Dictionary<(string, int, int, string), Verdict>();
        foreach (var verdict in kept)
        {
            before.TryAdd(verdict.Key, verdict);
        }

        var after = new Dictionary<(string, int, int, string), Verdict>();
        foreach (var verdict in now)
        {
            after.TryAdd(verdict.Key, verdict);
        }

        var differences = new List<VerdictDifference>();
        foreach (var (key, verdict) in before)
        {
            if (!after.TryGetValue(key, out var current))
            {
                differences.Add(new VerdictDifference(verdict, null));
            }
            else if (current.Status != verdict.Status || current.Confidence != verdict.Confidence)
            {
                differences.Add(new VerdictDifference(verdict, current));
            }
        }

        differences.AddRange(after.Where(p => !before.ContainsKey(p.Key)).Select(p => new VerdictDifference(null, p.Value)));
        var order = kept.Concat(now).Select(v => v.Passage).Distinct().Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        return differences.OrderBy(d => order[d.Passage]).ThenBy(d => (d.Kept ?? d.Now)!.Offset).ToList();
    }
}

/// <summary>A verdict kept but no longer given (<see cref="Now"/> null), given but not kept (<see cref="Kept"/> null), or changed.</summary>
public sealed record VerdictDifference(Verdict? Kept, Verdict? Now)
{
    public string Passage => (Kept ?? Now)!.Passage;

    public string Describe()
    {
        var v = (Kept ?? Now)!;
        var where = $"{v.Passage} {v.Offset}+{v.Length} {v.Kind}";
        return Kept is null ? $"{where}: new verdict {Show(Now!)}"
            : Now is null ? $"{where}: verdict {Show(Kept)} no longer given"
            : $"{where}: {Show(Kept)} became {Show(Now)}";
    }

    private static string Show(Verdict v) =>
        v.Confidence is { } c ? $"{v.Status} ({c.ToString("0.00", CultureInfo.InvariantCulture)})" : v.Status;
}
