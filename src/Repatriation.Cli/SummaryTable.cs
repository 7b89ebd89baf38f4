using System.Text;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

internal sealed record SummaryRow(string Name, ReportSummary? Summary, string? Error);

/// <summary>One line per manuscript: claims by status, or why it could not be read; totals at the foot.</summary>
internal static class SummaryTable
{
    private static readonly string[] Columns = ["claims", "flagged", "supported", "disputed", "imprecise", "contradicted", "unsupported", "misattributed"];

    public static string Write(IReadOnlyList<SummaryRow> rows)
    {
        var nameWidth = Math.Clamp(rows.Select(r => r.Name.Length).DefaultIfEmpty(4).Max(), 8, 60);
        var table = new StringBuilder();
        table.Append("file".PadRight(nameWidth));
        foreach (var column in Columns)
        {
            table.Append(' ').Append(column.PadLeft(Math.Max(column.Length, 6)));
        }

        table.AppendLine();
        var total = new int[Columns.Length];
        foreach (var row in rows)
        {
            table.Append(Fit(row.Name, nameWidth));
            if (row.Summary is not { } s)
            {
                table.Append("  unreadable: ").AppendLine(row.Error);
                continue;
            }

            int[] values = [s.Claims, s.Flagged, s.Supported, s.Disputed, s.Imprecise, s.Contradicted, s.Unsupported, s.Misattributed];
            for (var i = 0; i < values.Length; i++)
            {
                total[i] += values[i];
                table.Append(' ').Append(values[i].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(Columns[i].Length, 6)));
            }

            table.AppendLine();
        }

        table.Append(Fit($"total ({rows.Count} files)", nameWidth));
        for (var i = 0; i < total.Length; i++)
        {
            table.Append(' ').Append(total[i].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(Columns[i].Length, 6)));
        }

        return table.AppendLine().ToString();
    }

    private static string Fit(string name, int width) =>
        name.Length <= width ? name.PadRight(width) : "…" + name[^(width - 1)..];
}
