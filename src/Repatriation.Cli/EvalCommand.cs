using System.CommandLine;
using System.Text.Json;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// `eval [--corpus DIR] [--facts FILE] [--format text|json] [--verbose]`: runs the engine on the labelled
/// corpus and prints its figures. Exit 0 when every target is met, 1 when one is missed, 2 on bad input.
/// </summary>
internal static class EvalCommand
{
    private const string SolutionFile = "Repatriation.sln";

    /// <summary>Every option of `eval`, declared once here: add a new one to this record and to <see cref="Create"/>.</summary>
    internal sealed record Options(string? Corpus, string? Facts, string Format, bool Verbose);

    public static Command Create(CliContext context)
    {
        var corpus = new Option<string?>("--corpus")
        {
            Description = "A folder of labelled passages (default: eval/corpus beside Repatriation.sln, found by walking up).",
            HelpName = "DIR",
        };
        var facts = new Option<string?>("--facts")
        {
            Description = "A fact-set file to evaluate (default: the fact set that ships in the repository).",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format")
        {
            Description = "How to print the figures.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every missed and wrong claim." };

        var command = new Command("eval", "Runs the engine on the labelled evaluation corpus and prints precision and recall per kind and status. Exit 0 every target met, 1 one missed, 2 bad input.")
        {
            corpus, facts, format, verbose,
        };
        command.SetAction((result, _) => RunAsync(
            new Options(result.GetValue(corpus), result.GetValue(facts), result.GetValue(format) ?? "text", result.GetValue(verbose)),
            context.Stdout, context.Stderr));
        return command;
    }

    public static Task<int> RunAsync(Options options, TextWriter stdout, TextWriter stderr, string? currentDirectory = null, TimeProvider? time = null)
    {
        var corpusDir = options.Corpus ?? DefaultCorpus(currentDirectory ?? Directory.GetCurrentDirectory());

        IReadOnlyList<CorpusPassage> passages;
        try
        {
            passages = EvaluationCorpus.LoadDirectory(corpusDir);
        }
        catch (Exception e) when (e is CorpusException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CommandLine.Fail(stderr, e.Message));
        }

        FactSetSnapshot snapshot;
        try
        {
            snapshot = options.Facts is null
                ? FactSetLoader.LoadShipped(time)
                : FactSetLoader.Load(File.ReadAllText(options.Facts), options.Facts, null, (time ?? TimeProvider.System).GetUtcNow());
        }
        catch (Exception e) when (e is InvalidFactSetException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CommandLine.Fail(stderr, e is InvalidFactSetException ? e.Message : $"cannot read the fact set {options.Facts}: {e.Message}"));
        }

        var result = EvaluationRunner.Run(passages, snapshot);
        var floors = new EvaluationFloors().Check(result);
        if (options.Format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { result, floors }, ReportJson.Options));
        }
        else
        {
            EvalText.Write(stdout, result, floors, options.Verbose);
        }

        var missed = floors.Where(f => !f.Met).ToList();
        if (missed.Count > 0)
        {
            stderr.WriteLine($"eval: {missed.Count} target(s) missed: {string.Join("; ", missed)}");
            return Task.FromResult(CommandLine.Flagged);
        }

        return Task.FromResult(CommandLine.Clean);
    }

    /// <summary>eval/corpus beside the solution file, found by walking up, so eval works from any folder of a clone.</summary>
    private static string DefaultCorpus(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return Path.Combine(dir.FullName, "eval", "corpus");
            }
        }

        throw new UsageException($"no {SolutionFile} in {start} or any folder above it, so no default corpus; run it inside the repository or pass --corpus DIR");
    }
}
