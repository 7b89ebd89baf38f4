using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Review;

/// <summary>
/// What an editor already knows about a manuscript, applied to a fresh report: decisions (matched by claim id)
/// and an earlier report of the same manuscript (its baseline). Statuses are never changed here.
/// </summary>
public static class ReportReview
{
    /// <summary>
    /// Marks each claim with its decision and, when <paramref name="baselineGiven"/>, its baseline state; lists the
    /// baseline's claims that are gone and the decisions whose claim is gone; recounts dismissed and open.
    /// </summary>
    public static CheckReport Apply(CheckReport report, IReadOnlyList<Decision>? decisions, BaselineDocument? baseline, bool baselineGiven = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var review = new ClaimReview(decisions, baseline, baselineGiven);
        var claims = report.Claims.Select(review.Mark).ToList();
        var dismissed = claims.Count(IsDismissed);
        return report with
        {
            Claims = claims,
            Summary = report.Summary with { Dismissed = dismissed, Open = report.Summary.Flagged - dismissed, StaleDecisions = review.StaleDecisions() },
            Sections = report.Sections is { } sections ? Recount(sections, claims) : null,
            AbsentClaims = review.AbsentClaims(),
        };
    }

    private static bool IsDismissed(ClaimResult claim) => claim.Decision is not null && claim.Status != ClaimStatuses.Supported;

    /// <summary>
    /// Each section's dismissed and open counts, from the claims between its start and the next section's: one pass
    /// over the claims, each placed by a binary search over the sections' starts.
    /// </summary>
    private static List<SectionSummary> Recount(IReadOnlyList<SectionSummary> sections, IReadOnlyList<ClaimResult> claims)
    {
        var starts = sections.Select(s => s.Offset).ToArray();
        var dismissed = new int[sections.Count];
        foreach (var claim in claims.Where(IsDismissed))
        {
            var index = Array.BinarySearch(starts, claim.Offset);
            index = index >= 0 ? index : ~index - 1;
            if (index >= 0)
            {
                dismissed[index]++;
            }
        }

        return sections.Select((s, i) => s with { Summary = s.Summary with { Dismissed = dismissed[i], Open = s.Summary.Flagged - dismissed[i] } }).ToList();
    }

    /// <summary>
    /// The same baseline marks on a report already written as JSON (a job's stored report, shared by every job that
    /// submitted the same manuscript): each claim gets "baseline", the report "absentClaims".
    /// </summary>
    public static void ApplyBaseline(JsonObject report, BaselineDocument? baseline)
    {
        ArgumentNullException.ThrowIfNull(report);
        var before = new Dictionary<string, BaselineClaim>(StringComparer.Ordinal);
        foreach (var claim in baseline?.Claims ?? [])
        {
            before.TryAdd(claim.Id, claim);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in report["claims"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            var id = claim["id"]?.GetValue<string>() ?? "";
            ids.Add(id);
            claim["baseline"] = !before.TryGetValue(id, out var earlier) ? BaselineStates.New
                : earlier.Status == claim["status"]?.GetValue<string>() ? BaselineStates.Unchanged
                : BaselineStates.Updated;
        }

        report["absentClaims"] = JsonSerializer.SerializeToNode(
            before.Values.Where(b => !ids.Contains(b.Id)).Select(b => new AbsentClaim(b.Id, b.Kind, b.Status, b.Text, b.Line, b.Column)).ToList(),
            ReportJson.Options);
    }
}
