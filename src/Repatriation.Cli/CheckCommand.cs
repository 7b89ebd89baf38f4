using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>`check PATH… [--format text|json|sarif|html] [--facts FILE|DIR|BLOB-URL] [--output DIR]`.</summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var options = CheckOptions.Parse(args);
        var snapshot = await FactSetSource.LoadAsync(options.Facts, stderr);
        if (snapshot is null)
        {
            return CommandLine.UsageOrInputError;
        }

        var checker = new ClaimChecker();
        var reports = new List<(CheckReport Report, string Name)>();
        var unreadable = 0;
        foreach (var input in InputFiles.Expand(options.Paths, stderr, ref unreadable))
        {
            try
            {
                var document = input.Read(stdin);
                reports.Add((checker.Check(new CheckRequest(document.Text, document.Name), snapshot), document.Name));
            }
            catch (UnreadableDocumentException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                unreadable++;
            }
        }

        ReportOutput.Write(reports, options, stdout);
        if (unreadable > 0)
        {
            return CommandLine.UsageOrInputError;
        }

        return reports.Any(r => r.Report.Summary.Flagged > 0) ? CommandLine.Flagged : CommandLine.Clean;
    }
}

internal sealed record CheckOptions(IReadOnlyList<string> Paths, string Format, string? Facts, string? Output)
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "sarif", "html"];

    public static CheckOptions Parse(string[] args)
    {
        var paths = new List<string>();
        string format = "text";
        string? facts = null, output = null;
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
                case var flag when flag.StartsWith("--", StringComparison.Ordinal):
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

        return new CheckOptions(paths, format, facts, output);
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
