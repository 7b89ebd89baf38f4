namespace Repatriation.Core.Evaluation;

/// <summary>One target the engine must meet on the corpus, and whether this run met it.</summary>
public sealed record FloorCheck(string Name, Ratio Measured, double Target, bool AtMost)
{
    /// <summary>An unmeasurable figure (nothing counted) does not meet its target: the corpus must exercise it.</summary>
    public bool Met => Measured.Value is { } v && (AtMost ? v <= Target : v >= Target);

    public override string ToString() => $"{Name} {Measured} {(AtMost ? "<=" : ">=")} {Target:0.00}: {(Met ? "met" : "MISSED")}";
}

/// <summary>The project's quality targets, as floors (or a ceiling, for false alarms) on the evaluation figures.</summary>
public sealed record EvaluationFloors
{
    public double ExtractionRecall { get; init; } = 0.95;
    public double FalseClaimsFlagged { get; init; } = 0.95;
    public double FalseClaimsContradictedOrMisattributed { get; init; } = 0.80;
    public double FalseAlarmsOnTrueClaims { get; init; } = 0.05;

    public IReadOnlyList<FloorCheck> Check(EvaluationResult result) =>
    [
        new("extraction recall", result.ExtractionRecall, ExtractionRecall, AtMost: false),
        new("false claims flagged", result.FalseClaimsFlagged, FalseClaimsFlagged, AtMost: false),
        new("false claims contradicted or misattributed", result.FalseClaimsContradictedOrMisattributed, FalseClaimsContradictedOrMisattributed, AtMost: false),
        new("false alarms on true covered claims", result.FalseAlarmsOnTrueClaims, FalseAlarmsOnTrueClaims, AtMost: true),
    ];
}
