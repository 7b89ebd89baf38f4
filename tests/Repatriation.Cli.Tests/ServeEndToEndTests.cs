using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Repatriation.Core.Facts;

namespace Repatriation.Cli.Tests;

/// <summary>`serve` in process on a free loopback port, called over real HTTP.</summary>
public sealed class ServeEndToEndTests : IAsyncLifetime
{
    private const string Article =
        "After the Yalta conference of February 1945, British forces handed over Cossacks at Lienz in June 1945.";

    private ServeHost _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await ServeHost.StartAsync("http://127.0.0.1:0", new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "4096" });
        _client = new HttpClient { BaseAddress = _host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, string mediaType = "application/json")
    {
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await JsonOf(response, "application/problem+json");
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", problem.GetRawText());
        return problem;
    }

    [Fact]
    public void StartAsync_PortZero_BindsALoopbackPort()
    {
        Assert.Equal("127.0.0.1", _host.BaseAddress.Host);
        Assert.NotEqual(0, _host.BaseAddress.Port);
    }

    [Fact]
    public async Task PostCheck_Json_Returns200Report()
    {
        using var response = await _client.PostAsJsonAsync("/api/check", new { text = Article, name = "yalta.txt" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonOf(response);
        Assert.Equal("yalta.txt", report.GetProperty("document").GetProperty("name").GetString());
        Assert.Equal(Article.Length, report.GetProperty("document").GetProperty("characters").GetInt32());
        Assert.Equal(FactSetLoader.LoadShipped().FactSet.Version, report.GetProperty("factSet").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("claims").ValueKind);
        Assert.Equal(report.GetProperty("claims").GetArrayLength(), report.GetProperty("summary").GetProperty("claims").GetInt32());
    }

    [Fact]
    public async Task PostCheck_TextPlainWithCodePoints_Returns200()
    {
        using var content = new StringContent("Émigrés 𝔸 in 1946.", Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync("/api/check?stringIndexType=UnicodeCodePoint&name=e.txt", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await JsonOf(response);
        Assert.Equal(18, report.GetProperty("document").GetProperty("characters").GetInt32());
        Assert.Equal("UnicodeCodePoint", report.GetProperty("document").GetProperty("stringIndexType").GetString());
    }

    [Fact]
    public async Task PostCheck_MalformedJson_Returns400Problem()
    {
        using var content = new StringContent("{\"text\": ", Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync("/api/check", content);

        await ProblemOf(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PostCheck_OverTheLimit_Returns413WithLimitAndSize()
    {
        using var content = new StringContent(new string('x', 5000), Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync("/api/check", content);

        var problem = await ProblemOf(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("4,096", problem.GetProperty("detail").GetString());
        Assert.Contains("5,000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task PostCheck_Xml_Returns415()
    {
        using var content = new StringContent("<text/>", Encoding.UTF8, "application/xml");

        using var response = await _client.PostAsync("/api/check", content);

        await ProblemOf(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task GetHealth_Shipped_Returns200Healthy()
    {
        using var response = await _client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await JsonOf(response)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task GetFactSet_Shipped_ReportsOriginAndCounts()
    {
        using var response = await _client.GetAsync("/api/factset");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonOf(response);
        Assert.Equal("shipped", body.GetProperty("source").GetString());
        Assert.Equal(FactSetLoader.LoadShipped().FactSet.Facts.Count, body.GetProperty("counts").GetProperty("facts").GetInt32());
    }

    [Fact]
    public async Task GetOpenApi_Returns30DocumentWithTheServedRoutes()
    {
        using var response = await _client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonOf(response);
        Assert.StartsWith("3.0", document.GetProperty("openapi").GetString());
        foreach (var path in new[] { "/api/check", "/api/factset", "/api/health", "/api/openapi.json" })
        {
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), path);
        }
    }

    [Fact]
    public async Task GetCheck_WrongMethod_IsNotAnswered()
    {
        using var response = await _client.GetAsync("/api/check");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

/// <summary>`serve` with Api:Key set: every route but health needs the key, as function keys do.</summary>
public sealed class ServeWithKeyTests
{
    [Fact]
    public async Task Serve_KeyConfigured_RequiresItOnEveryRouteButHealth()
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", new Dictionary<string, string?> { ["Api:Key"] = "editor-key" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var health = await client.GetAsync("/api/health");
        using var noKey = await client.GetAsync("/api/factset");
        using var wrongKey = await client.GetAsync("/api/openapi.json?code=nope");
        using var queryKey = await client.GetAsync("/api/factset?code=editor-key");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = new StringContent("Lienz, 1945.", Encoding.UTF8, "text/plain") };
        request.Headers.Add("x-functions-key", "editor-key");
        using var headerKey = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queryKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, headerKey.StatusCode);
    }

    [Fact]
    public async Task RunAsync_UnknownServeOption_Exits2WithOneLine()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["serve", "--port", "80"], TextReader.Null, stdout, stderr);

        Assert.Equal(2, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.Contains("--port", stderr.ToString());
    }

    [Fact]
    public async Task RunAsync_PortInUse_Exits2WithOneLine()
    {
        await using var first = await ServeHost.StartAsync("http://127.0.0.1:0");
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["serve", "--urls", first.BaseAddress.ToString()], TextReader.Null, TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("error: cannot serve on", stderr.ToString());
    }
}

/// <summary>`facts publish|pull` with no storage configured say so in one line.</summary>
public sealed class FactsStorageNotConfiguredTests
{
    [Theory]
    [InlineData("publish")]
    [InlineData("pull")]
    public async Task RunAsync_NoStorageConfigured_Exits2NamingTheSettings(string command)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var stderr = new StringWriter();

        var code = command == "publish"
            ? await FactsPublishCommand.RunAsync([], configuration, TextWriter.Null, stderr)
            : await FactsPullCommand.RunAsync([], configuration, TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Contains("FactSet__ConnectionString", stderr.ToString());
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
    }
}
