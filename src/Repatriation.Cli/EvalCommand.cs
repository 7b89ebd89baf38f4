using System.CommandLine;
using System.Text.Json;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// `eval [--part regression|tuning|heldout|all] [--corpus DIR] [--facts FILE] [--format text|json] [--verbose]
/// [--show-heldout] [--write-floors] [--semantic]`: runs the engine on the labelled corpus parts and prints each part's figures
/// apart, the issue's goals against the held-out part, and the floors of eval/floors.json. Exit 0 when no floor is
/// broken (goals missed do not fail), 1 when one is, 2 on bad input. Held-out mismatches are printed only with
/// --show-heldout: that part is measured, never read, while rules change.
/// </summary>
internal static class EvalCommand
{
    private const string SolutionFile = "Repatriation.sln";

    public static Command Create(CliContext context)
    {
        var part = new Option<string?>("--part")
        {
            Description = "Which corpus part to run: regression (eval/corpus), tuning or heldout (eval/published/…), or all (the default).",
            HelpName = "regression|tuning|heldout|all",
        };
        part.AcceptOnlyFromAmong([.. CorpusParts.All, "all"]);
        var corpus = new Option<string?>("--corpus")
        {
            Description = "Score one folder of labelled passages on its own, without floors (takes neither --part nor --write-floors).",
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
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every missed and wrong claim (regression and tuning parts only)." };
        var showHeldout = new Option<bool>("--show-heldout") { Description = "Also show the held-out part's mismatches (that part is measured, never read, while rules change)." };
        var writeFloors = new Option<bool>("--write-floors") { Description = "Set eval/floors.json at today's figures (rounded down) and list what moved." };
        var writeVerdicts = new Option<bool>("--write-verdicts")
        {
            Description = "Write every verdict on each part (passage, offset, length, kind, status) to eval/verdicts/<part>.tsv; a test finds any later change.",
        };
        var semantic = new Option<bool>("--semantic") { Description = "Run the engine with sentence similarity as a second, support-only reading (a local model; slower)." };

        var command = new Command("eval", "Runs the engine on the labelled corpus parts and prints each part's figures, the goals against the held-out part and the floors of eval/floors.json. Exit 0 no floor broken, 1 one broken, 2 bad input.")
        {
            part, corpus, facts, format, verbose, showHeldout, writeFloors, writeVerdicts, semantic,
        };
        command.SetAction((result, _) => RunAsync(
            EvalOptions.From(
                result.GetValue(part),
                result.GetValue(corpus),
                result.GetValue(facts),
                result.GetValue(format) ?? "text",
                result.GetValue(verbose),
                result.GetValue(showHeldout),
                result.GetValue(writeFloors)) with { WriteVerdicts = result.GetValue(writeVerdicts), Semantic = result.GetValue(semantic) },
            context.Stdout,
            context.Stderr,
            context.WorkingDirectory));
        return command;
    }

    public static Task<int> RunAsync(EvalOptions options, TextWriter stdout, TextWriter stderr, string? currentDirectory = null, TimeProvider? time = null)
    {
        var root = options.Corpus is null ? RepositoryRoot(currentDirectory ?? Directory.GetCurrentDirectory()) : TryRepositoryRoot(currentDirectory ?? Directory.GetCurrentDirectory());

        IReadOnlyList<CorpusPart> parts;
        try
        {
            parts = options.Corpus is { } folder
                ? [AdHocPart(folder, root)]
                : EvaluationCorpus.LoadParts(root!, options.Parts);
        }
        catch (Exception e) when (e is CorpusException or IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(CommandLine.Fail(stderr, e.Message));
        }

        var floorsPath = root is null ? null : Path.Combine(root, EvaluationFloors.RelativePath);
        EvaluationFloors floors;
        try
        {
            floors = floorsPath is not null && File.Exists(floorsPath) ? EvaluationFloors.Load(floorsPath) : EvaluationFloors.Empty;
        }
        catch (FloorsFileException e)
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

        if (options.WriteVerdicts)
        {
            if (options.Corpus is not null)
            {
                throw new UsageException("eval --write-verdicts writes the verdicts of the corpus parts; it does not take --corpus");
            }

            return Task.FromResult(WriteVerdicts(parts, snapshot, root!, stdout));
        }

        var checker = options.Semantic ? new Core.Checking.ClaimChecker(Semantic.SemanticServiceExtensions.CreateReader()) : null;
        var results = parts.Select(p => (Part: p, Result: EvaluationRunner.Run(p, snapshot, checker))).ToList();

        if (options.WriteFloors)
        {
            return Task.FromResult(WriteFloors(floors, floorsPath!, results.Select(r => r.Result).ToList(), stdout));
        }

        var checks = options.Corpus is null
            ? results.Where(r => CorpusParts.WithFloors.Contains(r.Part.Name) && !r.Part.IsEmpty).SelectMany(r => floors.Check(r.Result)).ToList()
            : [];
        var heldout = results.FirstOrDefault(r => r.Part.Name == CorpusParts.Heldout && !r.Part.IsEmpty).Result;
        var goals = heldout is null ? null : EvaluationMeasures.CheckGoals(heldout.Measures);
        var view = new EvalView(results, checks, goals, floorsPath is not null && File.Exists(floorsPath), options, currentDirectory ?? Directory.GetCurrentDirectory());

        if (options.Format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(EvalJson.From(view), ReportJson.Options));
        }
        else
        {
            EvalText.Write(stdout, view);
        }

        var broken = checks.Where(c => c.Broken).ToList();
        if (broken.Count > 0)
        {
            stderr.WriteLine($"eval: {broken.Count} floor(s) broken: {string.Join("; ", broken.Select(b => b.Describe()))}");
            return Task.FromResult(CommandLine.Flagged);
        }

        return Task.FromResult(CommandLine.Clean);
    }

    /// <summary>Sets the regression and held-out floors at today's figures (rounded down; ceilings up) and says what moved.</summary>
    private static int WriteFloors(EvaluationFloors floors, string path, IReadOnlyList<EvaluationResult> results, TextWriter stdout)
    {
        var next = floors;
        foreach (var result in results.Where(r => CorpusParts.WithFloors.Contains(r.Part)))
        {
            next = next.WithReached(result);
        }

        File.WriteAllText(path, next.ToJson());
        var changes = floors.Changes(next);
        stdout.WriteLine($"wrote {path} ({string.Join(", ", results.Where(r => CorpusParts.WithFloors.Contains(r.Part)).Select(r => $"{CorpusParts.DisplayName(r.Part)}: {EvalText.Count(r.Measures.Passages, "passage")}"))})");
        foreach (var line in changes.DefaultIfEmpty("no floor changed"))
        {
            stdout.WriteLine($"  {line}");
        }

        return CommandLine.Clean;
    }

    /// <summary>Writes eval/verdicts/&lt;part&gt;.tsv for every part that holds passages, and says how many verdicts each holds.</summary>
    private static int WriteVerdicts(IReadOnlyList<CorpusPart> parts, FactSetSnapshot snapshot, string root, TextWriter stdout)
    {
        foreach (var part in parts.Where(p => !p.IsEmpty))
        {
            var verdicts = Verdicts.Of(part.Passages, snapshot);
            var path = Path.Combine(root, Verdicts.RelativePath(part.Name));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Verdicts.ToTsv(verdicts));
            stdout.WriteLine($"wrote {Verdicts.RelativePath(part.Name)} ({EvalText.Count(verdicts.Count, "verdict")} on {EvalText.Count(part.Passages.Count, "passage")})");
        }

        return CommandLine.Clean;
    }

    /// <summary>
    /// `--corpus DIR` scores one folder on its own, without floors. A folder that is the held-out part keeps that
    /// part's name, so its mismatches stay hidden without --show-heldout.
    /// </summary>
    private static CorpusPart AdHocPart(string folder, string? root)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var named = CorpusParts.All.FirstOrDefault(p =>
            root is not null && string.Equals(full, Path.GetFullPath(Path.Combine(root, CorpusParts.RelativeDirectory(p))), StringComparison.Ordinal));
        var isHeldout = named == CorpusParts.Heldout || full.EndsWith(Path.Combine("published", CorpusParts.Heldout), StringComparison.Ordinal);
        var name = isHeldout ? CorpusParts.Heldout : named ?? Path.GetFileName(full);
        var published = named is not null ? CorpusParts.IsPublished(named) : isHeldout;
        return new CorpusPart(name, full, Exists: true, EvaluationCorpus.LoadDirectory(full, published));
    }

    /// <summary>The folder holding the solution file, found by walking up, so eval works from any folder of a clone.</summary>
    private static string RepositoryRoot(string start) =>
        TryRepositoryRoot(start)
        ?? throw new UsageException($"no {SolutionFile} in {start} or any folder above it, so no corpus parts; run it inside the repository or pass --corpus DIR");

    private static string? TryRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>
/// The eval command's options, declared once in <see cref="EvalCommand.Create"/>.
/// </summary>
internal sealed record EvalOptions(IReadOnlyList<string> Parts, string? Corpus, string? Facts, string Format, bool Verbose, bool ShowHeldout, bool WriteFloors)
{
    /// <summary>Write eval/verdicts/&lt;part&gt;.tsv instead of printing figures.</summary>
    public bool WriteVerdicts { get; init; }

    /// <summary>The options as parsed; the combinations System.CommandLine cannot express are refused here as usage errors.</summary>
    public static EvalOptions From(string? part, string? corpus, string? facts, string format, bool verbose, bool showHeldout, bool writeFloors)
    {
        if (corpus is not null && (part is not null || writeFloors))
        {
            throw new UsageException("eval --corpus scores one folder on its own; it takes neither --part nor --write-floors");
        }

        var parts = part is null or "all" ? CorpusParts.All : [part];
        if (writeFloors && !parts.Any(CorpusParts.WithFloors.Contains))
        {
            throw new UsageException($"eval --write-floors sets the floors of {string.Join(" and ", CorpusParts.WithFloors)}; --part {part} has none");
        }

        return new EvalOptions(parts, corpus, facts, format, verbose, showHeldout, writeFloors);
    }

    /// <summary>Sentence similarity as a second, support-only reading of figures and dates.</summary>
    public bool Semantic { get; init; }

    /// <summary>Whether this part's per-claim mismatches may be shown.</summary>
    public bool ShowsDetailOf(string part) => part == CorpusParts.Heldout ? ShowHeldout : true;
}

/// <summary>What eval shows: every part run, the floors checked, the goals against the held-out part (null when it is empty).</summary>
internal sealed record EvalView(
    IReadOnlyList<(CorpusPart Part, EvaluationResult Result)> Results,
    IReadOnlyList<FloorCheck> Floors,
    IReadOnlyList<GoalCheck>? Goals,
    bool FloorsFileExists,
    EvalOptions Options,
    string WorkingDirectory);
