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

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, string? currentDirectory = null, TimeProvider? time = null)
    {
        var options = Parse(args);
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

    private sealed record Options(string? Corpus, string? Facts, string Format, bool Verbose);

    private static Options Parse(string[] args)
    {
        string? corpus = null, facts = null;
        var format = "text";
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--corpus":
                    corpus = Value(args, ref i);
                    break;
                case "--facts":
                    facts = Value(args, ref i);
                    break;
                case "--format":
                    format = Value(args, ref i);
                    if (format is not ("text" or "json"))
                    {
                        throw new UsageException($"eval --format must be text or json, not '{format}'");
                    }

                    break;
                case "--verbose" or "-v":
                    verbose = true;
                    break;
                default:
                    throw new UsageException($"eval: unknown argument '{args[i]}'. usage: eval [--corpus DIR] [--facts FILE] [--format text|json] [--verbose]");
            }
        }

        return new Options(corpus, facts, format, verbose);
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"eval {args[i]} needs a value");
        }

        return args[++i];
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
