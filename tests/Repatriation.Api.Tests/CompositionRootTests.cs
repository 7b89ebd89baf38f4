using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Repatriation.Core.Facts;
using Repatriation.Storage;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Tests;

public sealed class CompositionRootTests
{
    [Fact]
    public void AddRepatriationServices_NoStorageConfigured_UsesTheShippedFactSet()
    {
        using var host = TestHost.Build();

        var provider = host.Services.GetRequiredService<IFactSetProvider>();

        Assert.IsType<ShippedFactSetProvider>(provider);
        Assert.Equal(ShippedFactSet.Origin, provider.Current.Origin);
        Assert.Same(provider, host.Services.GetRequiredService<IFactSetSource>());
    }

    [Fact]
    public void AddRepatriationServices_ConnectionStringConfigured_UsesTheBlobWithTheConfiguredNames()
    {
        using var host = TestHost.Build(new Dictionary<string, string?>
        {
            ["FactSet:ConnectionString"] = "UseDevelopmentStorage=true",
            ["FactSet:Container"] = "editorial",
            ["FactSet:Blob"] = "facts-v2.json",
            ["FactSet:RefreshSeconds"] = "15",
        });

        var source = host.Services.GetRequiredService<IFactSetSource>();

        var blob = Assert.IsType<BlobFactSetProvider>(source);
        Assert.EndsWith("/editorial/facts-v2.json", blob.Origin);
        Assert.Equal(TimeSpan.FromSeconds(15), source.RefreshInterval);
        Assert.Equal(FactSetStates.Unavailable, source.Status.State);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is FactSetRefreshService);
    }

    [Fact]
    public void AddRepatriationServices_TimeProviderRegisteredFirst_IsKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var host = TestHost.Build(configure: s => s.AddSingleton<TimeProvider>(time));

        Assert.Same(time, host.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(time.GetUtcNow(), host.Services.GetRequiredService<IFactSetProvider>().Current.LoadedAt);
    }

    [Fact]
    public void AddRepatriationServices_ApiOptions_BindFromTheApiSection()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["Api:Key"] = "k", ["Api:MaxTextBytes"] = "2048" });

        var options = host.Services.GetRequiredService<IOptions<ApiOptions>>().Value;

        Assert.Equal("k", options.Key);
        Assert.Equal(2048, options.MaxTextBytes);
        Assert.Equal(1024 * 1024, new ApiOptions().MaxTextBytes);
        Assert.Equal(60, host.Services.GetRequiredService<IOptions<FactSetOptions>>().Value.RefreshSeconds);
    }

    [Fact]
    public void AddRepatriationServices_EngineSemanticOnWithoutTheModel_FailsSayingWhatToRegister()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["Engine:Semantic"] = "true" });

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<Core.Checking.ClaimChecker>());

        Assert.Contains("AddSemanticEngine()", error.Message);
        Assert.False(new EngineOptions().Semantic, "sentence similarity is opt-in");
    }

    [Fact]
    public void AddRepatriationServices_EngineSemanticOff_ChecksWithoutTheModel()
    {
        using var host = TestHost.Build();

        var checker = host.Services.GetRequiredService<Core.Checking.ClaimChecker>();

        Assert.NotEmpty(checker.Check(new Core.Checking.CheckRequest("By 1 March 1946 some 4,199,488 Soviet citizens had been repatriated."), host.Services.GetRequiredService<IFactSetProvider>().Current).Claims);
    }
}
