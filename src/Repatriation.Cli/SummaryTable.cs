using System.Globalization;
using System.Text;
using Repatriation.Core.Reports;
using Spectre.Console;

namespace Repatriation.Cli;

internal sealed record SummaryRow(string Name, ReportSummary? Summary, string? Error);

/// <summary>
/// One line per manuscript: claims by status, or why it could not be read; totals at the foot. A Spectre.Console
/// table on a terminal, plain aligned columns otherwise (files, pipes, CI logs).
/// </summary>
internal static class SummaryTable
{
    private static readonly string[] Columns = ["claims", "flagged", "open", "dismissed", "supported", "disputed", "imprecise", "contradicted", "unsupported", "misattributed"];

    public static void Write(IReadOnlyList<SummaryRow> rows, TextWriter writer)
    {
        if (IsTerminal(writer))
        {
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) }).Write(Render(rows));
        }
        else
        {
            writer.Write(Write(rows));
        }
    }

    private static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    private static int[] Values(ReportSummary s) =>
        [s.Claims, s.Flagged, s.Open, s.Dismissed, s.Supported, s.Disputed, s.Imprecise, s.Contradicted, s.Unsupported, s.Misattributed];

    private static Table Render(IReadOnlyList<SummaryRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("file");
        foreach (var column in Columns)
        {
            table.AddColumn(column, c => c.RightAligned());
        }

        var total = new int[Columns.Length];
        foreach (var row in rows)
        {
            if (row.Summary is not { } s)
            {
                table.AddRow([new Markup(Markup.Escape(row.Name)), new Markup("[red]unreadable[/]"), .. Columns.Skip(1).Select(_ => new Text(""))]);
                continue;
            }

            var values = Values(s);
            for (var i = 0; i < values.Length; i++)
            {
                total[i] += values[i];
            }

            table.AddRow([Markup.Escape(row.Name), .. values.Select(v => v.ToString(CultureInfo.InvariantCulture))]);
        }

        table.AddRow([$"[bold]total ({rows.Count} files)[/]", .. total.Select(v => $"[bold]{v.ToString(CultureInfo.InvariantCulture)}[/]")]);
        return table;
    }

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

            var values = Values(s);
            for (var i = 0; i < values.Length; i++)
            {
                total[i] += values[i];
                table.Append(' ').Append(values[i].ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(Columns[i].Length, 6)));
            }

            table.AppendLine();
        }

        table.Append(Fit($"total ({rows.Count} files)", nameWidth));
        for (var i = 0; i < total.Length; i++)
        {
            table.Append(' ').Append(total[i].ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(Columns[i].Length, 6)));
        }

        return table.AppendLine().ToString();
    }

    private static string Fit(string name, int width) =>
        name.Length <= width ? name.PadRight(width) : "…" + name[^(width - 1)..];
}
