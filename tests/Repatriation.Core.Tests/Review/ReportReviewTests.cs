using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;

namespace Repatriation.Core.Tests.Review;

public class ReportReviewTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();
    private readonly ClaimChecker _checker = new();

    internal const string Chapter =
        "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n\n" +
        "About 2,272,000 people were repatriated from the western zones.\n\n" +
        "Some 50,000,000 people were returned in 1812 according to Churchill.\n";

    private CheckReport Check(string text) => _checker.Check(new CheckRequest(text, "chapter.txt"), Shipped);

    private static Decision Dismiss(string id, string reason = "checked against footnote 12") =>
        new() { Id = id, Reason = reason, By = "editor", At = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void Apply_EveryFlaggedClaimDismissed_NothingOpenStatusesKept()
    {
        var report = Check(Chapter);
        var flagged = report.Claims.Where(c => c.Status != ClaimStatuses.Supported).ToList();
        Assert.NotEmpty(flagged);

        var reviewed = ReportReview.Apply(report, flagged.Select(c => Dismiss(c.Id)).ToList(), null);

        Assert.Equal(0, reviewed.Summary.Open);
        Assert.Equal(reviewed.Summary.Flagged, reviewed.Summary.Dismissed);
        Assert.Equal(report.Claims.Select(c => c.Status), reviewed.Claims.Select(c => c.Status));
        Assert.All(reviewed.Claims.Where(c => c.Status != ClaimStatuses.Supported), c => Assert.Equal("checked against footnote 12", c.Decision!.Reason));
        Assert.Empty(reviewed.Summary.StaleDecisions!);
    }

    [Fact]
    public void Apply_DecisionForAGoneClaim_ListedAsStaleNotCounted()
    {
        var report = Check(Chapter);
        var gone = Dismiss("c_0000000000000000");

        var reviewed = ReportReview.Apply(report, [gone, Dismiss(report.Claims[^1].Id)], null);

        Assert.Equal(gone, Assert.Single(reviewed.Summary.StaleDecisions!));
        Assert.Equal(reviewed.Summary.Flagged - reviewed.Summary.Dismissed, reviewed.Summary.Open);
        Assert.Equal(1, reviewed.Summary.Dismissed);
    }

    [Fact]
    public void Apply_OneFigureChangedAgainstBaseline_NewAbsentAndUnchanged()
    {
        var first = Check(Chapter);
        var baseline = BaselineFile.Parse(ReportJson.Serialize(first), "first.json");
        var revised = Check(Chapter.Replace("2,272,000", "2,500,000", StringComparison.Ordinal));

        var reviewed = ReportReview.Apply(revised, null, baseline.For("chapter.txt"));

        var changed = Assert.Single(reviewed.Claims, c => c.Text.Contains("2,500,000", StringComparison.Ordinal));
        Assert.Equal(BaselineStates.New, changed.Baseline);
        var absent = Assert.Single(reviewed.AbsentClaims!);
        Assert.Contains("2,272,000", absent.Text, StringComparison.Ordinal);
        Assert.Equal(BaselineStates.Absent, absent.Baseline);
        Assert.All(reviewed.Claims.Where(c => c != changed), c => Assert.Equal(BaselineStates.Unchanged, c.Baseline));
    }

    [Fact]
    public void Apply_SameIdOtherStatus_Updated()
    {
        var report = Check(Chapter);
        var json = JsonNode.Parse(ReportJson.Serialize(report))!;
        var claim = json["claims"]![0]!;
        claim["status"] = claim["status"]!.GetValue<string>() == "supported" ? "contradicted" : "supported";

        var reviewed = ReportReview.Apply(report, null, BaselineFile.Parse(json.ToJsonString(), "b.json").For(null));

        Assert.Equal(BaselineStates.Updated, reviewed.Claims[0].Baseline);
        Assert.All(reviewed.Claims.Skip(1), c => Assert.Equal(BaselineStates.Unchanged, c.Baseline));
        Assert.Empty(reviewed.AbsentClaims!);
    }

    [Fact]
    public void Apply_SarifBaseline_FollowsResultsByFingerprint()
    {
        var first = Check(Chapter);
        var sarif = SarifReportWriter.Write(first);
        var revised = Check(Chapter.Replace("2,272,000", "2,500,000", StringComparison.Ordinal));

        var reviewed = ReportReview.Apply(revised, null, BaselineFile.Parse(sarif, "first.sarif").For("chapter.txt"));

        // SARIF holds flagged claims only: those flagged before and now are unchanged.
        var flaggedBefore = first.Claims.Where(c => c.Status != ClaimStatuses.Supported).Select(c => c.Id).ToHashSet();
        Assert.All(reviewed.Claims.Where(c => flaggedBefore.Contains(c.Id)), c => Assert.Equal(BaselineStates.Unchanged, c.Baseline));
        Assert.Equal(BaselineStates.New, Assert.Single(reviewed.Claims, c => c.Text.Contains("2,500,000", StringComparison.Ordinal)).Baseline);
    }

    [Fact]
    public void Parse_NeitherReportNorSarif_ClearError()
    {
        var error = Assert.Throws<InvalidBaselineException>(() => BaselineFile.Parse("{\"decisions\": []}", "old.json"));

        Assert.StartsWith("old.json: neither a check report", error.Message);
    }

    [Fact]
    public void Report_WithDecisionAndBaseline_SerialisesContractFields()
    {
        var report = Check(Chapter);
        var flagged = report.Claims.First(c => c.Status != ClaimStatuses.Supported);
        var reviewed = ReportReview.Apply(report, [Dismiss(flagged.Id)], BaselineFile.Parse(ReportJson.Serialize(report), "b").For(null));

        using var json = JsonDocument.Parse(ReportJson.Serialize(reviewed));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("dismissed").GetInt32());
        Assert.Equal(reviewed.Summary.Flagged - 1, summary.GetProperty("open").GetInt32());
        Assert.Equal(0, summary.GetProperty("staleDecisions").GetArrayLength());
        var claim = json.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == flagged.Id);
        Assert.Equal("dismissed", claim.GetProperty("decision").GetProperty("decision").GetString());
        Assert.Equal("editor", claim.GetProperty("decision").GetProperty("by").GetString());
        Assert.Equal("unchanged", claim.GetProperty("baseline").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("absentClaims").GetArrayLength());
    }

    [Fact]
    public void Report_WithoutDecisionsOrBaseline_OpenIsFlaggedNoBaselineFields()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(Check(Chapter)));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(summary.GetProperty("flagged").GetInt32(), summary.GetProperty("open").GetInt32());
        Assert.Equal(0, summary.GetProperty("dismissed").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("absentClaims", out _));
        Assert.All(json.RootElement.GetProperty("claims").EnumerateArray(), c => Assert.False(c.TryGetProperty("baseline", out _) || c.TryGetProperty("decision", out _)));
    }

    [Fact]
    public void Writers_DismissedClaims_ShownApartWithTheReason()
    {
        var report = Check(Chapter);
        var flagged = report.Claims.First(c => c.Status != ClaimStatuses.Supported);
        var reviewed = ReportReview.Apply(report, [Dismiss(flagged.Id, "quoted <as> in the source")], null);

        var html = HtmlReportWriter.Write([reviewed], [Chapter]);
        var text = TextReportWriter.Write(reviewed, colour: false);

        var dismissedSection = html[html.IndexOf("<h2>Dismissed</h2>", StringComparison.Ordinal)..];
        Assert.Contains("quoted &lt;as&gt; in the source", dismissedSection);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(flagged.Text), dismissedSection);
        Assert.Contains($"({reviewed.Summary.Open} open, 1 dismissed)", text);
        var dismissedLines = text[text.IndexOf("dismissed (1):", StringComparison.Ordinal)..];
        Assert.Contains("dismissed: quoted <as> in the source (editor, 2026-12-01)", dismissedLines);
        Assert.Equal(1, text.Split('\n').Count(l => l.Contains($"\"{flagged.Text}\"", StringComparison.Ordinal)));
    }
}
