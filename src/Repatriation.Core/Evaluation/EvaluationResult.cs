using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>A share with its parts, so a reader sees "38 of 40", not only 0.95. Value is null when nothing was counted.</summary>
public sealed record Ratio(int Hits, int Total)
{
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    public override string ToString() => Value is { } v ? $"{v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)} ({Hits}/{Total})" : "n/a (0/0)";
}

/// <summary>How a labelled claim lined up with what the checker found.</summary>
public static class Alignments
{
    /// <summary>A found claim of the label's kind has exactly the label's offset and length.</summary>
    public const string Exact = "exact";
    /// <summary>A found claim of the label's kind overlaps the label but its span differs.</summary>
    public const string WrongSpan = "wrong-span";
    public const string Missed = "missed";
}

/// <summary>What a reported claim is, seen from the labels of its passage.</summary>
public static class ReportedCategories
{
    /// <summary>Aligned to a label (see <see cref="Alignments"/>).</summary>
    public const string Labelled = "labelled";
    /// <summary>Not aligned, and overlapping a span marked as a non-claim (a dateline's day, a number in a quotation).</summary>
    public const string NonClaim = "non-claim";
    /// <summary>Overlapping no label and no non-claim: the corpus says nothing is there to report.</summary>
    public const string Unlabelled = "unlabelled";
    /// <summary>
    /// Not aligned but overlapping a label that another found claim took, or of another kind than the label
    /// (a year read as a count). Neither a right claim nor a non-claim; it lowers extraction precision only.
    /// </summary>
    public const string Stray = "stray";
}

/// <summary>The statuses that say "wrong", not merely "unsourced": an editor must be able to sign each of them.</summary>
public static class StrongStatuses
{
    public static readonly IReadOnlyList<string> All = [ClaimStatuses.Contradicted, ClaimStatuses.Imprecise, ClaimStatuses.Misattributed];

    public static bool Contains(string? status) => status is ClaimStatuses.Contradicted or ClaimStatuses.Imprecise or ClaimStatuses.Misattributed;
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
    public bool CalledStrong => Found && StrongStatuses.Contains(FoundStatus);

    /// <summary>
    /// A true claim (one the fact set covers, so its label is supported or disputed) is falsely alarmed when it is
    /// found with a status that is neither supported nor the label's own: a true estimate among disagreeing ones is
    /// rightly "disputed", and a disputed label passed as supported is not flagged at all; a supported label called
    /// disputed is a false alarm. A true claim not found is an extraction miss, counted there.
    /// </summary>
    public bool FalseAlarm => Truth == ClaimTruth.True && Flagged && FoundStatus != ExpectedStatus;
}

/// <summary>One claim the checker reported, and what the labels say it is.</summary>
public sealed record ReportedClaim
{
    public required string PassageId { get; init; }
    public required string Text { get; init; }
    public required int Offset { get; init; }
    public required int Length { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required string Message { get; init; }
    /// <summary>One of <see cref="ReportedCategories"/>.</summary>
    public required string Category { get; init; }
    /// <summary>The aligned label's truth; null when the claim is not aligned to a label.</summary>
    public string? LabelTruth { get; init; }
    /// <summary>The note of the non-claim it overlaps; null unless <see cref="Category"/> is non-claim.</summary>
    public string? NonClaimNote { get; init; }

    public bool IsStrong => StrongStatuses.Contains(Status);
    public bool CountsAsNonClaim => Category is ReportedCategories.NonClaim or ReportedCategories.Unlabelled;
    /// <summary>A strong verdict is right only on a claim labelled false; on a true, uncovered, unlabelled or non-claim span it is wrong.</summary>
    public bool StrongAndRight => IsStrong && Category == ReportedCategories.Labelled && LabelTruth == ClaimTruth.False;
}

/// <summary>
/// The issue's measures over one set of labels and reported claims (a part, or its claims of one kind or genre).
/// Label-based shares count missed labels in their denominators; reported-based shares count every reported claim.
/// </summary>
public sealed record Measures
{
    public required int Passages { get; init; }
    public required int Labels { get; init; }
    public required int Reported { get; init; }
    /// <summary>Labels found: a reported claim of the same kind with the label's span or overlapping it.</summary>
    public required Ratio ClaimsExtracted { get; init; }
    /// <summary>Labels found with exactly the labelled span.</summary>
    public required Ratio ClaimsExtractedExact { get; init; }
    /// <summary><see cref="ClaimsExtracted"/> for attribution labels only.</summary>
    public required Ratio AttributionsExtracted { get; init; }
    /// <summary>Reported claims aligned to a label.</summary>
    public required Ratio ExtractionPrecision { get; init; }
    /// <summary>Labels found and given the labelled status.</summary>
    public required Ratio StatusAccuracy { get; init; }
    /// <summary>Labels with truth false, found with any status but supported.</summary>
    public required Ratio FalseClaimsFlagged { get; init; }
    /// <summary>Labels with truth false, found and called contradicted, imprecise or misattributed.</summary>
    public required Ratio FalseClaimsStrong { get; init; }
    /// <summary>Labels with truth true, found and falsely alarmed (<see cref="ClaimOutcome.FalseAlarm"/>).</summary>
    public required Ratio TrueClaimsFlagged { get; init; }
    /// <summary>Reported claims called contradicted, imprecise or misattributed that are aligned to a label with truth false.</summary>
    public required Ratio StrongVerdictsRight { get; init; }
    /// <summary>Reported claims that overlap a non-claim or no label at all, of all reported claims.</summary>
    public required Ratio NonClaimsReported { get; init; }

    public static Measures Of(int passages, IReadOnlyCollection<ClaimOutcome> labels, IReadOnlyCollection<ReportedClaim> reported)
    {
        var falseLabels = labels.Where(o => o.Truth == ClaimTruth.False).ToList();
        var trueLabels = labels.Where(o => o.Truth == ClaimTruth.True).ToList();
        var attributions = labels.Where(o => o.Kind == ClaimKinds.Attribution).ToList();
        var strong = reported.Where(r => r.IsStrong).ToList();
        return new Measures
        {
            Passages = passages,
            Labels = labels.Count,
            Reported = reported.Count,
            ClaimsExtracted = new(labels.Count(o => o.Found), labels.Count),
            ClaimsExtractedExact = new(labels.Count(o => o.Alignment == Alignments.Exact), labels.Count),
            AttributionsExtracted = new(attributions.Count(o => o.Found), attributions.Count),
            ExtractionPrecision = new(reported.Count(r => r.Category == ReportedCategories.Labelled), reported.Count),
            StatusAccuracy = new(labels.Count(o => o.StatusCorrect), labels.Count),
            FalseClaimsFlagged = new(falseLabels.Count(o => o.Flagged), falseLabels.Count),
            FalseClaimsStrong = new(falseLabels.Count(o => o.CalledStrong), falseLabels.Count),
            TrueClaimsFlagged = new(trueLabels.Count(o => o.FalseAlarm), trueLabels.Count),
            StrongVerdictsRight = new(strong.Count(r => r.StrongAndRight), strong.Count),
            NonClaimsReported = new(reported.Count(r => r.CountsAsNonClaim), reported.Count),
        };
    }
}

/// <summary>
/// One status's row. Expected, given (found claims aligned to a label), correct: precision and recall as before.
/// Reported counts every reported claim with the status, labelled or not; Right those aligned to a label whose
/// truth allows the status (a strong status on a false claim, supported or disputed on a true one, unsupported on an
/// uncovered one); OnNonClaims those counted as non-claims reported.
/// </summary>
public sealed record StatusScore(string Status, int Expected, int Given, int Correct, int Reported, int Right, int OnNonClaims)
{
    public Ratio Precision => new(Correct, Given);
    public Ratio Recall => new(Correct, Expected);
    public Ratio RightShare => new(Right, Reported);
}

public sealed record KindMeasures(string Kind, Measures Measures);

public sealed record GenreMeasures(string Genre, Measures Measures);

/// <summary>A passage the checker failed on; its labels all count as missed.</summary>
public sealed record PassageError(string PassageId, string Error);

/// <summary>Every figure of one part's evaluation, with the per-claim detail behind them.</summary>
public sealed record EvaluationResult
{
    /// <summary>One of <see cref="CorpusParts"/>, or a folder's name for an ad-hoc corpus.</summary>
    public required string Part { get; init; }
    public required FactSetInfo FactSet { get; init; }
    public required Measures Measures { get; init; }
    public required IReadOnlyList<KindMeasures> ByKind { get; init; }
    public required IReadOnlyList<StatusScore> ByStatus { get; init; }
    /// <summary>Per genre (our own passages, which have no genre, by style).</summary>
    public required IReadOnlyList<GenreMeasures> ByGenre { get; init; }
    public required IReadOnlyList<ClaimOutcome> Claims { get; init; }
    public required IReadOnlyList<ReportedClaim> Reported { get; init; }
    public required IReadOnlyList<PassageError> Errors { get; init; }

    public bool IsEmpty => Measures.Passages == 0;
}
