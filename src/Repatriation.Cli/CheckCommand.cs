using System.CommandLine;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;

namespace Repatriation.Cli;

/// <summary>
/// `check PATH… [--format text|json|sarif|html] [--facts FILE|DIR|BLOB-URL] [--output DIR] [--fail-on STATUS[,STATUS]]
/// [--decisions FILE] [--baseline PREVIOUS] [--only-new] [--semantic]`. Manuscripts are read, checked, written and released one
/// at a time, so a folder of books needs the memory of one book.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Called after each manuscript is written and released; `bench batch` reads the live heap there.</summary>
    internal static Action<int>? ManuscriptFinished { get; set; }

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A .txt, .md, .html or .docx file, a folder (every such file inside, recursively), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report's format.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif|html",
        };
        format.AcceptOnlyFromAmong([.. CheckOptions.Formats]);
        var facts = new Option<string?>("--facts")
        {
            Description = "The fact set: a file, a folder holding repatriation.json, or a blob URL (default: the fact set that ships in the repository).",
            HelpName = "FILE|DIR|BLOB-URL",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write one report file per input into this folder (keeping folders below an input folder) instead of standard output.",
            HelpName = "DIR",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when an open claim has one of these statuses (comma-separated; 'flagged' for every flagged status, 'none' to never fail).",
            DefaultValueFactory = _ => "flagged",
            HelpName = "STATUS,…",
        };
        failOn.Validators.Add(result =>
        {
            try
            {
                CheckOptions.ParseFailOn(result.GetValueOrDefault<string>() ?? "");
            }
            catch (UsageException e)
            {
                result.AddError(e.Message);
            }
        });
        var decisions = new Option<string?>("--decisions")
        {
            Description = $"An editor's decisions file (schemas/decisions.schema.json); dismissed claims keep their status but are not open. Default: {DecisionsFile.DefaultFileName} beside each input, else in the current folder.",
            HelpName = "FILE",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "An earlier JSON or SARIF report of the same manuscript: each claim is marked new, unchanged or updated, and the gone ones absent.",
            HelpName = "PREVIOUS",
        };
        var onlyNew = new Option<bool>("--only-new")
        {
            Description = "With --baseline: the text report lists only the flags that are new since the baseline.",
        };
        var semantic = new Option<bool>("--semantic")
        {
            Description = "Also read figures and dates the words tie to nothing by sentence similarity (a local model; support only, slower).",
        };

        var command = new Command("check", "Checks texts against the fact set and reports every claim with its status, evidence and sources. Exit 0: nothing open is flagged; 1: an open claim is flagged; 2: usage error or unreadable input.")
        {
            paths, format, facts, output, failOn, decisions, baseline, onlyNew, semantic,
        };
        CommandLine.RejectOptionLikeValues(paths, command);
        command.SetAction((result, _) => RunAsync(
            new CheckOptions(
                result.GetValue(paths) ?? [],
                result.GetValue(format) ?? "text",
                result.GetValue(facts),
                result.GetValue(output),
                CheckOptions.ParseFailOn(result.GetValue(failOn) ?? "flagged"))
            {
                Decisions = result.GetValue(decisions),
                Baseline = result.GetValue(baseline),
                OnlyNew = result.GetValue(onlyNew),
                Semantic = result.GetValue(semantic),
            },
            context));
        return command;
    }

    public static async Task<int> RunAsync(CheckOptions options, CliContext context)
    {
        var (stdin, stdout, stderr) = (context.Stdin, context.Stdout, context.Stderr);
        if (options.OnlyNew && options.Baseline is null)
        {
            throw new UsageException("--only-new needs --baseline PREVIOUS (the earlier report to compare with)");
        }

        var decisions = new DecisionSource(options.Decisions);
        BaselineFile? baseline = null;
        try
        {
            decisions.LoadGiven();
            if (options.Baseline is { } baselinePath)
            {
                baseline = BaselineFile.Parse(await ReadAsync(baselinePath, "--baseline"), baselinePath);
            }
        }
        catch (Exception e) when (e is InvalidDecisionsException or InvalidBaselineException)
        {
            return CommandLine.Fail(stderr, e.Message);
        }

        var snapshot = await FactSetSource.LoadAsync(options.Facts, stderr);
        if (snapshot is null)
        {
            return CommandLine.UsageOrInputError;
        }

        var unreadable = 0;
        var inputs = InputFiles.Expand(options.Paths, stderr, ref unreadable);
        var single = options.Paths.Count == 1 && (options.Paths[0] == "-" || File.Exists(options.Paths[0]));
        using var output = new ReportOutput(options, stdout, single);
        var checker = options.Semantic ? new ManuscriptChecker(new ClaimChecker(Semantic.SemanticServiceExtensions.CreateReader())) : new ManuscriptChecker();
        var rows = new List<SummaryRow>(inputs.Count);
        var failing = false;
        var badDecisions = false;
        ProgressDisplay.For(stderr, inputs.Count).Run(progress =>
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                progress.Report(i, input.Path);
                try
                {
                    var document = input.Read(stdin);
                    var review = new ClaimReview(decisions.For(input), baseline?.For(document.Name), baseline is not null);
                    var failOn = new FailOnSink(output.Open(input, document.Text), options.FailOn);
                    var totals = checker.Stream(document, snapshot, failOn, review);
                    rows.Add(new SummaryRow(input.Path, totals.Summary, null));
                    failing |= failOn.Failing;
                    progress.Report(i + 1, input.Path, totals.Summary);
                }
                catch (UnreadableDocumentException e)
                {
                    progress.WriteLine($"error: {e.Message}");
                    rows.Add(new SummaryRow(input.Path, null, e.Message));
                    unreadable++;
                }
                catch (InvalidDecisionsException e)
                {
                    progress.WriteLine($"error: {e.Message}");
                    rows.Add(new SummaryRow(input.Path, null, e.Message));
                    badDecisions = true;
                }

                ManuscriptFinished?.Invoke(i + 1);
            }
        });

        output.Complete();

        // The table goes with the reports when they are text or in files; beside JSON, SARIF or HTML on
        // standard output it would break them, so it goes to a terminal's standard error instead.
        if (rows.Count > 1 || options.Output is not null)
        {
            if (options.Output is not null || options.Format == "text")
            {
                SummaryTable.Write(rows, stdout);
            }
            else if (ProgressDisplay.IsTerminal(stderr))
            {
                SummaryTable.Write(rows, stderr);
            }
        }

        if (unreadable > 0 || badDecisions)
        {
            return CommandLine.UsageOrInputError;
        }

        return failing ? CommandLine.Flagged : CommandLine.Clean;
    }

    private static async Task<string> ReadAsync(string path, string option)
    {
        try
        {
            return await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidBaselineException($"{option} {path}: {e.Message}");
        }
    }
}

/// <summary>Passes a report on and notes whether an open claim (not dismissed) has one of the --fail-on statuses.</summary>
internal sealed class FailOnSink(IReportSink inner, IReadOnlySet<string> failOn) : IReportSink
{
    public bool Failing { get; private set; }

    public void Begin(ReportHeader header) => inner.Begin(header);

    public void Claim(ClaimResult claim)
    {
        Failing |= claim.Decision is null && failOn.Contains(claim.Status);
        inner.Claim(claim);
    }

    public void End(ReportTotals totals) => inner.End(totals);
}

internal sealed record CheckOptions(IReadOnlyList<string> Paths, string Format, string? Facts, string? Output, IReadOnlySet<string> FailOn)
{
    public static readonly IReadOnlyList<string> Formats = ["text", "json", "sarif", "html"];

    public static readonly IReadOnlySet<string> Flagged =
        ClaimStatuses.All.Where(s => s != ClaimStatuses.Supported).ToHashSet(StringComparer.Ordinal);

    /// <summary>The decisions file given with --decisions; null looks for the default beside each input.</summary>
    public string? Decisions { get; init; }

    public string? Baseline { get; init; }

    public bool OnlyNew { get; init; }

    /// <summary>Sentence similarity as a second, support-only reading (Engine:Semantic for the HTTP hosts).</summary>
    public bool Semantic { get; init; }

    /// <summary>Statuses separated by commas; "flagged" stands for every flagged status, "none" for never failing.</summary>
    public static IReadOnlySet<string> ParseFailOn(string value)
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
}

/// <summary>
/// Where each input's decisions come from: the file given with --decisions, else
/// <see cref="DecisionsFile.DefaultFileName"/> in the input's folder (or the folder named on the command line),
/// else in the current folder. Each file is read once.
/// </summary>
internal sealed class DecisionSource(string? given)
{
    private readonly Dictionary<string, IReadOnlyList<Decision>?> _byFolder = new(StringComparer.Ordinal);
    private IReadOnlyList<Decision>? _given;

    public void LoadGiven()
    {
        if (given is null)
        {
            return;
        }

        if (!File.Exists(given))
        {
            throw new InvalidDecisionsException($"--decisions {given}: no such file");
        }

        _given = Read(given);
    }

    public IReadOnlyList<Decision>? For(InputFile input)
    {
        if (given is not null)
        {
            return _given;
        }

        var folders = new List<string>();
        if (input.Path != "-")
        {
            folders.Add(Path.GetDirectoryName(Path.GetFullPath(input.Path))!);
        }

        if (input.Folder is not null)
        {
            folders.Add(Path.GetFullPath(input.Folder));
        }

        folders.Add(Directory.GetCurrentDirectory());
        foreach (var folder in folders)
        {
            if (!_byFolder.TryGetValue(folder, out var decisions))
            {
                var path = Path.Combine(folder, DecisionsFile.DefaultFileName);
                _byFolder[folder] = decisions = File.Exists(path) ? Read(path) : null;
            }

            if (decisions is not null)
            {
                return decisions;
            }
        }

        return null;
    }

    private static IReadOnlyList<Decision> Read(string path)
    {
        try
        {
            return DecisionsFile.Parse(File.ReadAllText(path), path).Decisions;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDecisionsException($"{path}: {e.Message}");
        }
    }
}
