namespace Repatriation.Cli;

/// <summary>`facts validate|publish|pull [FILE]`.</summary>
internal static class FactsCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        Task.FromResult(CommandLine.Fail(stderr, "facts is not built yet"));
}
