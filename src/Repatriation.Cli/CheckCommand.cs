using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// `check PATH… [--format text|json|sarif|html] [--facts FILE|DIR|BLOB-URL] [--output DIR] [--fail-on STATUS[,STATUS]]`.
/// Manuscripts are read, checked, written and released one at a time, so a folder of books needs the
/// memory of one book.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Called after each manuscript is written and released; `bench batch` reads the live heap there.</summary>
    internal static Action<int>? ManuscriptFinished { get; set; }

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var options = CheckOptions.Parse(args);
        var snapshot = await FactSetSource.LoadAsync(options.Facts, stderr);
        if (snapshot is null)
        {
            return CommandLine.UsageOrInputError;
        }

        var unreadable = 0;
        var inputs = InputFiles.Expand(options.Paths, stderr, ref unreadable);
        var single = options.Paths.Count == 1 && (options.Paths[0] == "-" || File.Exists(options.Paths[0]));
        var output = new ReportOutput(options, stdout, single);
        var checker = new ManuscriptChecker();
        var rows = new List<SummaryRow>(inputs.Count);
        var failing = false;
        using var progress = ProgressBar.ForStandardError(stderr, inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            progress.Report(i, input.Path);
            try
            {
                var document = input.Read(stdin);
                var report = checker.Check(document, snapshot);
                output.Add(report, document.Text, input);
                rows.Add(new SummaryRow(input.Path, report.Summary, null));
                failing |= report.Claims.Any(c => options.FailOn.Contains(c.Status));
            }
            catch (UnreadableDocumentException e)
            {
                progress.Clear();
                stderr.WriteLine($"error: {e.Message}");
                rows.Add(new SummaryRow(input.Path, null, e.Message));
                unreadable++;
            }

            ManuscriptFinished?.Invoke(i + 1);
        }

        progress.Report(inputs.Count, null);
        progress.Clear();
        output.Complete();

        // The table goes with the reports when they are text or in files; beside JSON, SARIF or HTML on
        // standard output it would break them, so it goes to a terminal's standard error instead.
        if (rows.Count > 1 || options.Output is not null)
        {
            var table = SummaryTable.Write(rows);
            if (options.Output is not null || options.Format == "text")
            {
                stdout.Write(table);
            }
            else if (ProgressBar.IsTerminal(stderr))
            {
                stderr.Write(table);
            }
        }

        if (unreadable > 0)
        {
            return CommandLine.UsageOrInputError;
        }

        return failing ? CommandLine.Flagged : CommandLine.Clean;
    }
}

internal sealed record CheckOptions(IReadOnlyList<string> Paths, string Format, string? Facts, string? Output, IReadOnlySet<string> FailOn)
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "sarif", "html"];

    public static readonly IReadOnlySet<string> Flagged =
        ClaimStatuses.All.Where(s => s != ClaimStatuses.Supported).ToHashSet(StringComparer.Ordinal);

    public static CheckOptions Parse(string[] args)
    {
        var paths = new List<string>();
        string format = "text";
        string? facts = null, output = null;
        IReadOnlySet<string> failOn = Flagged;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format":
                    format = Value(args, ref i);
                    if (!Formats.Contains(format))
                    {
                        throw new UsageException($"unknown format '{format}': use text, json, sarif or html");
                    }

                    break;
                case "--facts":
                    facts = Value(args, ref i);
                    break;
                case "--output":
                    output = Value(args, ref i);
                    break;
                case "--fail-on":
                    failOn = ParseFailOn(Value(args, ref i));
                    break;
                case "-":
                    paths.Add(args[i]);
                    break;
                case var flag when flag.StartsWith('-'):
                    throw new UsageException($"unknown option '{flag}' for check");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            throw new UsageException("check needs at least one PATH (a file, a folder, or - for standard input)");
        }

        return new CheckOptions(paths, format, facts, output, failOn);
    }

    /// <summary>Statuses separated by commas; "flagged" stands for every flagged status, "none" for never failing.</summary>
    private static IReadOnlySet<string> ParseFailOn(string value)
    {
        var statuses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var status = part.ToLowerInvariant();
            if (status == "flagged")
            {
                statuses.UnionWith(Flagged);
            }
            else if (status != "none" && !ClaimStatuses.All.Contains(status))
            {
                throw new UsageException($"--fail-on: unknown status '{part}': use {string.Join(", ", ClaimStatuses.All)}, flagged or none");
            }
            else if (status != "none")
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    internal static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value");
        }

        return args[++i];
    }
}
