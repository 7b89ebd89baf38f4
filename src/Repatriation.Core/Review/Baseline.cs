using System.Text.Json;
using System.Text.Json.Nodes;

namespace Repatriation.Core.Review;

/// <summary>SARIF's baselineState values, used as they are in the JSON report's <c>baseline</c>.</summary>
public static class BaselineStates
{
    public const string New = "new";
    public const string Unchanged = "unchanged";
    /// <summary>The same claim (same id) with another status than in the baseline.</summary>
    public const string Updated = "updated";
    public const string Absent = "absent";
}

/// <summary>One claim as an earlier report gave it.</summary>
public sealed record BaselineClaim(string Id, string Kind, string Status, string Text, int? Line, int? Column);

/// <summary>The claims of one manuscript in an earlier report. SARIF holds flagged claims only.</summary>
public sealed record BaselineDocument(string? Name, IReadOnlyList<BaselineClaim> Claims);

/// <summary>
/// An earlier check's report, read to compare a new check with: a JSON report, a JSON array of reports, or a
/// SARIF log (results matched by the <c>claimId/v1</c> partial fingerprint).
/// </summary>
public sealed record BaselineFile(IReadOnlyList<BaselineDocument> Documents)
{
    public static BaselineFile Parse(string json, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidBaselineException($"{origin}: not valid JSON: {e.Message}");
        }

        return FromNode(root, origin);
    }

    /// <summary>A baseline already parsed (the "baseline" field of a JSON request body).</summary>
    public static BaselineFile FromNode(JsonNode? root, string origin)
    {
        try
        {
            return root switch
            {
                JsonObject o when o["runs"] is JsonArray runs => new BaselineFile(FromSarif(runs)),
                JsonObject o when o["claims"] is JsonArray => new BaselineFile([FromReport(o)]),
                JsonArray reports when reports.All(r => r is JsonObject { } ro && ro["claims"] is JsonArray) =>
                    new BaselineFile(reports.Select(r => FromReport(r!.AsObject())).ToList()),
                _ => throw new InvalidBaselineException($"{origin}: neither a check report (JSON with \"claims\"), an array of them, nor a SARIF log (\"runs\")"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or KeyNotFoundException)
        {
            throw new InvalidBaselineException($"{origin}: a claim or result could not be read ({e.Message})");
        }
    }

    /// <summary>
    /// The baseline of the manuscript named <paramref name="name"/>: the one of that name, else the one with that
    /// file name, else the only one there is (a revised file often has a new name), else none.
    /// </summary>
    public BaselineDocument? For(string? name)
    {
        var exact = Documents.Where(d => d.Name == name).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var file = FileName(name);
        var sameFile = Documents.Where(d => file is not null && FileName(d.Name) == file).ToList();
        if (sameFile.Count == 1)
        {
            return sameFile[0];
        }

        return Documents.Count == 1 ? Documents[0] : null;
    }

    private static string? FileName(string? name) =>
        string.IsNullOrEmpty(name) ? null : Uri.UnescapeDataString(name.Replace('\\', '/').Split('/')[^1]);

    internal static BaselineDocument FromReport(JsonObject report)
    {
        var claims = report["claims"]!.AsArray()
            .Select(c => new BaselineClaim(
                c!["id"]!.GetValue<string>(),
                c["kind"]?.GetValue<string>() ?? "",
                c["status"]!.GetValue<string>(),
                c["text"]?.GetValue<string>() ?? "",
                c["line"]?.GetValue<int>(),
                c["column"]?.GetValue<int>()))
            .ToList();
        return new BaselineDocument(report["document"]?["name"]?.GetValue<string>(), claims);
    }

    private static List<BaselineDocument> FromSarif(JsonArray runs)
    {
        var documents = new List<BaselineDocument>();
        foreach (var run in runs.OfType<JsonObject>())
        {
            var uris = (run["artifacts"] as JsonArray ?? []).Select(a => a?["location"]?["uri"]?.GetValue<string>()).ToList();
            var byArtifact = new Dictionary<int, List<BaselineClaim>>();
            foreach (var result in (run["results"] as JsonArray ?? []).OfType<JsonObject>())
            {
                // A result the earlier run already called absent was not in that run's text.
                if (result["baselineState"]?.GetValue<string>() == BaselineStates.Absent
                    || (result["partialFingerprints"]?["claimId/v1"] ?? result["properties"]?["claimId"])?.GetValue<string>() is not { } id)
                {
                    continue;
                }

                var location = result["locations"]?[0]?["physicalLocation"];
                var artifact = location?["artifactLocation"]?["index"]?.GetValue<int>()
                    ?? uris.IndexOf(location?["artifactLocation"]?["uri"]?.GetValue<string>());
                var region = location?["region"];
                var claim = new BaselineClaim(
                    id,
                    result["properties"]?["kind"]?.GetValue<string>() ?? "",
                    result["properties"]?["status"]?.GetValue<string>() ?? result["ruleId"]?.GetValue<string>() ?? "",
                    region?["snippet"]?["text"]?.GetValue<string>() ?? "",
                    region?["startLine"]?.GetValue<int>(),
                    region?["startColumn"]?.GetValue<int>());
                if (!byArtifact.TryGetValue(Math.Max(artifact, 0), out var list))
                {
                    byArtifact[Math.Max(artifact, 0)] = list = [];
                }

                list.Add(claim);
            }

            var count = Math.Max(uris.Count, byArtifact.Count == 0 ? 0 : byArtifact.Keys.Max() + 1);
            for (var i = 0; i < count; i++)
            {
                documents.Add(new BaselineDocument(i < uris.Count ? uris[i] : null, byArtifact.GetValueOrDefault(i) ?? []));
            }
        }

        return documents;
    }
}

/// <summary>A baseline that cannot be read: the message says which file and why.</summary>
public sealed class InvalidBaselineException(string message) : Exception(message);
