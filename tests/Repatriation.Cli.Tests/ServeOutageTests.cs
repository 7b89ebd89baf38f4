using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Repatriation.Testing;

namespace Repatriation.Cli.Tests;

/// <summary>`serve` over a blob-stored fact set when storage fails: before start, and while serving.</summary>
public sealed class ServeOutageTests
{
    private static Dictionary<string, string?> Settings(string connectionString, string container) => new()
    {
        ["FactSet:ConnectionString"] = connectionString,
        ["FactSet:Container"] = container,
        ["FactSet:RefreshSeconds"] = "60",
    };

    [Fact]
    public async Task Serve_StorageDownWhileServing_KeepsCheckingWithTheLastVersionAndHealthSaysDegraded()
    {
        await using var azurite = await AzuriteServer.StartNewAsync();
        var container = "outage" + Guid.NewGuid().ToString("N")[..12];
        var settings = Settings(azurite.ConnectionString, container);
        var published = await FactsPublishCommand.RunAsync(
            [], new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, published);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", settings, s => s.AddSingleton<TimeProvider>(time));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var before = await client.GetFromJsonAsync<JsonElement>("/api/factset");
        Assert.Equal("healthy", before.GetProperty("state").GetString());

        await azurite.StopAsync();
        var degraded = await Eventually.TrueAsync(
            () => client.GetFromJsonAsync<JsonElement>("/api/health").GetAwaiter().GetResult().GetProperty("state").GetString() == "degraded",
            () => time.Advance(TimeSpan.FromSeconds(60)));

        Assert.True(degraded, "health never reported the outage");
        using var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("could not be reached", body.GetProperty("reason").GetString());
        using var check = await client.PostAsJsonAsync("/api/check", new { text = "Lienz, June 1945." });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var report = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.GetProperty("etag").GetString(), report.GetProperty("factSet").GetProperty("etag").GetString());
        var factSet = await client.GetFromJsonAsync<JsonElement>("/api/factset");
        Assert.Equal("degraded", factSet.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(factSet.GetProperty("lastError").GetString()));
    }

    [Fact]
    public async Task Serve_StorageDownAtStart_HealthAndCheckAnswer503WithTheReason()
    {
        await using var azurite = await AzuriteServer.StartNewAsync();
        var settings = Settings(azurite.ConnectionString, "never" + Guid.NewGuid().ToString("N")[..12]);
        await azurite.StopAsync();

        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", settings);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var health = await client.GetAsync("/api/health");
        using var check = await client.PostAsJsonAsync("/api/check", new { text = "Lienz, June 1945." });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("application/problem+json", health.Content.Headers.ContentType?.MediaType);
        var problem = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("could not be loaded", problem.GetProperty("detail").GetString());
        Assert.Equal("unavailable", problem.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, check.StatusCode);
    }
}
