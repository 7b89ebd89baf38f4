using System.Globalization;
using Repatriation.Core.Evaluation;

namespace Repatriation.Cli;

/// <summary>The eval figures as plain-text tables for a terminal: the parts side by side, then each part apart.</summary>
internal static class EvalText
{
    private const int MeasureWidth = 58;
    private const int CellWidth = 17;

    public static void Write(TextWriter w, EvalView view)
    {
        var results = view.Results;
        var factSet = results.Select(r => r.Result.FactSet).First();
        w.WriteLine($"Evaluation of fact set {factSet.Id} {factSet.Version}");
        foreach (var (part, result) in results)
        {
            var m = result.Measures;
            var folder = Path.GetRelativePath(view.WorkingDirectory, part.Directory);
            w.WriteLine(part.IsEmpty
                ? $"  {Name(part.Name) + ":",-12} no passages ({folder}{(part.Exists ? " is empty" : " does not exist")})"
                : $"  {Name(part.Name) + ":",-12} {Count(m.Passages, "passage")}, {Count(m.Labels, "labelled claim")}, {m.Reported} reported ({folder})");
        }

        w.WriteLine();
        w.Write($"{"measure",-MeasureWidth}");
        foreach (var (part, _) in results)
        {
            w.Write($"{Name(part.Name),CellWidth}");
        }

        w.WriteLine($"{"goal",9}");
        foreach (var measure in EvaluationMeasures.All)
        {
            w.Write($"{measure.Name,-MeasureWidth}");
            foreach (var (_, result) in results)
            {
                w.Write($"{Cell(measure.Of(result.Measures)),CellWidth}");
            }

            w.WriteLine(measure.Goal is { } goal ? $"{$"{measure.Comparison} {MeasureDefinition.Format(goal)}",9}" : "");
        }

        foreach (var (part, result) in results.Where(r => !r.Part.IsEmpty))
        {
            WritePart(w, part, result);
        }

        w.WriteLine();
        if (view.Goals is { } goals)
        {
            w.WriteLine("goals of issue 10 (held-out part; they do not fail the run):");
            foreach (var goal in goals)
            {
                w.WriteLine($"  {goal}");
            }
        }
        else
        {
            w.WriteLine("goals of issue 10: not measured (the held-out part was not run or holds no passages)");
        }

        WriteFloors(w, view);
        foreach (var (part, result) in results)
        {
            foreach (var e in result.Errors)
            {
                w.WriteLine($"error in {Name(part.Name)} passage {e.PassageId}: {e.Error}");
            }
        }

        if (!view.Options.Verbose && !view.Options.ShowHeldout)
        {
            return;
        }

        foreach (var (part, result) in results.Where(r => !r.Part.IsEmpty))
        {
            if (!view.Options.ShowsDetailOf(part.Name))
            {
                w.WriteLine();
                w.WriteLine($"mismatches ({Name(part.Name)}): not shown. The held-out part is measured, never read, while rules change; --show-heldout prints them.");
                continue;
            }

            if (part.Name == CorpusParts.Heldout || view.Options.Verbose)
            {
                WriteMismatches(w, part.Name, result);
            }
        }
    }

    private static void WritePart(TextWriter w, CorpusPart part, EvaluationResult r)
    {
        w.WriteLine();
        w.WriteLine($"== {Name(part.Name)} ==");
        w.WriteLine($"{"kind",-14} {"labels",6} {"reported",8} {"extracted",9} {"exact",6} {"status",6} {"f.flag",6} {"f.strong",8} {"t.flag",6} {"s.right",7} {"nonclaim",8}");
        foreach (var k in r.ByKind)
        {
            var m = k.Measures;
            w.WriteLine($"{k.Kind,-14} {m.Labels,6} {m.Reported,8} {V(m.ClaimsExtracted),9} {V(m.ClaimsExtractedExact),6} {V(m.StatusAccuracy),6} {V(m.FalseClaimsFlagged),6} {V(m.FalseClaimsStrong),8} {V(m.TrueClaimsFlagged),6} {V(m.StrongVerdictsRight),7} {V(m.NonClaimsReported),8}");
        }

        w.WriteLine("  (f.flag: false claims flagged; f.strong: false claims called strong; t.flag: true covered claims flagged;");
        w.WriteLine("   s.right: strong verdicts that are right; nonclaim: share of reported claims that are non-claims or unlabelled)");
        w.WriteLine();
        w.WriteLine($"{"status",-14} {"expected",8} {"given",6} {"correct",8} {"precision",10} {"recall",7} {"reported",8} {"right",6} {"on non-claims",13}");
        foreach (var s in r.ByStatus)
        {
            w.WriteLine($"{s.Status,-14} {s.Expected,8} {s.Given,6} {s.Correct,8} {V(s.Precision),10} {V(s.Recall),7} {s.Reported,8} {V(s.RightShare),6} {s.OnNonClaims,13}");
        }

        w.WriteLine("  (given/correct: reported claims aligned to a label; right: reported claims whose status the aligned label's truth allows)");
        w.WriteLine();
        var genreWidth = Math.Max(18, r.ByGenre.Max(g => g.Genre.Length) + 1);
        w.WriteLine($"{"genre".PadRight(genreWidth)} {"passages",8} {"labels",6} {"reported",8} {"extracted",9} {"f.flag",6} {"f.strong",8} {"t.flag",6} {"s.right",7} {"nonclaim",8}");
        foreach (var g in r.ByGenre)
        {
            var m = g.Measures;
            w.WriteLine($"{g.Genre.PadRight(genreWidth)} {m.Passages,8} {m.Labels,6} {m.Reported,8} {V(m.ClaimsExtracted),9} {V(m.FalseClaimsFlagged),6} {V(m.FalseClaimsStrong),8} {V(m.TrueClaimsFlagged),6} {V(m.StrongVerdictsRight),7} {V(m.NonClaimsReported),8}");
        }
    }

    private static void WriteFloors(TextWriter w, EvalView view)
    {
        w.WriteLine();
        if (view.Options.Corpus is not null)
        {
            w.WriteLine("floors: not checked for a --corpus folder");
            return;
        }

        if (!view.FloorsFileExists)
        {
            w.WriteLine($"floors: no {EvaluationFloors.RelativePath}; set them with `{EvaluationFloors.WriteCommand}`");
            return;
        }

        w.WriteLine($"floors ({EvaluationFloors.RelativePath}; a broken floor fails the run):");
        foreach (var (part, _) in view.Results.Where(r => CorpusParts.WithFloors.Contains(r.Part.Name) && r.Part.IsEmpty))
        {
            w.WriteLine($"  {Name(part.Name)}: no passages, floors not checked");
        }

        foreach (var check in view.Floors)
        {
            w.WriteLine($"  {(check.Broken ? "BROKEN " : check.TooLoose ? "raise  " : check.Missing ? "missing " : "")}{check.Describe()}");
        }
    }

    private static void WriteMismatches(TextWriter w, string part, EvaluationResult r)
    {
        w.WriteLine();
        w.WriteLine($"mismatches ({Name(part)}):");
        if (r.Claims.All(c => c.Alignment == Alignments.Exact && c.StatusCorrect) && r.Reported.All(c => c.Category == ReportedCategories.Labelled))
        {
            w.WriteLine("  none");
        }

        foreach (var c in r.Claims.Where(c => c.Alignment != Alignments.Exact || !c.StatusCorrect))
        {
            var got = c.Found ? $"{c.FoundStatus} ({c.Alignment}{(c.FoundText != c.Text ? $" \"{c.FoundText}\"" : "")})" : "not found";
            w.WriteLine($"  {c.PassageId} @{c.Offset} {c.Kind} \"{c.Text}\" [{c.Truth}]: expected {c.ExpectedStatus}{(string.IsNullOrEmpty(c.Note) ? "" : $" ({c.Note})")}, got {got}{(c.Message is null ? "" : $" - {c.Message}")}");
        }

        foreach (var s in r.Reported.Where(s => s.Category != ReportedCategories.Labelled))
        {
            var what = s.Category switch
            {
                ReportedCategories.NonClaim => $"reported a non-claim{(string.IsNullOrEmpty(s.NonClaimNote) ? "" : $" ({s.NonClaimNote})")}",
                ReportedCategories.Unlabelled => "reported but not labelled",
                _ => "reported over a label it does not align to (other kind, or the label took another claim)",
            };
            w.WriteLine($"  {s.PassageId} @{s.Offset} {s.Kind} \"{s.Text}\": {what} ({s.Status}) - {s.Message}");
        }
    }

    internal static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Name(string part) => CorpusParts.DisplayName(part);

    private static string Cell(Ratio ratio) => ratio.Value is { } ? $"{V(ratio)} {ratio.Hits}/{ratio.Total}" : "n/a";

    private static string V(Ratio ratio) => ratio.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
