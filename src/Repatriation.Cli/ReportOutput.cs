using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>Writes reports to standard output or, with --output, one file per input.</summary>
internal static class ReportOutput
{
    public static void Write(IReadOnlyList<(CheckReport Report, string Name)> reports, CheckOptions options, TextWriter stdout)
    {
        if (options.Output is not null)
        {
            Directory.CreateDirectory(options.Output);
            foreach (var (report, name) in reports)
            {
                var file = System.IO.Path.Combine(options.Output, FileNameFor(name, options.Format));
                File.WriteAllText(file, Render(report, options.Format, colour: false));
            }

            return;
        }

        if (options.Format == "json")
        {
            stdout.WriteLine(reports.Count == 1 && options.Paths.Count == 1 && !Directory.Exists(options.Paths[0])
                ? ReportJson.Serialize(reports[0].Report)
                : ReportJson.Serialize(reports.Select(r => r.Report).ToList()));
            return;
        }

        var colour = stdout == Console.Out && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        foreach (var (report, _) in reports)
        {
            stdout.Write(Render(report, options.Format, colour));
        }
    }

    private static string Render(CheckReport report, string format, bool colour) => format switch
    {
        "json" => ReportJson.Serialize(report),
        "text" => TextReportWriter.Write(report, colour),
        _ => throw new UsageException($"the {format} format is not available yet"),
    };

    private static string FileNameFor(string name, string format)
    {
        var stem = name == "-" ? "stdin" : System.IO.Path.GetFileName(name);
        var extension = format switch { "json" => ".report.json", "sarif" => ".sarif", "html" => ".report.html", _ => ".report.txt" };
        return stem + extension;
    }
}
