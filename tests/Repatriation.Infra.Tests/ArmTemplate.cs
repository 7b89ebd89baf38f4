using System.Text.Json;

namespace Repatriation.Infra.Tests;

/// <summary>One resource of the compiled template; a copy loop gives one per iteration.</summary>
public sealed record ArmResource(ArmTemplate Template, JsonElement Element, int? CopyIndex)
{
    public string Type => Element.GetProperty("type").GetString()!;

    /// <summary>The full name, deployment-time parts in braces, e.g. <c>{take(…)}/default/factsets</c>.</summary>
    public string Name => Template.Expressions.ResolveText(Element.GetProperty("name"), CopyIndex)!;

    /// <summary>The last segment of the name: a container's or queue's own name.</summary>
    public string LeafName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>True unless a condition that the parameters make false guards the resource.</summary>
    public bool IsDeployedUnconditionally => !Element.TryGetProperty("condition", out _);

    public JsonElement Properties => Element.GetProperty("properties");

    public object? Resolve(string path) => Template.Expressions.Resolve(At(path), CopyIndex);

    public string? Text(string path) => Template.Expressions.ResolveText(At(path), CopyIndex);

    /// <summary>An element by dotted path from the resource root, e.g. "properties.functionAppConfig.runtime.name".</summary>
    public JsonElement At(string path)
    {
        var current = Element;
        foreach (var segment in path.Split('.'))
        {
            if (!current.TryGetProperty(segment, out current))
            {
                throw new KeyNotFoundException($"{Type} has no {path} (missing '{segment}')");
            }
        }

        return current;
    }
}

/// <summary>The ARM JSON that <c>bicep build</c> produced, with the parameter values of <c>bicep build-params</c>.</summary>
public sealed class ArmTemplate
{
    public ArmTemplate(string templateJson, string parametersJson)
    {
        Root = JsonDocument.Parse(templateJson).RootElement;
        var parameterValues = JsonDocument.Parse(parametersJson).RootElement.GetProperty("parameters")
            .EnumerateObject()
            .ToDictionary(parameter => parameter.Name, parameter => parameter.Value.GetProperty("value"));
        Expressions = new ArmExpressions(
            Root.TryGetProperty("variables", out var variables) ? variables : EmptyObject,
            parameterValues,
            Root.GetProperty("parameters"));
        Resources = ReadResources().ToList();
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement;

    public JsonElement Root { get; }

    public ArmExpressions Expressions { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"Expected exactly one {type}, found {found.Count}");
        return found[0];
    }

    private IEnumerable<ArmResource> ReadResources()
    {
        // Language version 2.0 templates keep resources in an object keyed by symbolic name.
        var resources = Root.GetProperty("resources");
        var elements = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(property => property.Value)
            : resources.EnumerateArray();
        foreach (var element in elements)
        {
            if (element.TryGetProperty("existing", out var existing) && existing.GetBoolean())
            {
                continue;
            }

            if (element.TryGetProperty("copy", out var copy))
            {
                var count = Expressions.Resolve(copy.GetProperty("count"));
                Assert.True(count is long, $"Copy count of {element.GetProperty("type")} did not resolve: {ArmExpressions.Render(count)}");
                for (var index = 0; index < (long)count!; index++)
                {
                    yield return new ArmResource(this, element, index);
                }
            }
            else
            {
                yield return new ArmResource(this, element, null);
            }
        }
    }
}
