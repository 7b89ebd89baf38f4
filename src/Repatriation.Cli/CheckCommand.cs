namespace Repatriation.Cli;

/// <summary>`check PATH… [--format text|json|sarif|html] [--facts FILE|DIR|BLOB-URL] [--output DIR]`.</summary>
internal static class CheckCommand
{
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Task.FromResult(CommandLine.Fail(stderr, "check is not built yet"));
}
