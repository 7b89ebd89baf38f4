using System.Text.Json;

namespace Repatriation.Core.Facts;

/// <summary>One problem in a fact set, located by its JSON path ("$.facts[3].sources").</summary>
public sealed record FactSetProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Checks a fact set's JSON against its schema and its cross-references; reports every problem.</summary>
public static class FactSetValidator
{
    public static IReadOnlyList<FactSetProblem> Validate(string json)
    {
        try
        {
            var factSet = FactSetJson.Parse(json);
            return Validate(factSet);
        }
        catch (JsonException e)
        {
            return [new FactSetProblem(e.Path ?? "$", e.Message)];
        }
    }

    public static IReadOnlyList<FactSetProblem> Validate(FactSet factSet)
    {
        var problems = new List<FactSetProblem>();
        if (string.IsNullOrWhiteSpace(factSet.Version))
        {
            problems.Add(new("$.version", "the version is empty"));
        }

        return problems;
    }
}

/// <summary>Thrown when a fact set fails validation; carries every problem found.</summary>
public sealed class InvalidFactSetException(string origin, IReadOnlyList<FactSetProblem> problems)
    : Exception($"The fact set from {origin} is invalid: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $" (and {problems.Count - 5} more)" : "")}")
{
    public IReadOnlyList<FactSetProblem> Problems { get; } = problems;
}

/// <summary>Parses and validates fact-set JSON into a snapshot; the one path every host loads through.</summary>
public static class FactSetLoader
{
    public static FactSetSnapshot Load(string json, string origin, string? etag, DateTimeOffset loadedAt)
    {
        var problems = FactSetValidator.Validate(json);
        if (problems.Count > 0)
        {
            throw new InvalidFactSetException(origin, problems);
        }

        return new FactSetSnapshot(FactSetJson.Parse(json), etag, loadedAt, origin);
    }

    public static FactSetSnapshot LoadShipped(TimeProvider? time = null) =>
        Load(ShippedFactSet.ReadJson(), ShippedFactSet.Origin, null, (time ?? TimeProvider.System).GetUtcNow());
}
