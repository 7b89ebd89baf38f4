using System.Text;
using System.Text.Json;
using Repatriation.Api.Handlers;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Tests.LanguageTool;

public sealed class LanguageToolCheckHandlerTests
{
    // Claims the engine is meant to flag (a figure, a date range, a quotation), after an emoji and a CRLF.
    public const string Sample =
        "Émigrés 😀 remembered it differently.\r\n" +
        "Between 1946 and 1948 several million civilians were forcibly repatriated. " +
        "Churchill wrote that \"the Cossacks must be handed over at once\" in May 1945.\r\n" +
        "About 50,000 Cossacks were handed over at Lienz in June 1945.";

    private static KeyValuePair<string, string> F(string key, string value) => new(key, value);

    private static async Task<JsonElement> Ok(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (status, contentType, body) = LtRequests.Read(await LtRequests.Handler<LanguageToolCheckHandler>().HandleAsync(LtRequests.Form(fields)));
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        return body;
    }

    private static CheckReport EngineReport(string text) =>
        new ClaimChecker().Check(new CheckRequest(text), FactSetLoader.LoadShipped());

    [Fact]
    public async Task HandleAsync_FormText_AnswersInLanguageToolsShape()
    {
        var body = await Ok([F("text", Sample), F("language", "en-US")]);

        var software = body.GetProperty("software");
        Assert.Equal(1, software.GetProperty("apiVersion").GetInt32());
        Assert.False(software.GetProperty("premium").GetBoolean());
        Assert.Equal(JsonValueKind.String, software.GetProperty("buildDate").ValueKind);
        Assert.Equal(JsonValueKind.String, software.GetProperty("status").ValueKind);
        Assert.False(body.GetProperty("warnings").GetProperty("incompleteResults").GetBoolean());
        Assert.Equal("en-US", body.GetProperty("language").GetProperty("code").GetString());
        Assert.Equal("en-US", body.GetProperty("language").GetProperty("detectedLanguage").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("matches").ValueKind);
    }

    [Fact]
    public async Task HandleAsync_FormText_OneMatchPerFlaggedClaimAtTheReportsOffsets()
    {
        var report = EngineReport(Sample);

        var matches = (await Ok([F("text", Sample), F("language", "en-US")])).GetProperty("matches").EnumerateArray().ToList();

        var flagged = report.Claims.Where(c => c.Status != ClaimStatuses.Supported).ToList();
        Assert.True(flagged.Count > 0, "the engine flagged nothing in the sample, so no match was tested");
        Assert.Equal(flagged.Count, matches.Count);
        foreach (var (match, claim) in matches.Zip(flagged))
        {
            var offset = match.GetProperty("offset").GetInt32();
            var length = match.GetProperty("length").GetInt32();
            Assert.Equal(claim.Offset, offset);
            Assert.Equal(claim.Text, Sample.Substring(offset, length));
            Assert.Equal(LanguageToolRulesId(claim), match.GetProperty("rule").GetProperty("id").GetString());
            var context = match.GetProperty("context");
            Assert.Equal(claim.Text, context.GetProperty("text").GetString()!.Substring(context.GetProperty("offset").GetInt32(), context.GetProperty("length").GetInt32()));
        }
    }

    private static string LanguageToolRulesId(ClaimResult claim) =>
        $"REPATRIATION_{claim.Status.ToUpperInvariant()}_{claim.Kind.ToUpperInvariant()}";

    [Fact]
    public async Task HandleAsync_Multipart_IsReadLikeAForm()
    {
        var handler = LtRequests.Handler<LanguageToolCheckHandler>();
        var form = await Ok([F("text", Sample), F("language", "en-US")]);

        var (status, _, body) = LtRequests.Read(await handler.HandleAsync(LtRequests.Multipart([F("text", Sample), F("language", "en-US")])));

        Assert.Equal(200, status);
        Assert.Equal(form.GetProperty("matches").GetRawText(), body.GetProperty("matches").GetRawText());
    }

    [Fact]
    public async Task HandleAsync_QueryParameters_AreReadAsLanguageToolDoes()
    {
        var query = "?language=en&text=" + Uri.EscapeDataString(Sample);

        var (status, _, body) = LtRequests.Read(await LtRequests.Handler<LanguageToolCheckHandler>().HandleAsync(LtRequests.Raw("GET", "/api/v2/check", null, null, query)));

        Assert.Equal(200, status);
        Assert.Equal("en", body.GetProperty("language").GetProperty("code").GetString());
        Assert.Equal(EngineReport(Sample).Summary.Flagged, body.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task HandleAsync_Data_OffsetsCountTheMarkup()
    {
        // (shown in the document, read by the checker): text is both; <p> is skipped, <br/> reads as a line break.
        var segments = new List<(Dictionary<string, string> Json, string Shown, string Read)> { (new() { ["markup"] = "<p>" }, "<p>", "") };
        foreach (var line in Sample.Split("\r\n"))
        {
            segments.Add((new() { ["text"] = line }, line, line));
            segments.Add((new() { ["markup"] = "<br/>", ["interpretAs"] = "\n" }, "<br/>", "\n"));
        }

        var data = JsonSerializer.Serialize(new { annotation = segments.Select(s => s.Json) });
        var original = string.Concat(segments.Select(s => s.Shown));
        var checkedText = string.Concat(segments.Select(s => s.Read));
        var report = EngineReport(checkedText);

        var matches = (await Ok([F("data", data), F("language", "en-GB")])).GetProperty("matches").EnumerateArray().ToList();

        var flagged = report.Claims.Where(c => c.Status != ClaimStatuses.Supported).ToList();
        Assert.Equal(flagged.Count, matches.Count);
        foreach (var (match, claim) in matches.Zip(flagged))
        {
            Assert.Equal(claim.Text, original.Substring(match.GetProperty("offset").GetInt32(), match.GetProperty("length").GetInt32()));
            Assert.True(match.GetProperty("offset").GetInt32() > claim.Offset, "the <p> before every claim is counted");
        }
    }

    [Fact]
    public async Task HandleAsync_DisabledCategories_RemovesThoseMatches()
    {
        var all = await Ok([F("text", Sample), F("language", "en-US")]);
        var categories = string.Join(',', ClaimStatuses.All.Select(s => "REPATRIATION_" + s.ToUpperInvariant()));

        var none = await Ok([F("text", Sample), F("language", "en-US"), F("disabledCategories", categories)]);

        Assert.Equal(0, none.GetProperty("matches").GetArrayLength());
        Assert.Equal(EngineReport(Sample).Summary.Flagged, all.GetProperty("matches").GetArrayLength());
    }

    [Fact]
    public async Task HandleAsync_LanguageAuto_ReportsEnglishDetected()
    {
        var body = await Ok([F("text", Sample), F("language", "auto")]);

        Assert.Equal("en-US", body.GetProperty("language").GetProperty("code").GetString());
        Assert.Equal("English (US)", body.GetProperty("language").GetProperty("detectedLanguage").GetProperty("name").GetString());
    }

    [Fact]
    public async Task HandleAsync_AutoWithPreferredVariants_ReportsThePreferredEnglishVariant()
    {
        var body = await Ok([F("text", Sample), F("language", "auto"), F("preferredVariants", "de-AT,en-GB")]);

        Assert.Equal("en-GB", body.GetProperty("language").GetProperty("code").GetString());
        Assert.Equal("English (GB)", body.GetProperty("language").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(new[] { "language", "en-US" }, "Missing 'text' or 'data'")]
    [InlineData(new[] { "text", "In 1946." }, "Missing 'language'")]
    [InlineData(new[] { "text", "In 1946.", "language", "de-DE" }, "'de-DE' is not a language this server checks")]
    [InlineData(new[] { "text", "In 1946.", "language", "xx" }, "'xx' is not a language")]
    [InlineData(new[] { "text", "In 1946.", "data", "{\"annotation\":[]}", "language", "en" }, "not both")]
    [InlineData(new[] { "data", "{\"annotation\":5}", "language", "en" }, "array 'annotation'")]
    [InlineData(new[] { "text", "In 1946.", "language", "en", "enabledOnly", "true" }, "without 'enabledRules' or 'enabledCategories'")]
    [InlineData(new[] { "text", "In 1946.", "language", "en", "enabledOnly", "maybe" }, "'enabledOnly' must be true or false")]
    public async Task HandleAsync_BadParameters_400WithTheReason(string[] pairs, string expected)
    {
        var fields = pairs.Chunk(2).Select(p => F(p[0], p[1]));

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<LanguageToolCheckHandler>().HandleAsync(LtRequests.Form(fields)), 400);

        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task HandleAsync_JsonBody_415PointingToApiCheck()
    {
        var request = LtRequests.Raw("POST", "/api/v2/check", "application/json", Encoding.UTF8.GetBytes("{\"text\":\"a\"}"));

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<LanguageToolCheckHandler>().HandleAsync(request), 415);

        Assert.Contains("application/x-www-form-urlencoded", detail);
    }

    [Fact]
    public async Task HandleAsync_TextOverTheLimit_413SayingLimitAndSize()
    {
        var handler = LtRequests.Handler<LanguageToolCheckHandler>(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "100" });

        var detail = LtRequests.AssertProblem(await handler.HandleAsync(LtRequests.Form([F("text", new string('a', 150)), F("language", "en")])), 413);

        Assert.Contains("150", detail);
        Assert.Contains("100", detail);
    }

    [Fact]
    public async Task HandleAsync_UndeclaredBodyOverTheFormCap_413()
    {
        var handler = LtRequests.Handler<LanguageToolCheckHandler>(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "10" });
        var request = LtRequests.Form([F("language", "en"), F("text", new string('a', 300_000))]);
        request.ContentLength = null;

        var detail = LtRequests.AssertProblem(await handler.HandleAsync(request), 413);

        Assert.Contains("the limit is 10 bytes", detail);
    }

    [Fact]
    public async Task HandleAsync_DeclaredBodyFarOverTheLimit_413WithoutReadingIt()
    {
        var handler = LtRequests.Handler<LanguageToolCheckHandler>(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "100" });
        var request = LtRequests.Raw("POST", "/api/v2/check", "application/x-www-form-urlencoded", []);
        request.ContentLength = 10_000_000;

        var detail = LtRequests.AssertProblem(await handler.HandleAsync(request), 413);

        Assert.Contains("10,000,000", detail);
    }
}
