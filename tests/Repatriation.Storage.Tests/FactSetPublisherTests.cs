using Azure;
using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;
using Repatriation.Testing;

namespace Repatriation.Storage.Tests;

public sealed class FactSetPublisherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PublishAsync_StaleETag_IsRefusedWith412AndKeepsTheOtherEdit()
    {
        var h = new StorageHarness(azurite.Server);
        var original = await h.Publisher.PublishAsync(TestFactSets.WithVersion("v1"), "test", null, CancellationToken.None);
        // Another editor publishes over v1 first.
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("v2-other-editor"), "test", original.ETag, CancellationToken.None);

        var e = await Assert.ThrowsAsync<FactSetConflictException>(() =>
            h.Publisher.PublishAsync(TestFactSets.WithVersion("v2-mine"), "test", original.ETag, CancellationToken.None));

        Assert.Equal(412, Assert.IsType<RequestFailedException>(e.InnerException).Status);
        Assert.Contains("pull the current version", e.Message);
        var pulled = await h.Publisher.PullAsync(CancellationToken.None);
        Assert.Equal("v2-other-editor", FactSetJson.Parse(pulled.Json).Version);
    }

    [Fact]
    public async Task PublishAsync_CreateWhenOneExists_IsRefused()
    {
        var h = new StorageHarness(azurite.Server);
        await h.Publisher.PublishAsync(TestFactSets.WithVersion("v1"), "test", null, CancellationToken.None);

        await Assert.ThrowsAsync<FactSetConflictException>(() =>
            h.Publisher.PublishAsync(TestFactSets.WithVersion("v1-again"), "test", null, CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_InvalidFactSet_IsRefusedAndNothingIsUploaded()
    {
        var h = new StorageHarness(azurite.Server);
        var good = await h.Publisher.PublishAsync(TestFactSets.WithVersion("v1"), "test", null, CancellationToken.None);

        var e = await Assert.ThrowsAsync<InvalidFactSetException>(() =>
            h.Publisher.PublishAsync(TestFactSets.InvalidEmptyVersion(), "edited.json", good.ETag, CancellationToken.None));

        Assert.Contains(e.Problems, p => p.Path == "$.version");
        var pulled = await h.Publisher.PullAsync(CancellationToken.None);
        Assert.Equal(good.ETag, pulled.ETag);
        Assert.Equal("v1", FactSetJson.Parse(pulled.Json).Version);
    }

    [Fact]
    public async Task PullAsync_AfterPublish_ReturnsTheSameJsonAndETag()
    {
        var h = new StorageHarness(azurite.Server);
        var json = TestFactSets.WithVersion("round-trip");
        var published = await h.Publisher.PublishAsync(json, "test", null, CancellationToken.None);

        var pulled = await h.Publisher.PullAsync(CancellationToken.None);

        Assert.Equal(json, pulled.Json);
        Assert.Equal(published.ETag, pulled.ETag);
        Assert.Equal("round-trip", published.Version);
    }

    [Fact]
    public async Task PullAsync_NoBlob_SaysItDoesNotExist()
    {
        var h = new StorageHarness(azurite.Server);

        var e = await Assert.ThrowsAsync<FactSetStorageException>(() => h.Publisher.PullAsync(CancellationToken.None));

        Assert.Contains("does not exist", e.Message);
    }
}
