using Repatriation.Core.Checking;
using Repatriation.Core.Extraction;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

internal static class Outcomes
{
    /// <summary>Which of several readings to prefer: the one the fact set bears out best.</summary>
    public static int Rank(string status) => status switch
    {
        ClaimStatuses.Supported => 0,
        ClaimStatuses.Disputed => 1,
        ClaimStatuses.Imprecise => 2,
        ClaimStatuses.Contradicted => 3,
        ClaimStatuses.Misattributed => 4,
        _ => 5,
    };

    /// <summary>A figure or date about another matter: dropped from the report.</summary>
    public static MatchOutcome NotAClaim(ExtractedClaim claim) => Unsupported(claim) with { IsClaim = false };

    // Most claims end here; the outcome depends on the kind alone, so one immutable instance per kind is shared.
    private static readonly MatchOutcome UnsupportedFigure = NewUnsupported(ClaimKind.Figure);
    private static readonly MatchOutcome UnsupportedDate = NewUnsupported(ClaimKind.Date);
    private static readonly MatchOutcome UnsupportedAttribution = NewUnsupported(ClaimKind.Attribution);
    private static readonly MatchOutcome UnsupportedQuote = NewUnsupported(ClaimKind.Quote);

    public static MatchOutcome Unsupported(ExtractedClaim claim) => claim.Kind switch
    {
        ClaimKind.Figure => UnsupportedFigure,
        ClaimKind.Date => UnsupportedDate,
        ClaimKind.Attribution => UnsupportedAttribution,
        ClaimKind.Quote => UnsupportedQuote,
        _ => NewUnsupported(claim.Kind),
    };

    private static MatchOutcome NewUnsupported(ClaimKind kind) => new(
        ClaimStatuses.Unsupported,
        $"No fact in the fact set speaks to this {ClaimChecker.KindName(kind)}; check it against a source before publishing.",
        [],
        null);
}

/// <summary>Words an editor reads for a figure's verdict.</summary>
internal sealed class FigureOutcomes(Facts.FactIndex index, EvidenceBuilder evidence)
{
    public MatchOutcome Describe(ExtractedClaim claim, FigureVerdict verdict, DateValue? period)
    {
        var measure = verdict.Candidate.Measure;
        var deciding = verdict.Deciding.Count > 0 ? verdict.Deciding : verdict.All;
        var items = deciding.Select(evidence.From).ToList();
        var first = deciding.FirstOrDefault();
        string Cited(Facts.Fact f) => $"{EvidenceBuilder.FormatValue(f.Value!, measure.Unit)} ({evidence.EstimatorName(f) ?? evidence.Citation(f.Sources)})";
        var listed = EvidenceBuilder.JoinAnd(deciding.Select(Cited).Distinct().ToList());

        switch (verdict.Status)
        {
            case ClaimStatuses.Supported:
                return new MatchOutcome(ClaimStatuses.Supported,
                    $"Matches the sourced figure for {measure.Name}: {listed}.", items, null);
            case ClaimStatuses.Disputed:
                return new MatchOutcome(ClaimStatuses.Disputed,
                    $"Historians disagree on {measure.Name}: {listed}; say whose estimate this is.",
                    items,
                    $"{claim.Text} (by {evidence.EstimatorName(first!) ?? "one estimate"}; others give {EvidenceBuilder.JoinAnd(deciding.Skip(1).Select(Cited).Distinct().ToList())})");
            case ClaimStatuses.Imprecise when verdict.Reason == "scope":
                var population = measure.Population is { } p && index.Populations.TryGetValue(p, out var pop) ? pop.Name : "a narrower group";
                return new MatchOutcome(ClaimStatuses.Imprecise,
                    $"The sourced figures count {population} only, not everyone the sentence names: {listed}.",
                    items, $"{claim.Text} {population} ({EvidenceBuilder.JoinAnd(deciding.Select(f => evidence.EstimatorName(f) ?? evidence.Citation(f.Sources)).Distinct().ToList())})");
            case ClaimStatuses.Imprecise:
                return new MatchOutcome(ClaimStatuses.Imprecise,
                    $"“{claim.Text}” stretches or narrows what the sources give for {measure.Name}: {listed}.",
                    items, first is null ? null : Cited(first));
            case ClaimStatuses.Contradicted:
                var value = verdict.Aggregate is { } sum
                    ? $"{EvidenceBuilder.FormatNumber(sum.Low, measure.Unit)} in that period"
                    : listed;
                return new MatchOutcome(ClaimStatuses.Contradicted,
                    $"The sources give {value} for {measure.Name}, which does not fit “{claim.Text}”.",
                    items, first is null ? null : Cited(first));
            default:
                return Outcomes.Unsupported(claim);
        }
    }
}
