namespace Repatriation.Cli;

/// <summary>Dispatches the command line to its commands; every failure ends in one line on standard error.</summary>
public static class CommandLine
{
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("usage: repatriation check|facts|serve|eval|bench …");
        return Task.FromResult(2);
    }
}
