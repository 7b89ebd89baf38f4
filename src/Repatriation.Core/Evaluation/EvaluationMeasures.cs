using System.Globalization;

namespace Repatriation.Core.Evaluation;

/// <summary>
/// One measure of <see cref="Measures"/>, named once: its id in eval/floors.json, its printed name, which way is
/// better, the issue's goal for it (on the held-out part) and whether CI keeps a floor for it.
/// </summary>
public sealed record MeasureDefinition(string Id, string Name, Func<Measures, Ratio> Of, bool LowerIsBetter, double? Goal, bool Floored)
{
    /// <summary>Shares are compared to two decimals; this keeps 0.95 from failing ">= 0.95" by a rounding error.</summary>
    public const double Tolerance = 1e-9;

    public bool Reaches(double value, double bound) => LowerIsBetter ? value <= bound + Tolerance : value >= bound - Tolerance;

    /// <summary>How much better than <paramref name="bound"/> the value is (negative when worse).</summary>
    public double Margin(double value, double bound) => LowerIsBetter ? bound - value : value - bound;

    public string Comparison => LowerIsBetter ? "<=" : ">=";

    /// <summary>A floor (or ceiling) set at a reached value: rounded to two decimals in the direction that the value still meets.</summary>
    public double BoundAt(double reached)
    {
        var bound = Math.Clamp(
            LowerIsBetter ? Math.Ceiling((reached * 100) - Tolerance) / 100 : Math.Floor((reached * 100) + Tolerance) / 100,
            0.0,
            1.0);
        return bound == 0 ? 0 : bound;   // Ceiling of a hair below zero is -0, which would be written "-0".
    }

    public static string Format(double bound) => bound.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The issue's measures (issue 10), in the order they are printed.</summary>
public static class EvaluationMeasures
{
    public static readonly MeasureDefinition ClaimsExtracted =
        new("claims-extracted", "claims extracted", m => m.ClaimsExtracted, LowerIsBetter: false, Goal: 0.95, Floored: true);
    public static readonly MeasureDefinition ClaimsExtractedExact =
        new("claims-extracted-exact", "claims extracted, exact span", m => m.ClaimsExtractedExact, false, null, true);
    public static readonly MeasureDefinition AttributionsExtracted =
        new("attributions-extracted", "attributions extracted", m => m.AttributionsExtracted, false, null, true);
    public static readonly MeasureDefinition FalseClaimsFlagged =
        new("false-flagged", "false claims flagged", m => m.FalseClaimsFlagged, false, 0.95, true);
    public static readonly MeasureDefinition FalseClaimsStrong =
        new("false-strong", "false claims called contradicted/imprecise/misattributed", m => m.FalseClaimsStrong, false, 0.80, true);
    public static readonly MeasureDefinition TrueClaimsFlagged =
        new("true-flagged", "true covered claims flagged", m => m.TrueClaimsFlagged, LowerIsBetter: true, Goal: 0.05, Floored: true);
    public static readonly MeasureDefinition StrongVerdictsRight =
        new("strong-right", "strong verdicts that are right", m => m.StrongVerdictsRight, false, 0.95, true);
    public static readonly MeasureDefinition NonClaimsReported =
        new("non-claims-reported", "non-claims reported (of reported)", m => m.NonClaimsReported, LowerIsBetter: true, Goal: 0.05, Floored: true);
    public static readonly MeasureDefinition StatusAccuracy =
        new("status-accuracy", "status accuracy", m => m.StatusAccuracy, false, null, true);
    // Extraction precision is 1 minus the non-claims and stray claims reported: printed, not floored twice.
    public static readonly MeasureDefinition ExtractionPrecision =
        new("extraction-precision", "extraction precision", m => m.ExtractionPrecision, false, null, false);

    public static readonly IReadOnlyList<MeasureDefinition> All =
    [
        ClaimsExtracted, ClaimsExtractedExact, AttributionsExtracted, FalseClaimsFlagged, FalseClaimsStrong,
        TrueClaimsFlagged, StrongVerdictsRight, NonClaimsReported, StatusAccuracy, ExtractionPrecision,
    ];

    public static readonly IReadOnlyList<MeasureDefinition> Goals = [.. All.Where(m => m.Goal is not null)];

    public static readonly IReadOnlyList<MeasureDefinition> Floored = [.. All.Where(m => m.Floored)];

    public static MeasureDefinition? Find(string id) => All.FirstOrDefault(m => m.Id == id);

    /// <summary>The issue's goals against one part's figures (printed for the held-out part; they do not fail a run).</summary>
    public static IReadOnlyList<GoalCheck> CheckGoals(Measures measures) =>
        [.. Goals.Select(m => new GoalCheck(m, m.Of(measures)))];
}

/// <summary>A goal of the issue against a measured figure. Nothing counted does not meet a goal.</summary>
public sealed record GoalCheck(MeasureDefinition Measure, Ratio Measured)
{
    public bool Met => Measured.Value is { } v && Measure.Reaches(v, Measure.Goal!.Value);

    public override string ToString() =>
        $"{Measure.Name} {Measured} {Measure.Comparison} {MeasureDefinition.Format(Measure.Goal!.Value)}: {(Met ? "met" : "not yet")}";
}
