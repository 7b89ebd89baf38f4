using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Review;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports.Legacy;

/// <summary>
/// The writer as it was before reports were streamed (issue 11), kept only so tests can show that the streamed writer gives the same output.
/// SARIF 2.1.0 for code-scanning viewers and CI: one run, one rule per flagged status, one result per
/// flagged claim (supported claims are not results). Regions use the report's offsets, lines and columns,
/// which refer to the checked text (the artifact's properties say whether that is the file's own text).
/// </summary>
internal static class LegacySarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = ReportJson.Options.Encoder };

    private static readonly IReadOnlyList<(string Status, string Name, string Description)> Rules =
    [
        (ClaimStatuses.Disputed, "DisputedClaim", "The claim matches one sourced estimate, but the fact set holds other estimates of the same measure that disagree."),
        (ClaimStatuses.Imprecise, "ImpreciseClaim", "The right measure, but the wording overstates or narrows what the sources give."),
        (ClaimStatuses.Contradicted, "ContradictedClaim", "A fact of the same measure and scope gives a value or date the claim is incompatible with."),
        (ClaimStatuses.Unsupported, "UnsupportedClaim", "No fact in the fact set speaks to this claim."),
        (ClaimStatuses.Misattributed, "MisattributedClaim", "The words, work, act or estimate exist in the fact set but belong to someone else."),
    ];

    public static string Write(CheckReport report) => Write([report]);

    /// <summary>One log with one run covering every report (one artifact each).</summary>
    public static string Write(IReadOnlyList<CheckReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var first = reports.Count > 0 ? reports[0] : null;
        var artifacts = new JsonArray();
        var results = new JsonArray();
        for (var index = 0; index < reports.Count; index++)
        {
            var report = reports[index];
            var uri = UriOf(report.Document.Name, index);
            artifacts.Add(new JsonObject
            {
                ["location"] = new JsonObject { ["uri"] = uri },
                ["properties"] = new JsonObject
                {
                    ["format"] = report.Document.Format ?? "text",
                    ["checkedText"] = report.Document.CheckedText ?? "original",
                    ["characters"] = report.Document.Characters,
                    ["summary"] = JsonSerializer.SerializeToNode(report.Summary, ReportJson.Options),
                },
            });
            RemoveNulls(artifacts[^1]!.AsObject());

            foreach (var claim in report.Claims)
            {
                if (claim.Status != ClaimStatuses.Supported)
                {
                    results.Add(Result(claim, uri, index));
                }
                else if (claim.Baseline == BaselineStates.Updated)
                {
                    // Flagged in the baseline, supported now: the baseline's result is gone from this run.
                    results.Add(AbsentResult(claim.Id, claim.Kind, "", claim.Text, uri, index));
                }
            }

            foreach (var gone in report.AbsentClaims ?? [])
            {
                if (gone.Status != ClaimStatuses.Supported)
                {
                    results.Add(AbsentResult(gone.Id, gone.Kind, gone.Status, gone.Text, uri, index));
                }
            }
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = first?.Service.Name ?? Repatriation.Core.Checking.ClaimChecker.ServiceName,
                    ["version"] = first?.Service.Version ?? Repatriation.Core.Checking.ClaimChecker.ServiceVersion,
                    ["rules"] = new JsonArray(Rules.Select(Rule).ToArray<JsonNode?>()),
                },
            },
            ["columnKind"] = first?.Document.StringIndexType == StringIndexTypes.UnicodeCodePoint ? "unicodeCodePoints" : "utf16CodeUnits",
            ["artifacts"] = artifacts,
            ["results"] = results,
        };
        if (first is not null)
        {
            run["properties"] = new JsonObject
            {
                ["factSet"] = JsonSerializer.SerializeToNode(first.FactSet, ReportJson.Options),
            };
        }

        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Indented);
    }

    private static JsonObject Rule((string Status, string Name, string Description) rule) => new()
    {
        ["id"] = rule.Status,
        ["name"] = rule.Name,
        ["shortDescription"] = new JsonObject { ["text"] = $"Claim is {rule.Status}." },
        ["fullDescription"] = new JsonObject { ["text"] = rule.Description },
        ["defaultConfiguration"] = new JsonObject { ["level"] = LevelOf(ClaimStatuses.SeverityOf(rule.Status)) },
        ["properties"] = new JsonObject { ["severity"] = ClaimStatuses.SeverityOf(rule.Status) },
    };

    private static JsonObject Result(ClaimResult claim, string uri, int artifactIndex)
    {
        var ruleIndex = Rules.Select(r => r.Status).ToList().IndexOf(claim.Status);
        var message = claim.Suggestion is null ? claim.Message : $"{claim.Message} Suggestion: {claim.Suggestion}";
        var properties = new JsonObject
        {
            ["status"] = claim.Status,
            ["kind"] = claim.Kind,
            ["severity"] = claim.Severity,
            ["claimId"] = claim.Id,
            ["sentence"] = claim.Sentence,
            ["person"] = claim.Person,
            ["value"] = JsonSerializer.SerializeToNode(claim.Value, ReportJson.Options),
            ["evidence"] = JsonSerializer.SerializeToNode(claim.Evidence, ReportJson.Options),
            ["suggestion"] = claim.Suggestion,
            ["location"] = JsonSerializer.SerializeToNode(claim.Location, ReportJson.Options),
        };
        RemoveNulls(properties);
        var result = new JsonObject
        {
            ["ruleId"] = claim.Status,
            ["level"] = LevelOf(claim.Severity),
            ["kind"] = "fail",
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = uri, ["index"] = artifactIndex },
                    ["region"] = new JsonObject
                    {
                        ["startLine"] = claim.Line,
                        ["startColumn"] = claim.Column,
                        ["charOffset"] = claim.Offset,
                        ["charLength"] = claim.Length,
                        ["snippet"] = new JsonObject { ["text"] = claim.Text },
                    },
                },
            }),
            ["partialFingerprints"] = Fingerprints(claim.Id),
            ["properties"] = properties,
        };
        if (ruleIndex >= 0)
        {
            result["ruleIndex"] = ruleIndex;
        }

        if (claim.Baseline is { } state)
        {
            result["baselineState"] = state;
        }

        if (claim.Decision is { } decision)
        {
            // An editor's dismissal made outside the text: SARIF viewers (and GitHub code scanning) show it as suppressed.
            var suppression = new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = decision.Reason ?? "dismissed by an editor",
            };
            var by = new JsonObject { ["by"] = decision.By, ["at"] = decision.At?.ToString("O") };
            RemoveNulls(by);
            if (by.Count > 0)
            {
                suppression["properties"] = by;
            }

            result["suppressions"] = new JsonArray(suppression);
        }

        return result;
    }

    /// <summary>
    /// The claim id is the fingerprint: it survives edits elsewhere in the text, so code scanning follows a flag
    /// across revisions, and a decision or a baseline finds its claim again.
    /// </summary>
    private static JsonObject Fingerprints(string claimId) => new() { ["claimId/v1"] = claimId };

    /// <summary>A baseline result this run no longer finds (baselineState "absent"): kind pass, level none.</summary>
    private static JsonObject AbsentResult(string claimId, string kind, string status, string text, string uri, int artifactIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = status.Length > 0 ? status : null,
            ["kind"] = "pass",
            ["level"] = "none",
            ["message"] = new JsonObject { ["text"] = $"No longer flagged since the baseline: \"{text}\"." },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = uri, ["index"] = artifactIndex } },
            }),
            ["partialFingerprints"] = Fingerprints(claimId),
            ["baselineState"] = BaselineStates.Absent,
            ["properties"] = new JsonObject { ["claimId"] = claimId, ["kind"] = kind, ["status"] = status.Length > 0 ? status : null },
        };
        RemoveNulls(result["properties"]!.AsObject());
        RemoveNulls(result);
        var ruleIndex = Rules.Select(r => r.Status).ToList().IndexOf(status);
        if (ruleIndex >= 0)
        {
            result["ruleIndex"] = ruleIndex;
        }

        return result;
    }

    /// <summary>SARIF levels: error, warning, note (info is a note).</summary>
    public static string LevelOf(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        _ => "none",
    };

    /// <summary>A relative URI reference for the document's name (path separators kept, the rest escaped).</summary>
    public static string UriOf(string? name, int index)
    {
        if (string.IsNullOrEmpty(name) || name == "-")
        {
            return index == 0 ? "stdin" : $"stdin-{index + 1}";
        }

        var parts = name.Replace('\\', '/').Split('/');
        return string.Join('/', parts.Select(p => p is "." or ".." ? p : Uri.EscapeDataString(p)));
    }

    private static void RemoveNulls(JsonObject node)
    {
        foreach (var key in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            node.Remove(key);
        }
    }
}
