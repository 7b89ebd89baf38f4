using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>Decides a claim's status against the fact set (see the contract's status table).</summary>
public sealed class ClaimMatcher
{
    public MatchOutcome Match(ExtractedClaim claim, IReadOnlyList<ExtractedClaim> allClaims, string text, FactIndex index) =>
        new(ClaimStatuses.Unsupported, "No fact in the fact set speaks to this claim.", [], null);
}
