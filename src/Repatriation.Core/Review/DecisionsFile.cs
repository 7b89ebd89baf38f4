using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Review;

/// <summary>
/// The decisions file, <c>{"decisions": [{"id", "decision", "reason", "by", "at"}]}</c>
/// (schemas/decisions.schema.json, embedded here so the CLI, the API and the tests read it one way).
/// </summary>
public sealed record DecisionsFile(IReadOnlyList<Decision> Decisions)
{
    /// <summary>The file `check` looks for beside each input, then in the current folder.</summary>
    public const string DefaultFileName = ".repatriation-decisions.json";

    private const string SchemaResource = "Repatriation.Schemas.decisions.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(ReadSchemaJson(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static string ReadSchemaJson()
    {
        using var stream = typeof(DecisionsFile).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The embedded resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a whole decisions file; <paramref name="origin"/> names it in error messages.</summary>
    public static DecisionsFile Parse(string json, string origin)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDecisionsException($"{origin}: not valid JSON: {e.Message}");
        }

        return FromNode(node, origin);
    }

    /// <summary>Reads the <c>decisions</c> array alone (the JSON body of POST /api/check carries one).</summary>
    public static IReadOnlyList<Decision> ParseArray(JsonNode? array, string origin) =>
        FromNode(new JsonObject { ["decisions"] = array?.DeepClone() }, origin).Decisions;

    private static DecisionsFile FromNode(JsonNode? node, string origin)
    {
        var element = JsonSerializer.SerializeToElement(node);
        var results = Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            var problems = (results.Details ?? []).Prepend(results)
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{Path(d.InstanceLocation.ToString())}: {e.Value}"))
                .Distinct()
                .ToList();
            var shown = string.Join("; ", problems.Take(3)) + (problems.Count > 3 ? $"; and {problems.Count - 3} more" : "");
            throw new InvalidDecisionsException(
                $"{origin}: not a decisions file ({(problems.Count == 0 ? "it does not match schemas/decisions.schema.json" : shown)}); expected {{\"decisions\": [{{\"id\": \"c_…\", \"decision\": \"dismissed\", \"reason\": \"…\", \"by\": \"…\", \"at\": \"…ISO 8601…\"}}]}}");
        }

        var decisions = node!["decisions"]!.Deserialize<List<Decision>>(ReportJson.Options) ?? [];
        return new DecisionsFile(decisions);
    }

    /// <summary>"/decisions/0/id" as "$.decisions[0].id", the way `facts validate` names places.</summary>
    private static string Path(string pointer)
    {
        var path = "$";
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += int.TryParse(part, out var index) ? $"[{index}]" : "." + part;
        }

        return path;
    }
}

/// <summary>A decisions file or array that cannot be used: the message says where and why.</summary>
public sealed class InvalidDecisionsException(string message) : Exception(message);
