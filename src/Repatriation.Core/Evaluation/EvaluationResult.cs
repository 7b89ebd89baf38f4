using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>A share with its parts, so a reader sees "38 of 40", not only 0.95. Value is null when nothing was counted.</summary>
public sealed record Ratio(int Hits, int Total)
{
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    public override string ToString() => Value is { } v ? $"{v:0.000} ({Hits}/{Total})" : $"n/a (0/0)";
}

/// <summary>How a labelled claim lined up with what the checker found.</summary>
public static class Alignments
{
    /// <summary>A found claim has exactly the label's offset and length.</summary>
    public const string Exact = "exact";
    /// <summary>A found claim of the same kind overlaps the label but its span differs.</summary>
    public const string WrongSpan = "wrong-span";
    public const string Missed = "missed";
}

/// <summary>One labelled claim and what the checker made of it.</summary>
public sealed record ClaimOutcome
{
    public required string PassageId { get; init; }
    public required string Style { get; init; }
    public required string Text { get; init; }
    public required int Offset { get; init; }
    public required string Kind { get; init; }
    public required string Truth { get; init; }
    public required string ExpectedStatus { get; init; }
    public string? Note { get; init; }
    public required string Alignment { get; init; }
    /// <summary>The aligned found claim's text, kind, status and message; null when missed.</summary>
    public string? FoundText { get; init; }
    public string? FoundKind { get; init; }
    public string? FoundStatus { get; init; }
    public string? Message { get; init; }

    public bool Found => Alignment != Alignments.Missed;
    public bool StatusCorrect => Found && FoundStatus == ExpectedStatus;
    public bool Flagged => Found && FoundStatus != ClaimStatuses.Supported;
}

/// <summary>A claim the checker found that no label matches: an extraction false positive.</summary>
public sealed record SpuriousClaim(string PassageId, string Text, int Offset, string Kind, string Status, string Message);

/// <summary>Status precision and recall for one status. Precision counts only found claims that align to a label.</summary>
public sealed record StatusScore(string Status, int Expected, int Predicted, int Correct)
{
    public Ratio Precision => new(Correct, Predicted);
    public Ratio Recall => new(Correct, Expected);
}

/// <summary>Extraction and status scores for one claim kind.</summary>
public sealed record KindScore(string Kind, int Labels, int FoundExact, int FoundAny, int StatusCorrect)
{
    public Ratio ExtractionRecall => new(FoundExact, Labels);
    public Ratio StatusPrecision => new(StatusCorrect, FoundAny);
    public Ratio StatusRecall => new(StatusCorrect, Labels);
}

/// <summary>A passage the checker failed on; its labels all count as missed.</summary>
public sealed record PassageError(string PassageId, string Error);

/// <summary>Every figure of one evaluation run, with the per-claim detail behind them.</summary>
public sealed record EvaluationResult
{
    public required FactSetInfo FactSet { get; init; }
    public required int Passages { get; init; }
    public required int Labels { get; init; }
    public required int FoundClaims { get; init; }
    /// <summary>Labelled claims found with exactly the labelled span.</summary>
    public required Ratio ExtractionRecall { get; init; }
    /// <summary>Labelled claims found at all (exact or overlapping span of the same kind).</summary>
    public required Ratio LenientExtractionRecall { get; init; }
    /// <summary>Found claims that align to a label.</summary>
    public required Ratio ExtractionPrecision { get; init; }
    /// <summary>Labelled claims found and given the expected status.</summary>
    public required Ratio StatusAccuracy { get; init; }
    /// <summary>False claims given any status but supported (a missed claim is not flagged).</summary>
    public required Ratio FalseClaimsFlagged { get; init; }
    /// <summary>False claims given contradicted or misattributed, the statuses that say "wrong", not merely "unsourced".</summary>
    public required Ratio FalseClaimsContradictedOrMisattributed { get; init; }
    /// <summary>True claims the fact set covers that were flagged with a status other than the expected one.</summary>
    public required Ratio FalseAlarmsOnTrueClaims { get; init; }
    public required IReadOnlyList<StatusScore> ByStatus { get; init; }
    public required IReadOnlyList<KindScore> ByKind { get; init; }
    public required IReadOnlyList<ClaimOutcome> Claims { get; init; }
    public required IReadOnlyList<SpuriousClaim> Spurious { get; init; }
    public required IReadOnlyList<PassageError> Errors { get; init; }
}
