using Repatriation.Storage.FactSets;
using Repatriation.Testing;

namespace Repatriation.Storage.Tests;

/// <summary>Stops and restarts a real Azurite of its own, so it does not share one with other tests.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task RefreshAsync_StorageDownThenBack_ServesLastGoodThenRecovers()
    {
        await using var server = await AzuriteServer.StartNewAsync();
        var h = new StorageHarness(server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("before-outage"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);
        var good = h.Provider.Current;

        await server.StopAsync();
        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Same(good, h.Provider.Current);
        var down = h.Provider.Status;
        Assert.Equal(FactSetStates.Degraded, down.State);
        Assert.Contains("could not be reached", down.Reason);
        Assert.Contains("before-outage", down.Reason);
        Assert.NotNull(down.LastError);
        Assert.Equal(h.Time.GetUtcNow(), down.LastAttemptAt);

        // A second failure opens the circuit (FailuresBeforeBreak = 2): the next refresh does not touch storage.
        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.Provider.RefreshAsync(CancellationToken.None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Provider.RefreshAsync(CancellationToken.None);
        Assert.Contains("circuit open", h.Provider.Status.LastError);
        Assert.Same(good, h.Provider.Current);

        // Storage comes back (empty: Azurite keeps nothing in memory across a restart) and an editor republishes.
        await server.StartAsync();
        await h.Publisher.PublishOverCurrentAsync(TestFactSets.WithVersion("after-outage"), "test", CancellationToken.None);

        // Still inside the break: the refresh is skipped, nothing changes yet.
        await h.Provider.RefreshAsync(CancellationToken.None);
        Assert.Equal("before-outage", h.Provider.Current.FactSet.Version);

        h.Time.Advance(TimeSpan.FromSeconds(31));
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal("after-outage", h.Provider.Current.FactSet.Version);
        Assert.Equal(FactSetStates.Healthy, h.Provider.Status.State);
        Assert.Null(h.Provider.Status.Reason);
    }

    [Fact]
    public async Task RefreshAsync_StorageDownAtStart_IsUnavailableWithReason()
    {
        await using var server = await AzuriteServer.StartNewAsync();
        var h = new StorageHarness(server);
        await server.StopAsync();

        await h.Provider.RefreshAsync(CancellationToken.None);

        var status = h.Provider.Status;
        Assert.Equal(FactSetStates.Unavailable, status.State);
        Assert.Contains("could not be loaded", status.Reason);
        Assert.Throws<FactSetUnavailableException>(() => h.Provider.Current);
    }
}
