using System.Globalization;
using System.Text;
using Repatriation.Core.Review;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports.Legacy;

/// <summary>
/// The writer as it was before reports were streamed (issue 11), kept only so tests can show that the streamed writer gives the same output.
/// The readable report: one line per claim (location, status, the claim, the message) with the
/// deciding source and the suggestion beneath. ANSI colours only when asked (a terminal).
/// </summary>
internal static class LegacyTextReportWriter
{
    /// <param name="onlyNew">Only flags that are new since the baseline (`check --only-new`); the summary line stays whole.</param>
    public static string Write(CheckReport report, bool colour, bool includeSupported = true, bool onlyNew = false)
    {
        var builder = new StringBuilder();
        var name = report.Document.Name ?? "(text)";
        builder.AppendLine(Paint($"{name}", "1", colour) +
            $"  fact set {report.FactSet.Id} {report.FactSet.Version}{(report.FactSet.Etag is null ? "" : $" (etag {report.FactSet.Etag})")}");

        bool Shown(ClaimResult claim) =>
            (includeSupported && !onlyNew || claim.Status != ClaimStatuses.Supported)
            && (!onlyNew || claim.Baseline == BaselineStates.New);

        foreach (var claim in report.Claims.Where(c => c.Decision is null && Shown(c)))
        {
            AppendClaim(builder, claim, colour);
            foreach (var source in claim.Evidence.SelectMany(e => e.Sources).Distinct().Take(3))
            {
                builder.Append("              source: ").AppendLine(Cite(source));
            }

            if (claim.Suggestion is not null)
            {
                builder.Append("              suggest: ").AppendLine(claim.Suggestion);
            }
        }

        // Dismissed claims apart, each with the editor's reason: seen, decided, not to be read again.
        var dismissed = report.Claims.Where(c => c.Decision is not null && c.Status != ClaimStatuses.Supported && Shown(c)).ToList();
        if (dismissed.Count > 0)
        {
            builder.AppendLine($"  dismissed ({dismissed.Count}):");
            foreach (var claim in dismissed)
            {
                AppendClaim(builder, claim, colour: false);
                var decision = claim.Decision!;
                builder.Append("              dismissed: ").Append(decision.Reason ?? "(no reason given)");
                if (decision.By is not null || decision.At is not null)
                {
                    builder.Append(" (").Append(string.Join(", ", new[] { decision.By, decision.At?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(p => p is not null))).Append(')');
                }

                builder.AppendLine();
            }
        }

        if (!onlyNew && report.AbsentClaims is { Count: > 0 } absent)
        {
            builder.AppendLine($"  gone since the baseline ({absent.Count}): " + string.Join("; ", absent.Select(a => $"{a.Status} \"{OneLine(a.Text)}\"")));
        }

        var s = report.Summary;
        if (s.StaleDecisions is { Count: > 0 } stale)
        {
            builder.AppendLine($"  stale decisions ({stale.Count}, their claims are gone): {string.Join(", ", stale.Select(d => d.Id))}");
        }

        builder.AppendLine($"  {s.Claims} claims, {s.Flagged} flagged ({s.Open} open, {s.Dismissed} dismissed): {s.Supported} supported, {s.Disputed} disputed, {s.Imprecise} imprecise, {s.Contradicted} contradicted, {s.Unsupported} unsupported, {s.Misattributed} misattributed");
        return builder.ToString();
    }

    private static void AppendClaim(StringBuilder builder, ClaimResult claim, bool colour)
    {
        var status = Paint(claim.Status.ToUpperInvariant().PadRight(13), ColourOf(claim.Status), colour);
        builder.Append($"  {claim.Line}:{claim.Column}".PadRight(10)).Append(status).Append(' ')
            .Append(claim.Kind.PadRight(12));
        if (claim.Baseline is BaselineStates.New or BaselineStates.Updated)
        {
            builder.Append('[').Append(claim.Baseline).Append("] ");
        }

        builder.Append('"').Append(OneLine(claim.Text)).Append("\"  ").AppendLine(claim.Message);
    }

    public static string Cite(EvidenceSource source)
    {
        var cite = new StringBuilder(source.Author).Append(", ").Append(source.Title);
        if (source.Year is { } year)
        {
            cite.Append(" (").Append(year).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(source.Page))
        {
            cite.Append(", p. ").Append(source.Page);
        }

        return cite.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string ColourOf(string status) => status switch
    {
        ClaimStatuses.Supported => "32",
        ClaimStatuses.Disputed => "36",
        ClaimStatuses.Imprecise or ClaimStatuses.Unsupported => "33",
        _ => "31",
    };

    private static string Paint(string text, string code, bool colour) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
