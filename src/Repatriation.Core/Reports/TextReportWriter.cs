using System.Text;

namespace Repatriation.Core.Reports;

/// <summary>
/// The readable report: one line per claim (location, status, the claim, the message) with the
/// deciding source and the suggestion beneath. ANSI colours only when asked (a terminal).
/// </summary>
public static class TextReportWriter
{
    public static string Write(CheckReport report, bool colour, bool includeSupported = true)
    {
        var builder = new StringBuilder();
        var name = report.Document.Name ?? "(text)";
        builder.AppendLine(Paint($"{name}", "1", colour) +
            $"  fact set {report.FactSet.Id} {report.FactSet.Version}{(report.FactSet.Etag is null ? "" : $" (etag {report.FactSet.Etag})")}");

        foreach (var claim in report.Claims)
        {
            if (!includeSupported && claim.Status == ClaimStatuses.Supported)
            {
                continue;
            }

            var status = Paint(claim.Status.ToUpperInvariant().PadRight(13), ColourOf(claim.Status), colour);
            builder.Append($"  {claim.Line}:{claim.Column}".PadRight(10)).Append(status).Append(' ')
                .Append(claim.Kind.PadRight(12)).Append('"').Append(OneLine(claim.Text)).Append("\"  ")
                .AppendLine(claim.Message);
            foreach (var source in claim.Evidence.SelectMany(e => e.Sources).Distinct().Take(3))
            {
                builder.Append("              source: ").AppendLine(Cite(source));
            }

            if (claim.Suggestion is not null)
            {
                builder.Append("              suggest: ").AppendLine(claim.Suggestion);
            }
        }

        var s = report.Summary;
        builder.AppendLine($"  {s.Claims} claims, {s.Flagged} flagged: {s.Supported} supported, {s.Disputed} disputed, {s.Imprecise} imprecise, {s.Contradicted} contradicted, {s.Unsupported} unsupported, {s.Misattributed} misattributed");
        return builder.ToString();
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
