using System.CommandLine;
using Repatriation.Core.Facts;

namespace Repatriation.Cli;

/// <summary>`facts validate|publish|pull [FILE]`.</summary>
internal static class FactsCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "A fact-set JSON file (default: the fact set that ships in the repository).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Checks a fact set against its schema and rules; prints every problem with its JSON path. Exit 0 valid, 2 not.") { file };
        CommandLine.RejectOptionLikeValues(file, validate);
        validate.SetAction((result, _) => ValidateAsync(result.GetValue(file), context.Stdout, context.Stderr));

        return new Command("facts", "Validates, publishes and pulls the curated fact set (blob named by FactSet__ConnectionString or FactSet__ServiceUri, FactSet__Container, FactSet__Blob).")
        {
            validate,
            FactsPublishCommand.Create(context),
            FactsPullCommand.Create(context),
        };
    }

    private static async Task<int> ValidateAsync(string? file, TextWriter stdout, TextWriter stderr)
    {
        string json, name;
        if (file is null)
        {
            (json, name) = (ShippedFactSet.ReadJson(), ShippedFactSet.Origin);
        }
        else
        {
            name = file;
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
}
