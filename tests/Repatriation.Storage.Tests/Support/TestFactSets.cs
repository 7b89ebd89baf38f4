using System.Text.Json.Nodes;
using Repatriation.Core.Facts;

namespace Repatriation.Testing;

/// <summary>Fact-set JSON for tests: the shipped one under another version, and broken ones.</summary>
public static class TestFactSets
{
    public static string WithVersion(string version)
    {
        var node = JsonNode.Parse(ShippedFactSet.ReadJson())!.AsObject();
        node["version"] = version;
        return node.ToJsonString();
    }

    /// <summary>Parses as JSON but fails validation: an empty version.</summary>
    public static string InvalidEmptyVersion()
    {
        var node = JsonNode.Parse(ShippedFactSet.ReadJson())!.AsObject();
        node["version"] = "";
        return node.ToJsonString();
    }

    public const string Malformed = "{\"id\": \"repatriation\", \"version\": ";
}
