using Repatriation.Core.Evaluation;

namespace Repatriation.Cli;

/// <summary>The eval figures as a plain-text table for a terminal.</summary>
internal static class EvalText
{
    public static void Write(TextWriter w, EvaluationResult r, IReadOnlyList<FloorCheck> floors, bool verbose)
    {
        w.WriteLine($"Evaluation of fact set {r.FactSet.Id} {r.FactSet.Version}: {r.Passages} passages, {r.Labels} labelled claims, {r.FoundClaims} found claims");
        w.WriteLine();
        w.WriteLine($"{"measure",-46} {"value",8} {"count",11}");
        Row(w, "extraction recall (exact span)", r.ExtractionRecall);
        Row(w, "extraction recall (any overlap, same kind)", r.LenientExtractionRecall);
        Row(w, "extraction precision", r.ExtractionPrecision);
        Row(w, "status accuracy", r.StatusAccuracy);
        Row(w, "false claims flagged", r.FalseClaimsFlagged);
        Row(w, "false claims contradicted/misattributed", r.FalseClaimsContradictedOrMisattributed);
        Row(w, "false alarms on true covered claims", r.FalseAlarmsOnTrueClaims);
        w.WriteLine();
        w.WriteLine($"{"kind",-14} {"labels",6} {"extract R",10} {"status P",10} {"status R",10}");
        foreach (var k in r.ByKind)
        {
            w.WriteLine($"{k.Kind,-14} {k.Labels,6} {Fmt(k.ExtractionRecall),10} {Fmt(k.StatusPrecision),10} {Fmt(k.StatusRecall),10}");
        }

        w.WriteLine();
        w.WriteLine($"{"status",-14} {"expected",8} {"given",6} {"correct",8} {"precision",10} {"recall",8}");
        foreach (var s in r.ByStatus)
        {
            w.WriteLine($"{s.Status,-14} {s.Expected,8} {s.Predicted,6} {s.Correct,8} {Fmt(s.Precision),10} {Fmt(s.Recall),8}");
        }

        w.WriteLine();
        w.WriteLine("targets:");
        foreach (var f in floors)
        {
            w.WriteLine($"  {f}");
        }

        foreach (var e in r.Errors)
        {
            w.WriteLine($"error in {e.PassageId}: {e.Error}");
        }

        if (!verbose)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("mismatches:");
        foreach (var c in r.Claims.Where(c => c.Alignment != Alignments.Exact || !c.StatusCorrect))
        {
            var got = c.Found ? $"{c.FoundStatus} ({c.Alignment}{(c.FoundText != c.Text ? $" \"{c.FoundText}\"" : "")})" : "not found";
            w.WriteLine($"  {c.PassageId} @{c.Offset} {c.Kind} \"{c.Text}\" [{c.Truth}]: expected {c.ExpectedStatus}{(string.IsNullOrEmpty(c.Note) ? "" : $" ({c.Note})")}, got {got}{(c.Message is null ? "" : $" - {c.Message}")}");
        }

        foreach (var s in r.Spurious)
        {
            w.WriteLine($"  {s.PassageId} @{s.Offset} {s.Kind} \"{s.Text}\": found but not labelled ({s.Status})");
        }
    }

    private static void Row(TextWriter w, string name, Ratio ratio) =>
        w.WriteLine($"{name,-46} {Fmt(ratio),8} {$"{ratio.Hits}/{ratio.Total}",11}");

    private static string Fmt(Ratio ratio) => ratio.Value is { } v ? v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
