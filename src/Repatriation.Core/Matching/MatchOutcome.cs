using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>What the matcher decided for one claim, before it is placed in a report.</summary>
public sealed record MatchOutcome(
    string Status,
    string Message,
    IReadOnlyList<Evidence> Evidence,
    string? Suggestion);
