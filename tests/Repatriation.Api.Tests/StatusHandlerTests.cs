using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Api.Handlers;
using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Tests;

public sealed class StatusHandlerTests
{
    private static T Handler<T>(IFactSetSource? source = null) where T : notnull =>
        TestHost.Build(configure: s =>
        {
            if (source is not null)
            {
                s.AddSingleton(source);
            }
        }).Services.GetRequiredService<T>();

    [Fact]
    public async Task Health_ShippedFactSet_Returns200Healthy()
    {
        var (status, _, body) = TestHost.Read(await Handler<HealthHandler>().HandleAsync(TestHost.Request("GET", "/api/health")));

        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("state").GetString());
        Assert.Equal(FactSetLoader.LoadShipped().FactSet.Version, body.GetProperty("factSet").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Health_DegradedButServing_Returns200SayingDegradedAndWhy()
    {
        var snapshot = FakeFactSetSource.Snapshot("v7", "\"e7\"");
        var source = new FakeFactSetSource(new FactSetStatus(
            FactSetStates.Degraded, "the fact-set storage could not be reached; still serving version v7", snapshot, snapshot.LoadedAt, snapshot.LoadedAt, "Connection refused"));

        var (status, _, body) = TestHost.Read(await Handler<HealthHandler>(source).HandleAsync(TestHost.Request("GET", "/api/health")));

        Assert.Equal(200, status);
        Assert.Equal("degraded", body.GetProperty("state").GetString());
        Assert.Contains("could not be reached", body.GetProperty("reason").GetString());
        Assert.Equal("Connection refused", body.GetProperty("lastError").GetString());
        Assert.Equal("v7", body.GetProperty("factSet").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Health_NothingLoaded_Returns503ProblemWithTheReason()
    {
        var source = new FakeFactSetSource(new FactSetStatus(FactSetStates.Unavailable, "the fact set at http://x could not be loaded: refused", null, null, null, "refused"));

        var problem = TestHost.AssertProblem(await Handler<HealthHandler>(source).HandleAsync(TestHost.Request("GET", "/api/health")), 503);

        Assert.Contains("could not be loaded", problem.GetProperty("detail").GetString());
        Assert.Equal("unavailable", problem.GetProperty("state").GetString());
    }

    [Fact]
    public async Task FactSet_Shipped_ReportsIdVersionCountsAndOrigin()
    {
        var shipped = FactSetLoader.LoadShipped().FactSet;

        var (status, _, body) = TestHost.Read(await Handler<FactSetHandler>().HandleAsync(TestHost.Request("GET", "/api/factset")));

        Assert.Equal(200, status);
        Assert.Equal(shipped.Id, body.GetProperty("id").GetString());
        Assert.Equal(shipped.Version, body.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("etag").ValueKind);
        Assert.Equal("shipped", body.GetProperty("source").GetString());
        Assert.Equal(ShippedFactSet.Origin, body.GetProperty("origin").GetString());
        Assert.Equal("healthy", body.GetProperty("state").GetString());
        var counts = body.GetProperty("counts");
        Assert.Equal(shipped.Facts.Count, counts.GetProperty("facts").GetInt32());
        Assert.Equal(shipped.Sources.Count, counts.GetProperty("sources").GetInt32());
        Assert.Equal(shipped.Quotations.Count, counts.GetProperty("quotations").GetInt32());
        Assert.True(body.GetProperty("loadedAt").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task FactSet_Degraded_ShowsTheLastRefreshError()
    {
        var snapshot = FakeFactSetSource.Snapshot("v8", "\"e8\"");
        var source = new FakeFactSetSource(new FactSetStatus(
            FactSetStates.Degraded, "a new version was rejected as invalid", snapshot, snapshot.LoadedAt, snapshot.LoadedAt, "$.version: the version is empty"));

        var (status, _, body) = TestHost.Read(await Handler<FactSetHandler>(source).HandleAsync(TestHost.Request("GET", "/api/factset")));

        Assert.Equal(200, status);
        Assert.Equal("blob", body.GetProperty("source").GetString());
        Assert.Equal("\"e8\"", body.GetProperty("etag").GetString());
        Assert.Equal("degraded", body.GetProperty("state").GetString());
        Assert.Contains("$.version", body.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task FactSet_NothingLoaded_Returns503()
    {
        var source = new FakeFactSetSource(new FactSetStatus(FactSetStates.Unavailable, "not loaded yet", null, null, null, null));

        TestHost.AssertProblem(await Handler<FactSetHandler>(source).HandleAsync(TestHost.Request("GET", "/api/factset")), 503);
    }

    [Fact]
    public async Task Health_UnexpectedFailure_Returns500ProblemWithoutInternals()
    {
        var problem = TestHost.AssertProblem(
            await Handler<HealthHandler>(new ThrowingFactSetSource()).HandleAsync(TestHost.Request("GET", "/api/health")), 500);

        Assert.DoesNotContain("secret", problem.GetRawText());
    }
}
