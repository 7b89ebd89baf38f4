namespace Repatriation.Cli;

/// <summary>
/// Dispatches the command line to its commands. Every command returns the contract's exit code and
/// reports a failure as one line on standard error, never a stack trace.
/// </summary>
public static class CommandLine
{
    public const int Clean = 0;
    public const int Flagged = 1;
    public const int UsageOrInputError = 2;

    private const string Usage =
        "usage: repatriation check PATH… [--format text|json|sarif|html] [--facts FILE|DIR|BLOB-URL] [--output DIR] | facts validate|publish|pull [FILE] | serve [--urls URL] | eval [--corpus DIR] [--facts FILE] [--format text|json] [--verbose] | bench";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? UsageOrInputError : Clean;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "check" => await CheckCommand.RunAsync(rest, stdin, stdout, stderr),
                "facts" => await FactsCommand.RunAsync(rest, stdout, stderr),
                "serve" => await ServeCommand.RunAsync(rest, stdout, stderr),
                "eval" => await EvalCommand.RunAsync(rest, stdout, stderr),
                "bench" => await BenchCommand.RunAsync(rest, stdout, stderr),
                _ => Fail(stderr, $"unknown command '{args[0]}'. {Usage}"),
            };
        }
        catch (UsageException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A defect must still end in one line a script can read, not a stack trace.
            return Fail(stderr, $"unexpected failure ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    internal static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return UsageOrInputError;
    }
}

/// <summary>Thrown by argument parsing; becomes exit code 2 with its message.</summary>
public sealed class UsageException(string message) : Exception(message);
