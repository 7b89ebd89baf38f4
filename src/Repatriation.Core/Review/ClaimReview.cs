using Repatriation.Core.Reports;

namespace Repatriation.Core.Review;

/// <summary>
/// Marks claims one at a time, as a check streams them, with an editor's decision (by claim id) and, when a baseline
/// is given, the claim's state against it; then names the decisions and baseline claims no claim matched. It keeps the
/// ids it was given, never the claims, so a streamed report stays streamed.
/// </summary>
public sealed class ClaimReview
{
    private readonly Dictionary<string, Decision> _decisions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BaselineClaim>? _baseline;
    private readonly HashSet<string> _matchedDecisions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _matchedBaseline = new(StringComparer.Ordinal);

    /// <param name="baselineGiven">A baseline was asked for even if none matched this manuscript: every claim is then "new".</param>
    public ClaimReview(IReadOnlyList<Decision>? decisions, BaselineDocument? baseline, bool baselineGiven = false)
    {
        foreach (var decision in decisions ?? [])
        {
            // A later line for the same claim replaces an earlier one, as a later edit of the file would.
            _decisions[decision.Id] = decision;
        }

        if (baselineGiven || baseline is not null)
        {
            _baseline = new Dictionary<string, BaselineClaim>(StringComparer.Ordinal);
            foreach (var claim in baseline?.Claims ?? [])
            {
                _baseline.TryAdd(claim.Id, claim);
            }
        }
    }

    /// <summary>No decisions, no baseline: claims pass unchanged.</summary>
    public static ClaimReview None() => new(null, null);

    /// <summary>The claim with its decision (or none) and, with a baseline, its state: new, unchanged or updated.</summary>
    public ClaimResult Mark(ClaimResult claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Decision? decision = null;
        if (_decisions.Count > 0 && _decisions.TryGetValue(claim.Id, out decision))
        {
            _matchedDecisions.Add(claim.Id);
        }

        string? state = null;
        if (_baseline is not null)
        {
            if (_baseline.TryGetValue(claim.Id, out var earlier))
            {
                _matchedBaseline.Add(claim.Id);
                state = earlier.Status == claim.Status ? BaselineStates.Unchanged : BaselineStates.Updated;
            }
            else
            {
                state = BaselineStates.New;
            }
        }

        return ReferenceEquals(decision, claim.Decision) && state == claim.Baseline ? claim : claim with { Decision = decision, Baseline = state };
    }

    /// <summary>Decisions whose claim no claim marked so far matched, in the order they were given.</summary>
    public IReadOnlyList<Decision> StaleDecisions() => _decisions.Values.Where(d => !_matchedDecisions.Contains(d.Id)).ToList();

    /// <summary>The baseline's claims no claim matched; null when no baseline was given.</summary>
    public IReadOnlyList<AbsentClaim>? AbsentClaims() => _baseline?.Values
        .Where(b => !_matchedBaseline.Contains(b.Id))
        .Select(b => new AbsentClaim(b.Id, b.Kind, b.Status, b.Text, b.Line, b.Column))
        .ToList();
}
