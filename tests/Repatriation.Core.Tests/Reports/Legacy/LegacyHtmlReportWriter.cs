using System.Net;
using System.Text;

using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports.Legacy;

/// <summary>
/// The writer as it was before reports were streamed (issue 11), kept only so tests can show that the streamed writer gives the same output.
/// A self-contained HTML page an editor can open offline: summary, the checked text with every claim
/// highlighted by status, and a table of claims with message, sources and suggestion. No scripts, fonts or
/// images are fetched; everything from the manuscript or the fact set is HTML-escaped.
/// </summary>
internal static class LegacyHtmlReportWriter
{
    private const string Style = """
        :root { color-scheme: light dark; --supported:#2e7d32; --disputed:#00838f; --imprecise:#b26a00; --unsupported:#8d6e00; --contradicted:#c62828; --misattributed:#ad1457; }
        body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border: 1px solid #8884; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .text { white-space: pre-wrap; font-family: Georgia, serif; border: 1px solid #8884; padding: 1rem; line-height: 1.7; }
        mark { background: none; color: inherit; border-bottom: 3px solid; padding: 0 1px; }
        mark a { color: inherit; text-decoration: none; }
        .status { font-weight: 600; white-space: nowrap; }
        .supported { border-color: var(--supported); } .status.supported { color: var(--supported); }
        .disputed { border-color: var(--disputed); background: #00838f14; } .status.disputed { color: var(--disputed); }
        .imprecise { border-color: var(--imprecise); background: #b26a0014; } .status.imprecise { color: var(--imprecise); }
        .unsupported { border-color: var(--unsupported); background: #8d6e0014; } .status.unsupported { color: var(--unsupported); }
        .contradicted { border-color: var(--contradicted); background: #c6282818; } .status.contradicted { color: var(--contradicted); }
        .misattributed { border-color: var(--misattributed); background: #ad145718; } .status.misattributed { color: var(--misattributed); }
        td.status { border-color: #8884; }
        .muted { opacity: .75; font-size: 13px; }
        """;

    public static string Write(CheckReport report) => Write([report]);

    public static string Write(IReadOnlyList<CheckReport> reports, IReadOnlyList<string>? texts = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var html = new StringBuilder();
        var title = reports.Count == 1 ? $"Citation check: {reports[0].Document.Name ?? "text"}" : $"Citation check: {reports.Count} manuscripts";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        for (var i = 0; i < reports.Count; i++)
        {
            WriteReport(html, reports[i], texts is not null && i < texts.Count ? texts[i] : null, $"d{i + 1}");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteReport(StringBuilder html, CheckReport report, string? text, string prefix)
    {
        var s = report.Summary;
        html.Append("<section>\n<h1>").Append(E(report.Document.Name ?? "(text)")).Append("</h1>\n");
        html.Append("<p class=\"muted\">Checked by ").Append(E(report.Service.Name)).Append(' ').Append(E(report.Service.Version))
            .Append(" against fact set ").Append(E(report.FactSet.Id)).Append(' ').Append(E(report.FactSet.Version));
        if (report.FactSet.Etag is not null)
        {
            html.Append(" (etag ").Append(E(report.FactSet.Etag)).Append(')');
        }

        html.Append(". ").Append(report.Document.Characters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append(" characters");
        if (report.Document.Format is not null)
        {
            html.Append(" of ").Append(E(report.Document.Format));
        }

        if (report.Document.CheckedText == "extracted")
        {
            html.Append("; offsets refer to the text extracted from the document, shown below");
        }

        html.Append(".</p>\n<table>\n<tr><th>claims</th><th>flagged</th><th>open</th><th>dismissed</th>");
        foreach (var status in ClaimStatuses.All)
        {
            html.Append("<th class=\"status ").Append(status).Append("\">").Append(status).Append("</th>");
        }

        html.Append("</tr>\n<tr><td>").Append(s.Claims).Append("</td><td>").Append(s.Flagged).Append("</td><td>").Append(s.Open)
            .Append("</td><td>").Append(s.Dismissed).Append("</td><td>").Append(s.Supported)
            .Append("</td><td>").Append(s.Disputed).Append("</td><td>").Append(s.Imprecise).Append("</td><td>").Append(s.Contradicted)
            .Append("</td><td>").Append(s.Unsupported).Append("</td><td>").Append(s.Misattributed).Append("</td></tr>\n</table>\n");

        if (report.Consistency is { Count: > 0 } findings)
        {
            html.Append("<h2>Inconsistent within the manuscript</h2>\n<ul>\n");
            foreach (var finding in findings)
            {
                html.Append("<li>").Append(E(finding.Message)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (report.Sections is { Count: > 0 } sections)
        {
            html.Append("<h2>By chapter</h2>\n<table>\n<tr><th>heading</th><th>line</th><th>claims</th><th>flagged</th><th>contradicted</th><th>misattributed</th><th>imprecise</th><th>unsupported</th><th>disputed</th></tr>\n");
            foreach (var section in sections)
            {
                var t = section.Summary;
                html.Append("<tr><td>").Append(E(section.Title)).Append("</td><td>").Append(section.Line).Append("</td><td>").Append(t.Claims)
                    .Append("</td><td>").Append(t.Flagged).Append("</td><td>").Append(t.Contradicted).Append("</td><td>").Append(t.Misattributed)
                    .Append("</td><td>").Append(t.Imprecise).Append("</td><td>").Append(t.Unsupported).Append("</td><td>").Append(t.Disputed).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (text is not null)
        {
            html.Append("<h2>Text</h2>\n<div class=\"text\">");
            AppendHighlighted(html, text, report, prefix);
            html.Append("</div>\n");
        }

        html.Append("<h2>Claims</h2>\n<table>\n<tr><th>where</th><th>status</th><th>kind</th><th>claim</th><th>message</th><th>sources</th><th>suggestion</th></tr>\n");
        foreach (var claim in report.Claims.Where(c => c.Decision is null || c.Status == ClaimStatuses.Supported))
        {
            html.Append("<tr id=\"").Append(prefix).Append("-row-").Append(E(claim.Id)).Append("\"><td>");
            html.Append(text is null ? "" : $"<a href=\"#{prefix}-{E(claim.Id)}\">").Append(claim.Line).Append(':').Append(claim.Column).Append(text is null ? "" : "</a>");
            if (claim.Location is { } location)
            {
                html.Append("<br><span class=\"muted\">").Append(E(location.Part));
                if (location.Note is { } note)
                {
                    html.Append(' ').Append(note);
                }

                html.Append(", ¶").Append(location.Paragraph).Append(" +").Append(location.Offset).Append("</span>");
            }

            html.Append("</td><td class=\"status ").Append(E(claim.Status)).Append("\">").Append(E(claim.Status)).Append("</td><td>").Append(E(claim.Kind))
                .Append(claim.Baseline is { } state && state != Repatriation.Core.Review.BaselineStates.Unchanged ? $"<br><span class=\"muted\">{E(state)}</span>" : "")
                .Append("</td><td>").Append(E(claim.Text)).Append("</td><td>").Append(E(claim.Message)).Append("</td><td>");
            var sources = claim.Evidence.SelectMany(e => e.Sources).Distinct().ToList();
            foreach (var source in sources)
            {
                html.Append(E(LegacyTextReportWriter.Cite(source))).Append("<br>");
            }

            html.Append("</td><td>").Append(E(claim.Suggestion ?? "")).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        var dismissed = report.Claims.Where(c => c.Decision is not null && c.Status != ClaimStatuses.Supported).ToList();
        if (dismissed.Count > 0)
        {
            // Apart from the open claims, with the editor's reason: decided once, not to be read again.
            html.Append("<h2>Dismissed</h2>\n<table>\n<tr><th>where</th><th>status</th><th>claim</th><th>reason</th><th>by</th><th>when</th></tr>\n");
            foreach (var claim in dismissed)
            {
                var decision = claim.Decision!;
                html.Append("<tr id=\"").Append(prefix).Append("-row-").Append(E(claim.Id)).Append("\" class=\"dismissed\"><td>")
                    .Append(text is null ? "" : $"<a href=\"#{prefix}-{E(claim.Id)}\">").Append(claim.Line).Append(':').Append(claim.Column).Append(text is null ? "" : "</a>")
                    .Append("</td><td class=\"status ").Append(E(claim.Status)).Append("\">").Append(E(claim.Status))
                    .Append("</td><td>").Append(E(claim.Text)).Append("</td><td>").Append(E(decision.Reason ?? ""))
                    .Append("</td><td>").Append(E(decision.By ?? "")).Append("</td><td>")
                    .Append(E(decision.At?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "")).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>The checked text with each claim marked; a claim overlapping an earlier one stays unmarked in the text (it is in the table).</summary>
    private static void AppendHighlighted(StringBuilder html, string text, CheckReport report, string prefix)
    {
        var codePoints = report.Document.StringIndexType == StringIndexTypes.UnicodeCodePoint;
        var position = 0;
        foreach (var claim in report.Claims.OrderBy(c => c.Offset))
        {
            var start = codePoints ? Utf16Of(text, claim.Offset) : claim.Offset;
            var end = codePoints ? Utf16Of(text, claim.Offset + claim.Length) : claim.Offset + claim.Length;
            if (start < position || end > text.Length)
            {
                continue;
            }

            html.Append(E(text[position..start]));
            html.Append("<mark id=\"").Append(prefix).Append('-').Append(E(claim.Id)).Append("\" class=\"").Append(E(claim.Status))
                .Append("\" title=\"").Append(E($"{claim.Status}: {claim.Message}")).Append("\"><a href=\"#").Append(prefix).Append("-row-").Append(E(claim.Id)).Append("\">")
                .Append(E(text[start..end])).Append("</a></mark>");
            position = end;
        }

        html.Append(E(text[position..]));
    }

    private static int Utf16Of(string text, int codePoints)
    {
        var i = 0;
        for (var n = 0; n < codePoints && i < text.Length; n++)
        {
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }

        return i;
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
