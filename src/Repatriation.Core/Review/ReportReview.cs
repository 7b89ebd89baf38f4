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
        baselineGiven |= baseline is not null;
        var byId = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in decisions ?? [])
        {
            // A later line for the same claim replaces an earlier one, as a later edit of the file would.
            byId[decision.Id] = decision;
        }

        var before = new Dictionary<string, BaselineClaim>(StringComparer.Ordinal);
        foreach (var claim in baseline?.Claims ?? [])
        {
            before.TryAdd(claim.Id, claim);
        }

        var claims = report.Claims.Select(c => c with
        {
            Decision = byId.GetValueOrDefault(c.Id),
            Baseline = !baselineGiven ? null
                : !before.TryGetValue(c.Id, out var earlier) ? BaselineStates.New
                : earlier.Status == c.Status ? BaselineStates.Unchanged
                : BaselineStates.Updated,
        }).ToList();

        var ids = claims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var stale = byId.Values.Where(d => !ids.Contains(d.Id)).ToList();
        var absent = baselineGiven
            ? before.Values.Where(b => !ids.Contains(b.Id)).Select(b => new AbsentClaim(b.Id, b.Kind, b.Status, b.Text, b.Line, b.Column)).ToList()
            : null;

        var dismissed = claims.Count(c => c.Decision is not null && c.Status != ClaimStatuses.Supported);
        return report with
        {
            Claims = claims,
            Summary = report.Summary with { Dismissed = dismissed, Open = report.Summary.Flagged - dismissed, StaleDecisions = stale },
            Sections = report.Sections?.Select(s => Recount(s, claims, report.Sections)).ToList(),
            AbsentClaims = absent,
        };
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

    /// <summary>A section's dismissed and open counts, from the claims between its start and the next section's.</summary>
    private static SectionSummary Recount(SectionSummary section, IReadOnlyList<ClaimResult> claims, IReadOnlyList<SectionSummary> sections)
    {
        var next = sections.Where(s => s.Offset > section.Offset).Select(s => (int?)s.Offset).Min();
        var dismissed = claims.Count(c => c.Decision is not null && c.Status != ClaimStatuses.Supported
            && c.Offset >= section.Offset && (next is null || c.Offset < next));
        return section with { Summary = section.Summary with { Dismissed = dismissed, Open = section.Summary.Flagged - dismissed } };
    }
}
