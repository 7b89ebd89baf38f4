using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;
using Repatriation.Testing;

namespace Repatriation.Storage.Tests;

public sealed class BlobFactSetProviderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RefreshAsync_FirstLoad_ServesTheBlobVersion()
    {
        var h = new StorageHarness(azurite.Server);
        var published = await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);

        await h.Provider.RefreshAsync(CancellationToken.None);

        var current = h.Provider.Current;
        Assert.Equal("blob-1", current.FactSet.Version);
        Assert.Equal(published.ETag.ToString(), current.ETag);
        Assert.Equal(h.Store.Origin, current.Origin);
        Assert.StartsWith($"http://127.0.0.1:{azurite.Server.Port}/", current.Origin);
        Assert.Equal(h.Time.GetUtcNow(), current.LoadedAt);
        var status = h.Provider.Status;
        Assert.Equal(FactSetStates.Healthy, status.State);
        Assert.Null(status.Reason);
        Assert.Equal(1, h.Counter.Downloads);
    }

    [Fact]
    public async Task RefreshAsync_Unchanged_Gets304AndDownloadsNothing()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);
        var first = h.Provider.Current;

        h.Time.Advance(TimeSpan.FromSeconds(60));
        await h.Provider.RefreshAsync(CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, h.Counter.Downloads);
        Assert.Equal(2, h.Counter.NotModified);
        Assert.Same(first, h.Provider.Current);
        Assert.Equal(FactSetStates.Healthy, h.Provider.Status.State);
        Assert.Equal(h.Time.GetUtcNow(), h.Provider.Status.LastAttemptAt);
    }

    [Fact]
    public async Task RefreshAsync_AfterPublish_ServesTheNewVersionWithoutRestart()
    {
        var h = new StorageHarness(azurite.Server);
        var first = await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);

        var second = await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-2"), "test", first.ETag, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal("blob-2", h.Provider.Current.FactSet.Version);
        Assert.Equal(second.ETag.ToString(), h.Provider.Current.ETag);
        Assert.Equal(2, h.Counter.Downloads);
    }

    [Fact]
    public async Task RefreshAsync_InvalidUpload_KeepsTheOldVersionAndSaysDegraded()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);
        var good = h.Provider.Current;

        await h.UploadRawAsync(TestFactSets.InvalidEmptyVersion());
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Same(good, h.Provider.Current);
        var status = h.Provider.Status;
        Assert.Equal(FactSetStates.Degraded, status.State);
        Assert.Contains("rejected as invalid", status.Reason);
        Assert.Contains("blob-1", status.Reason);
        Assert.Contains("$.version", status.LastError);

        // The rejected version is remembered by its ETag: asking again costs a 304, not a download.
        var downloads = h.Counter.Downloads;
        await h.Provider.RefreshAsync(CancellationToken.None);
        Assert.Equal(downloads, h.Counter.Downloads);
        Assert.Equal(FactSetStates.Degraded, h.Provider.Status.State);
        Assert.Same(good, h.Provider.Current);
    }

    [Fact]
    public async Task RefreshAsync_MalformedJsonThenAValidVersion_RecoversToHealthy()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);

        await h.UploadRawAsync(TestFactSets.Malformed);
        await h.Provider.RefreshAsync(CancellationToken.None);
        Assert.Equal(FactSetStates.Degraded, h.Provider.Status.State);
        Assert.Equal("blob-1", h.Provider.Current.FactSet.Version);

        await h.Publisher.PublishOverCurrentAsync(TestFactSets.WithVersion("blob-3"), "test", CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal("blob-3", h.Provider.Current.FactSet.Version);
        Assert.Equal(FactSetStates.Healthy, h.Provider.Status.State);
        Assert.Null(h.Provider.Status.LastError);
    }

    [Fact]
    public async Task RefreshAsync_OnlyAnInvalidVersionEverSeen_IsUnavailable()
    {
        var h = new StorageHarness(azurite.Server);
        await h.UploadRawAsync(TestFactSets.InvalidEmptyVersion());

        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal(FactSetStates.Unavailable, h.Provider.Status.State);
        Assert.Null(h.Provider.Status.Snapshot);
        var e = Assert.Throws<FactSetUnavailableException>(() => h.Provider.Current);
        Assert.Contains("invalid", e.Message);
    }

    [Fact]
    public async Task RefreshAsync_BlobMissing_IsUnavailableWithReason()
    {
        var h = new StorageHarness(azurite.Server);

        await h.Provider.RefreshAsync(CancellationToken.None);

        var status = h.Provider.Status;
        Assert.Equal(FactSetStates.Unavailable, status.State);
        Assert.Contains("does not exist", status.LastError);
        Assert.Throws<FactSetUnavailableException>(() => h.Provider.Current);
    }

    [Fact]
    public async Task RefreshService_TimerTick_PicksUpAPublishedVersion()
    {
        var h = new StorageHarness(azurite.Server, refreshSeconds: 60);
        var first = await h.Publisher.PublishAsync(TestFactSets.WithVersion("timer-1"), "test", null, CancellationToken.None);
        using var service = new FactSetRefreshService(h.Provider, h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<FactSetRefreshService>.Instance);

        await service.StartAsync(CancellationToken.None);
        Assert.Equal("timer-1", h.Provider.Current.FactSet.Version);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("timer-2"), "test", first.ETag, CancellationToken.None);

        // The timer loop may not be waiting yet when time moves; advance a tick at a time until it refreshes.
        var observed = await Eventually.TrueAsync(() => h.Provider.Current.FactSet.Version == "timer-2", () => h.Time.Advance(TimeSpan.FromSeconds(60)));
        await service.StopAsync(CancellationToken.None);

        Assert.True(observed, "the refresh loop did not pick up the published version");
    }
}

public sealed class FactSetBytesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task RefreshAsync_BlobWithInvalidUtf8_IsRejectedNotServedWithReplacementCharacters()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("blob-1"), "test", null, CancellationToken.None);
        await h.Provider.RefreshAsync(CancellationToken.None);
        var json = TestFactSets.WithVersion("blob-x2");
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("blob-x2", StringComparison.Ordinal) + 5;
        bytes[at] = 0xFF;

        await h.Blob.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal("blob-1", h.Provider.Current.FactSet.Version);
        Assert.Equal(FactSetStates.Degraded, h.Provider.Status.State);
        Assert.Contains($"offset {at:N0}", h.Provider.Status.LastError);
    }

    [Fact]
    public async Task RefreshAsync_BlobStartingWithAByteOrderMark_IsServed()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Service.GetBlobContainerClient(h.Options.Container).CreateIfNotExistsAsync();

        await h.Blob.UploadAsync(BinaryData.FromBytes([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(TestFactSets.WithVersion("bom-1"))]), overwrite: true);
        await h.Provider.RefreshAsync(CancellationToken.None);

        Assert.Equal(FactSetStates.Healthy, h.Provider.Status.State);
        Assert.Equal("bom-1", h.Provider.Current.FactSet.Version);
    }
}
