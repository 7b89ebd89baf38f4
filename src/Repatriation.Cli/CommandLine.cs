using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Repatriation.Cli;

/// <summary>What every command reads and writes: standard streams and the environment's configuration.</summary>
internal sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, IConfiguration Configuration)
{
    /// <summary>The same keys as the service (FactSet__…, Jobs__…), from the environment.</summary>
    public static IConfiguration EnvironmentConfiguration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>Where relative paths and the repository root are looked up from (tests point it at a folder of their own).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}

/// <summary>
/// The command line, on System.CommandLine: every command and option answers --help, `--version` prints the
/// version, and a usage error is one line on standard error (with a suggestion for a mistyped name and a pointer
/// to --help) and exit code 2. Every command returns the contract's exit code and reports a failure as one line,
/// never a stack trace.
/// </summary>
public static class CommandLine
{
    public const int Clean = 0;
    public const int Flagged = 1;
    public const int UsageOrInputError = 2;

    public const string ExecutableName = "repatriation";

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliContext(stdin, stdout, stderr, CliContext.EnvironmentConfiguration()));

    internal static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var root = CreateRoot(context);

        // `repatriation help check` reads as `repatriation check --help`.
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            return UsageError(result, context.Stderr);
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration
            {
                Output = context.Stdout,
                Error = context.Stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException e)
        {
            return Fail(context.Stderr, $"{e.Message} {HelpPointer(result.CommandResult.Command)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect must still end in one line a script can read, not a stack trace.
            return Fail(context.Stderr, $"unexpected failure ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    internal static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "Checks the figures, dates, attributions and quotations of texts about the forced repatriations after the Second World War against a curated, sourced fact set.");
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(FactsCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        return root;
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return UsageOrInputError;
    }

    /// <summary>
    /// Every parse error on one line: an unknown name gets the nearest known one ("did you mean --format?"),
    /// then where to read more. Exit code 2, as the contract gives usage errors.
    /// </summary>
    private static int UsageError(ParseResult result, TextWriter stderr)
    {
        var command = result.CommandResult.Command;
        var messages = new List<string>();
        if (result.UnmatchedTokens.Count > 0)
        {
            // A value after an unknown option is unmatched too; naming the option alone says what is wrong.
            var options = result.UnmatchedTokens.Where(IsOptionLike).ToList();
            messages.AddRange((options.Count > 0 ? options : result.UnmatchedTokens).Select(t => Unrecognised(t, command)));
        }
        else
        {
            messages.AddRange(result.Errors.Select(e => Regex.Replace(e.Message, @"\s+", " ").TrimEnd('.')));
        }

        return Fail(stderr, $"{string.Join("; ", messages.Distinct())}. {HelpPointer(command)}");
    }

    private static bool IsOptionLike(string token) => token.StartsWith('-') && token != "-";

    /// <summary>
    /// Commands that take paths would take a mistyped option as one ("--formt" as a file name): refuse tokens that
    /// look like options there, with the nearest option. A file whose name starts with '-' can be given as ./-name.
    /// </summary>
    internal static void RejectOptionLikeValues(Argument argument, Command command) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(IsOptionLike))
            {
                result.AddError(Unrecognised(token, command));
            }
        });

    internal static string Unrecognised(string token, Command command)
    {
        var isOption = IsOptionLike(token);
        var what = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
        var known = isOption
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var suggestion = Suggestions.Nearest(token, known);
        var where = command is RootCommand ? "" : $" for {CommandPath(command)[(ExecutableName.Length + 1)..]}";
        return $"unknown {what} '{token}'{where}" + (suggestion is null ? "" : $" (did you mean {suggestion}?)");
    }

    private static string HelpPointer(Command command) => $"Run '{CommandPath(command)} --help' for usage.";

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? ExecutableName : c.Name);
        }

        return string.Join(' ', names);
    }
}

/// <summary>Thrown by a command's own checks of its arguments; becomes exit code 2 with its message.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The known name nearest a mistyped one, as shells and git suggest them.</summary>
internal static class Suggestions
{
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: Distance(typed.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(2, k.Name.Length / 3) || k.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
