using Microsoft.Extensions.Configuration;

namespace Repatriation.Cli;

/// <summary>`facts validate|publish|pull [FILE]`.</summary>
internal static class FactsCommand
{
    private const string Usage = "usage: facts validate|publish|pull [FILE]";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            return Task.FromResult(CommandLine.Fail(stderr, Usage));
        }

        var rest = args[1..];
        return args[0] switch
        {
            "publish" => FactsPublishCommand.RunAsync(rest, EnvironmentConfiguration(), stdout, stderr),
            "pull" => FactsPullCommand.RunAsync(rest, EnvironmentConfiguration(), stdout, stderr),
            _ => Task.FromResult(CommandLine.Fail(stderr, $"unknown facts command '{args[0]}'. {Usage}")),
        };
    }

    /// <summary>The same keys as the service: FactSet__ConnectionString, FactSet__ServiceUri, FactSet__Container, FactSet__Blob.</summary>
    private static IConfiguration EnvironmentConfiguration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();
}
