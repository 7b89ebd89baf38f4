using Microsoft.Extensions.Configuration;
using Repatriation.Core.Facts;

namespace Repatriation.Cli;

/// <summary>`facts validate|publish|pull [FILE]`.</summary>
internal static class FactsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            throw new UsageException("facts needs a subcommand: validate, publish or pull");
        }

        return args[0] switch
        {
            "validate" => await ValidateAsync(args[1..], stdout, stderr),
            "publish" => await FactsPublishCommand.RunAsync(args[1..], EnvironmentConfiguration(), stdout, stderr),
            "pull" => await FactsPullCommand.RunAsync(args[1..], EnvironmentConfiguration(), stdout, stderr),
            _ => throw new UsageException($"unknown facts subcommand '{args[0]}': use validate, publish or pull"),
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
                json = Repatriation.Core.Input.StrictUtf8.ReadFile(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Repatriation.Core.Input.InvalidTextException)
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
