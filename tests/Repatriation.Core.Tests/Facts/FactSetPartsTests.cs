using System.Text.Json.Nodes;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>
/// facts/repatriation.json is built from facts/parts/*.json by facts/merge_parts.py. This re-does the merge
/// (same rules) and compares, so an edit to a part that was not merged, or a hand edit to the shipped file that
/// is missing from its part, fails here instead of silently drifting.
/// </summary>
public class FactSetPartsTests
{
    private static readonly string[] Collections =
        ["sources", "people", "actions", "populations", "places", "measures", "facts", "works", "quotations", "acts", "offices"];
    private static readonly HashSet<string> United = ["aliases", "terms", "seenAt", "alternativeTitles", "alternativeYears", "wronglyCredited"];
    private static readonly string[] PartOrder = ["figures", "attributions"];

    // The part whose wording wins when both define the same id.
    private static readonly Dictionary<string, string> Owner = new()
    {
        ["sources"] = "figures", ["actions"] = "figures", ["populations"] = "figures", ["places"] = "figures", ["measures"] = "figures",
        ["facts"] = "figures", ["people"] = "attributions", ["works"] = "attributions", ["quotations"] = "attributions",
        ["acts"] = "attributions", ["offices"] = "attributions",
    };

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(Path.Combine(dir.FullName, "Repatriation.sln")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }

    private static JsonObject ReadPart(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFile($"facts/parts/{name}.json")))!.AsObject();

    private static Dictionary<string, List<JsonObject>> Merge()
    {
        var merged = Collections.ToDictionary(c => c, _ => new List<JsonObject>());
        var byId = Collections.ToDictionary(c => c, _ => new Dictionary<string, JsonObject>(StringComparer.Ordinal));
        foreach (var part in PartOrder)
        {
            var document = ReadPart(part);
            foreach (var collection in Collections)
            {
                foreach (var item in document[collection]?.AsArray().Select(n => n!.AsObject()) ?? [])
                {
                    var id = item["id"]!.GetValue<string>();
                    if (!byId[collection].TryGetValue(id, out var current))
                    {
                        var copy = item.DeepClone().AsObject();
                        byId[collection][id] = copy;
                        merged[collection].Add(copy);
                        continue;
                    }

                    foreach (var (key, value) in item)
                    {
                        if (United.Contains(key))
                        {
                            var combined = current[key]?.AsArray() ?? [];
                            foreach (var element in value!.AsArray().Where(e => !combined.Any(c => JsonNode.DeepEquals(c, e))))
                            {
                                combined.Add(element!.DeepClone());
                            }

                            current[key] = combined.DeepClone();
                        }
                        else if (!current.ContainsKey(key) || Owner[collection] == part)
                        {
                            current[key] = value?.DeepClone();
                        }
                    }
                }
            }
        }

        return merged;
    }

    [Fact]
    public void ShippedFactSet_IsExactlyTheMergeOfItsParts()
    {
        var shipped = JsonNode.Parse(ShippedFactSet.ReadJson())!.AsObject();
        var merged = Merge();

        foreach (var collection in Collections)
        {
            var expected = merged[collection];
            var actual = shipped[collection]!.AsArray().Select(n => n!.AsObject()).ToList();
            Assert.Equal(expected.Select(e => e["id"]!.GetValue<string>()), actual.Select(a => a["id"]!.GetValue<string>()));
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(JsonNode.DeepEquals(expected[i], actual[i]),
                    $"{collection}/{expected[i]["id"]} differs from its parts: run facts/merge_parts.py");
            }
        }
    }

    [Fact]
    public void FiguresPart_EveryEntry_ReachesTheShippedFactSet()
    {
        var shippedFactIds = FactSetJson.Parse(ShippedFactSet.ReadJson()).Facts.Select(f => f.Id).ToHashSet();
        var partFacts = ReadPart("figures")["facts"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

        Assert.NotEmpty(partFacts);
        Assert.All(partFacts, id => Assert.Contains(id, shippedFactIds));
    }
}
