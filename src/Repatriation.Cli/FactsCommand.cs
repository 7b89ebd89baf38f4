using Microsoft.Extensions.Configuration;
using Repatriation.Core.Facts;

namespace Repatriation.Cli;

/// <summary>`facts validate|publish|pull [FILE]`.</summary>
internal static class FactsCommand
{
    private const string Usage = "usage: facts validate|publish|pull [FILE]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            return CommandLine.Fail(stderr, Usage);
        }

        var rest = args[1..];
        return args[0] switch
        {
            "validate" => await ValidateAsync(rest, stdout, stderr),
            "publish" => await FactsPublishCommand.RunAsync(rest, EnvironmentConfiguration(), stdout, stderr),
            "pull" => await FactsPullCommand.RunAsync(rest, EnvironmentConfiguration(), stdout, stderr),
            _ => CommandLine.Fail(stderr, $"unknown facts command '{args[0]}'. {Usage}"),
        };
    }

    private static async Task<int> ValidateAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 1)
        {
            throw new UsageException("facts validate takes at most one FILE");
        }

        string json, name;
        if (args.Length == 0)
        {
            (json, name) = (ShippedFactSet.ReadJson(), ShippedFactSet.Origin);
        }
        else
        {
            name = args[0];
            try
            {
                json = await File.ReadAllTextAsync(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CommandLine.Fail(stderr, $"{name}: {e.Message}");
            }
        }

        var problems = FactSetValidator.Validate(json);
        if (problems.Count == 0)
        {
            var factSet = FactSetJson.Parse(json);
            stdout.WriteLine($"{name}: valid fact set {factSet.Id} {factSet.Version}: {factSet.Sources.Count} sources, {factSet.People.Count} people, {factSet.Measures.Count} measures, {factSet.Facts.Count} facts, {factSet.Works.Count} works, {factSet.Quotations.Count} quotations, {factSet.Acts.Count} acts");
            return CommandLine.Clean;
        }

        foreach (var problem in problems)
        {
            stdout.WriteLine($"{problem.Path}: {problem.Message}");
        }

        stderr.WriteLine($"error: {name}: {problems.Count} problem(s) in the fact set");
        return CommandLine.UsageOrInputError;
    }

    /// <summary>The same keys as the service: FactSet__ConnectionString, FactSet__ServiceUri, FactSet__Container, FactSet__Blob.</summary>
    private static IConfiguration EnvironmentConfiguration() => new ConfigurationBuilder().AddEnvironmentVariables().Build();
}
