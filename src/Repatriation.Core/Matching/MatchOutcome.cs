using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>What the matcher decided for one claim, before it is placed in a report.</summary>
/// <remarks>
/// <see cref="Confidence"/> (0–1) grades the reading that decided the status: how plainly the text names the measure,
/// event, work or act, whether its scope was said or carried, whether another reading would have said otherwise,
/// how plausible the value is for that measure. A strong status is given only above the rules' threshold
/// (<see cref="VerdictGrader"/>).
/// </remarks>
public sealed record MatchOutcome(
    string Status,
    string Message,
    IReadOnlyList<Evidence> Evidence,
    string? Suggestion)
{
    public double Confidence { get; init; } = 1.0;

    /// <summary>False when the matcher found the claim to be about another matter altogether (a date nothing in the fact set dates, in a year the subject never touches): it is not reported.</summary>
    public bool IsClaim { get; init; } = true;

    /// <summary>The rule and evidence that reached this verdict (its reason path); not reported.</summary>
    public MatchReading Reading { get; init; }
}
