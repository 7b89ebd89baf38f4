using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Api.Handlers;

namespace Repatriation.Api.Tests;

/// <summary>POST /api/check with "decisions" and "baseline", as the CLI's --decisions and --baseline.</summary>
public sealed class CheckReviewTests
{
    private const string Text =
        "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens. Some 50,000,000 people were returned in 1812 according to Churchill.";

    private static CheckHandler Handler() => TestHost.Build().Services.GetRequiredService<CheckHandler>();

    private static async Task<JsonElement> CheckAsync(object body)
    {
        var (status, _, report) = TestHost.Read(await Handler().HandleAsync(TestHost.PostJson(body)));
        Assert.Equal(200, status);
        return report;
    }

    [Fact]
    public async Task Check_DecisionsForEveryFlaggedClaim_NothingOpenStatusesKept()
    {
        var first = await CheckAsync(new { text = Text });
        var flagged = first.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "supported").ToList();
        Assert.NotEmpty(flagged);

        var reviewed = await CheckAsync(new
        {
            text = Text,
            decisions = flagged.Select(c => new { id = c.GetProperty("id").GetString(), decision = "dismissed", reason = "see footnote 3" }).ToArray(),
        });

        var summary = reviewed.GetProperty("summary");
        Assert.Equal(0, summary.GetProperty("open").GetInt32());
        Assert.Equal(summary.GetProperty("flagged").GetInt32(), summary.GetProperty("dismissed").GetInt32());
        Assert.Equal(
            first.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("status").GetString()),
            reviewed.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("status").GetString()));
        Assert.All(reviewed.GetProperty("claims").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "supported"),
            c => Assert.Equal("see footnote 3", c.GetProperty("decision").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Check_Baseline_MarksNewUnchangedAndAbsent()
    {
        var first = await CheckAsync(new { text = Text });
        var baseline = JsonNode.Parse(first.GetRawText());

        var second = await CheckAsync(new { text = Text.Replace("50,000,000", "60,000,000", StringComparison.Ordinal), baseline });

        var states = second.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("text").GetString()!, c => c.GetProperty("baseline").GetString());
        Assert.Equal("new", states.Single(p => p.Key.Contains("60,000,000", StringComparison.Ordinal)).Value);
        Assert.Equal("unchanged", states["February 1945"]);
        Assert.Contains("50,000,000", Assert.Single(second.GetProperty("absentClaims").EnumerateArray()).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"text": "Lienz, 1945.", "decisions": [{"id": "c_0123456789abcdef", "decision": "ignored"}]}""", "$.decisions[0].decision")]
    [InlineData("""{"text": "Lienz, 1945.", "decisions": {"id": "c_0123456789abcdef"}}""", "$.decisions")]
    [InlineData("""{"text": "Lienz, 1945.", "baseline": {"hello": 1}}""", "neither a check report")]
    public async Task Check_UnusableReviewFields_400SayingWhich(string body, string expected)
    {
        var result = await Handler().HandleAsync(TestHost.Request("POST", "/api/check", "application/json", body));

        var problem = TestHost.AssertProblem(result, 400);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentsDecisionsBaselinesAndCallbacks()
    {
        var handler = TestHost.Build().Services.GetRequiredService<OpenApiHandler>();
        var (_, _, body) = TestHost.Read(await handler.HandleAsync(TestHost.Request("GET", "/api/openapi.json")));
        var schemas = body.GetProperty("components").GetProperty("schemas");

        Assert.True(schemas.GetProperty("CheckRequest").GetProperty("properties").TryGetProperty("decisions", out _));
        Assert.True(schemas.GetProperty("CheckRequest").GetProperty("properties").TryGetProperty("baseline", out _));
        foreach (var field in (string[])["dismissed", "open", "staleDecisions"])
        {
            Assert.True(schemas.GetProperty("Summary").GetProperty("properties").TryGetProperty(field, out _), field);
        }

        Assert.True(schemas.GetProperty("Claim").GetProperty("properties").TryGetProperty("decision", out _));
        Assert.True(schemas.GetProperty("Claim").GetProperty("properties").TryGetProperty("baseline", out _));
        Assert.True(schemas.GetProperty("CheckReport").GetProperty("properties").TryGetProperty("absentClaims", out _));
        Assert.Contains("X-Repatriation-Signature", schemas.GetProperty("JobRequest").GetProperty("properties").GetProperty("callbackUrl").GetProperty("description").GetString());
        Assert.True(body.GetProperty("paths").GetProperty("/api/jobs").GetProperty("post").GetProperty("callbacks").TryGetProperty("jobCompleted", out _));
    }
}
