using System.Text.Json;
using System.Text.Json.Nodes;

namespace Repatriation.Cli.Tests.Check;

/// <summary>`check --decisions` and `check --baseline` end to end: exit codes, summaries, SARIF and text.</summary>
public sealed class DecisionsAndBaselineTests : IDisposable
{
    private const string Chapter =
        "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n\n" +
        "About 2,272,000 people were repatriated from the western zones.\n\n" +
        "Some 50,000,000 people were returned in 1812 according to Churchill.\n\n" +
        "Between 1946 and 1948 several million civilians were forcibly repatriated.\n";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("decisions-tests-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string content) => CommandLineRun.Write(_root, relative, content);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLineRun.RunAsync(args);

    private static string DismissAll(JsonNode report, string reason) => new JsonObject
    {
        ["decisions"] = new JsonArray(report["claims"]!.AsArray()
            .Where(c => c!["status"]!.GetValue<string>() != "supported")
            .Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c!["id"]!.GetValue<string>(),
                ["decision"] = "dismissed",
                ["reason"] = reason,
                ["by"] = "test editor",
                ["at"] = "2026-12-05T10:00:00Z",
            }).ToArray()),
    }.ToJsonString();

    [Fact]
    public async Task Decisions_EveryFlaggedClaimDismissed_Exit0NothingOpenSarifSuppressed()
    {
        var text = Write("chapter.txt", Chapter);
        var (firstCode, firstJson, _) = await Run("check", text, "--format", "json");
        Assert.Equal(1, firstCode);
        var decisions = Write("decisions/mine.json", DismissAll(JsonNode.Parse(firstJson)!, "source in footnote 12"));

        var (code, json, stderr) = await Run("check", text, "--format", "json", "--decisions", decisions);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var summary = JsonNode.Parse(json)!["summary"]!;
        Assert.True(summary["flagged"]!.GetValue<int>() > 0);
        Assert.Equal(0, summary["open"]!.GetValue<int>());
        Assert.Equal(summary["flagged"]!.GetValue<int>(), summary["dismissed"]!.GetValue<int>());
        Assert.Empty(summary["staleDecisions"]!.AsArray());

        var (sarifCode, sarif, _) = await Run("check", text, "--format", "sarif", "--decisions", decisions);
        Assert.Equal(0, sarifCode);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(summary["flagged"]!.GetValue<int>(), results.Count);
        Assert.All(results, r =>
        {
            var suppression = Assert.Single(r!["suppressions"]!.AsArray())!;
            Assert.Equal("external", suppression["kind"]!.GetValue<string>());
            Assert.Equal("accepted", suppression["status"]!.GetValue<string>());
            Assert.Equal("source in footnote 12", suppression["justification"]!.GetValue<string>());
        });

        var (textCode, report, _) = await Run("check", text, "--decisions", decisions);
        Assert.Equal(0, textCode);
        Assert.Contains($"dismissed ({summary["dismissed"]!.GetValue<int>()}):", report);
        Assert.Contains("dismissed: source in footnote 12 (test editor, 2026-12-05)", report);
    }

    [Fact]
    public async Task Decisions_DefaultFileBesideTheInput_IsUsed()
    {
        var text = Write("book/chapter.txt", Chapter);
        var (_, firstJson, _) = await Run("check", text, "--format", "json");
        Write("book/.repatriation-decisions.json", DismissAll(JsonNode.Parse(firstJson)!, "fine"));

        var (code, json, _) = await Run("check", text, "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(0, JsonNode.Parse(json)!["summary"]!["open"]!.GetValue<int>());
    }

    [Fact]
    public async Task Decisions_FailOnCountsOpenClaimsOnly()
    {
        var text = Write("chapter.txt", Chapter);
        var (_, firstJson, _) = await Run("check", text, "--format", "json");
        var report = JsonNode.Parse(firstJson)!;
        var contradicted = report["claims"]!.AsArray().Where(c => c!["status"]!.GetValue<string>() == "contradicted").ToList();
        Assert.NotEmpty(contradicted);
        var decisions = Write("d.json", new JsonObject
        {
            ["decisions"] = new JsonArray(contradicted.Select(c => (JsonNode)new JsonObject { ["id"] = c!["id"]!.GetValue<string>(), ["decision"] = "dismissed" }).ToArray()),
        }.ToJsonString());

        var (code, _, _) = await Run("check", text, "--fail-on", "contradicted", "--decisions", decisions);

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Decisions_StaleDecisionListed()
    {
        var text = Write("chapter.txt", Chapter);
        var decisions = Write("d.json", """{"decisions": [{"id": "c_0000000000000000", "decision": "dismissed", "reason": "old"}]}""");

        var (_, json, _) = await Run("check", text, "--format", "json", "--decisions", decisions);

        var stale = Assert.Single(JsonNode.Parse(json)!["summary"]!["staleDecisions"]!.AsArray())!;
        Assert.Equal("c_0000000000000000", stale["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"decisions\": [{\"id\": \"x\"}]}", "$.decisions[0]")]
    [InlineData("not json", "not valid JSON")]
    public async Task Decisions_BadFile_Exit2OneLineNothingChecked(string content, string expected)
    {
        var text = Write("chapter.txt", Chapter);
        var decisions = Write("d.json", content);

        var (code, stdout, stderr) = await Run("check", text, "--format", "json", "--decisions", decisions);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, line);
        Assert.Contains("d.json", line);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Baseline_OneFigureChanged_NewAbsentUnchanged(string baselineFormat)
    {
        var text = Write("chapter.txt", Chapter);
        var (_, previous, _) = await Run("check", text, "--format", baselineFormat);
        var baseline = Write("previous." + baselineFormat, previous);
        File.WriteAllText(text, Chapter.Replace("50,000,000", "60,000,000", StringComparison.Ordinal));

        var (_, json, _) = await Run("check", text, "--format", "json", "--baseline", baseline);
        var (_, sarif, _) = await Run("check", text, "--format", "sarif", "--baseline", baseline);

        var report = JsonNode.Parse(json)!;
        var claims = report["claims"]!.AsArray();
        var changed = Assert.Single(claims, c => c!["text"]!.GetValue<string>().Contains("60,000,000", StringComparison.Ordinal))!;
        Assert.Equal("new", changed["baseline"]!.GetValue<string>());
        var absent = Assert.Single(report["absentClaims"]!.AsArray())!;
        Assert.Contains("50,000,000", absent["text"]!.GetValue<string>());
        Assert.Equal("absent", absent["baseline"]!.GetValue<string>());
        var flaggedElsewhere = claims.Where(c => c != changed && c!["status"]!.GetValue<string>() != "supported").ToList();
        Assert.NotEmpty(flaggedElsewhere);
        Assert.All(flaggedElsewhere, c => Assert.Equal("unchanged", c!["baseline"]!.GetValue<string>()));

        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        Assert.All(results, r => Assert.NotNull(r!["partialFingerprints"]!["claimId/v1"]));
        Assert.Equal("new", results.Single(r => r!["partialFingerprints"]!["claimId/v1"]!.GetValue<string>() == changed["id"]!.GetValue<string>())!["baselineState"]!.GetValue<string>());
        Assert.Equal("absent", results.Single(r => r!["partialFingerprints"]!["claimId/v1"]!.GetValue<string>() == absent["id"]!.GetValue<string>())!["baselineState"]!.GetValue<string>());
        Assert.Equal(flaggedElsewhere.Count, results.Count(r => r!["baselineState"]!.GetValue<string>() == "unchanged"));
    }

    [Fact]
    public async Task OnlyNew_TextListsNewFlagsOnly()
    {
        var text = Write("chapter.txt", Chapter);
        var (_, previous, _) = await Run("check", text, "--format", "json");
        var baseline = Write("previous.json", previous);
        File.WriteAllText(text, Chapter.Replace("50,000,000", "60,000,000", StringComparison.Ordinal));

        var (code, all, _) = await Run("check", text, "--baseline", baseline);
        var (_, onlyNew, _) = await Run("check", text, "--baseline", baseline, "--only-new");

        Assert.Equal(1, code);
        // "in 1812" is about another matter (a year the subject never touches): no claim; Churchill's attribution is.
        Assert.Contains("according to Churchill", all);
        Assert.Contains("Between 1946 and 1948", all);
        Assert.Contains("[new] \"Some 60,000,000", onlyNew, StringComparison.Ordinal);
        Assert.DoesNotContain("Between 1946 and 1948", onlyNew);
        Assert.DoesNotContain("SUPPORTED", onlyNew);
    }

    [Fact]
    public async Task Baseline_NotAReport_Exit2()
    {
        var text = Write("chapter.txt", Chapter);
        var baseline = Write("previous.json", "{\"hello\": 1}");

        var (code, _, stderr) = await Run("check", text, "--baseline", baseline);

        Assert.Equal(2, code);
        Assert.Contains("previous.json: neither a check report", stderr);
    }
}
