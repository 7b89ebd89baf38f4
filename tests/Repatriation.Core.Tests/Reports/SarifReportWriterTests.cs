using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports;

public class SarifReportWriterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    /// <summary>The SARIF 2.1.0 schema shipped with the tests (see Sarif/NOTICE.md), read as draft-07.</summary>
    private static JsonSchema LoadSchema()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Repatriation.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "tests", "Repatriation.Core.Tests", "Sarif", "sarif-2.1.0-rtm.5.json");
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        // draft-04's root "id" would be "$id" in draft-07; the schema refers to itself only by "#/definitions/…", so it can go.
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static EvaluationResults Validate(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Write_EveryStatus_IsValidSarif210()
    {
        var sarif = SarifReportWriter.Write(SampleReports.OneOfEachStatus());

        var results = Validate(sarif);
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void Validate_BrokenLog_IsRejectedBySchema()
    {
        var log = JsonNode.Parse(SarifReportWriter.Write(SampleReports.OneOfEachStatus()))!;
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        Assert.False(Validate(log.ToJsonString()).IsValid);
    }

    [Fact]
    public void Write_FlaggedClaims_BecomeResultsWithLevelsRegionsAndProperties()
    {
        var report = SampleReports.OneOfEachStatus();
        var log = JsonNode.Parse(SarifReportWriter.Write(report))!;
        var run = log["runs"]![0]!;
        var results = run["results"]!.AsArray();

        Assert.Equal("2.1.0", log["version"]!.GetValue<string>());
        Assert.Equal(ClaimChecker.ServiceName, run["tool"]!["driver"]!["name"]!.GetValue<string>());
        Assert.Equal(["disputed", "imprecise", "contradicted", "unsupported", "misattributed"],
            run["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(report.Summary.Flagged, results.Count);
        Assert.DoesNotContain(results, r => r!["ruleId"]!.GetValue<string>() == "supported");

        foreach (var claim in report.Claims.Where(c => c.Status != ClaimStatuses.Supported))
        {
            var result = results.Single(r => r!["properties"]!["claimId"]!.GetValue<string>() == claim.Id)!;
            var expectedLevel = claim.Severity switch { "error" => "error", "warning" => "warning", _ => "note" };
            Assert.Equal(expectedLevel, result["level"]!.GetValue<string>());
            Assert.Equal(claim.Status, result["properties"]!["status"]!.GetValue<string>());
            Assert.Equal(claim.Kind, result["properties"]!["kind"]!.GetValue<string>());
            Assert.StartsWith(claim.Message, result["message"]!["text"]!.GetValue<string>());
            var location = result["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("book/chapter%20%3C1%3E.txt", location["artifactLocation"]!["uri"]!.GetValue<string>());
            var region = location["region"]!;
            Assert.Equal(claim.Line, region["startLine"]!.GetValue<int>());
            Assert.Equal(claim.Column, region["startColumn"]!.GetValue<int>());
            Assert.Equal(claim.Offset, region["charOffset"]!.GetValue<int>());
            Assert.Equal(claim.Length, region["charLength"]!.GetValue<int>());
            Assert.Equal(claim.Suggestion, result["properties"]!["suggestion"]!.GetValue<string>());
            Assert.Equal(claim.Evidence.Count, result["properties"]!["evidence"]!.AsArray().Count);
        }
    }

    [Fact]
    public void Write_EngineReportsOfSeveralManuscripts_IsValidSarifWithOneArtifactEach()
    {
        var snapshot = FactSetLoader.LoadShipped();
        var checker = new ManuscriptChecker();
        var reports = new[]
        {
            checker.Check(DocumentReader.FromPlainText("a.txt", "At Yalta in February 1945 Stalin, Churchill and Roosevelt met. About 2,272,000 Soviet citizens were repatriated from the western zones by 1946."), snapshot),
            checker.Check(DocumentReader.FromPlainText("b.txt", "Nikolai Tolstoy wrote The Secret Betrayal in 1977. Some 50,000 Cossacks were handed over at Lienz."), snapshot),
        };

        var sarif = SarifReportWriter.Write(reports);

        var results = Validate(sarif);
        Assert.True(results.IsValid, Errors(results));
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        Assert.Equal(["a.txt", "b.txt"], run["artifacts"]!.AsArray().Select(a => a!["location"]!["uri"]!.GetValue<string>()));
        Assert.Equal(reports.Sum(r => r.Summary.Flagged), run["results"]!.AsArray().Count);
    }

    [Fact]
    public void Write_DismissedAndBaselined_SuppressionsBaselineStatesAndAbsentResultsValidate()
    {
        var snapshot = FactSetLoader.LoadShipped();
        var checker = new ClaimChecker();
        var text = Repatriation.Core.Tests.Review.ReportReviewTests.Chapter;
        var first = checker.Check(new CheckRequest(text, "chapter.txt"), snapshot);
        var revised = checker.Check(new CheckRequest(text.Replace("2,272,000", "2,900,000", StringComparison.Ordinal), "chapter.txt"), snapshot);
        var dismissed = revised.Claims.First(c => c.Status != ClaimStatuses.Supported);
        var reviewed = Repatriation.Core.Review.ReportReview.Apply(
            revised,
            [new Repatriation.Core.Review.Decision { Id = dismissed.Id, Reason = "source in footnote 12", By = "editor", At = DateTimeOffset.UnixEpoch }],
            Repatriation.Core.Review.BaselineFile.Parse(ReportJson.Serialize(first), "first.json").For("chapter.txt"));

        var sarif = SarifReportWriter.Write(reviewed);

        var validation = Validate(sarif);
        Assert.True(validation.IsValid, Errors(validation));
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        var suppressed = results.Single(r => r!["partialFingerprints"]!["claimId/v1"]!.GetValue<string>() == dismissed.Id)!;
        var suppression = Assert.Single(suppressed["suppressions"]!.AsArray())!;
        Assert.Equal("external", suppression["kind"]!.GetValue<string>());
        Assert.Equal("accepted", suppression["status"]!.GetValue<string>());
        Assert.Equal("source in footnote 12", suppression["justification"]!.GetValue<string>());
        Assert.Single(results, r => r!["suppressions"] is not null);
        Assert.All(results, r => Assert.NotNull(r!["partialFingerprints"]!["claimId/v1"]));
        var states = results.GroupBy(r => r!["baselineState"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, states["new"]);
        Assert.Equal(1, states.GetValueOrDefault("absent"));
        Assert.Equal(reviewed.Summary.Flagged - 1, states["unchanged"]);
    }
}
