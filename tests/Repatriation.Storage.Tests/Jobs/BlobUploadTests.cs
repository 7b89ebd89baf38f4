using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Repatriation.Storage.Jobs;
using Repatriation.Testing;

namespace Repatriation.Storage.Tests.Jobs;

/// <summary>
/// Reports go to storage as they are written (a job's report is never held whole): the blob must appear only when the
/// upload ends, with its metadata, whole however many blocks it took, and never when the upload was given up.
/// </summary>
public sealed class BlobUploadTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private AzureJobStorage Storage() =>
        new(new BlobServiceClient(azurite.Server.ConnectionString), new QueueClient("UseDevelopmentStorage=true", "unused"));

    [Theory]
    [InlineData(1_000)]
    [InlineData(BlockUploadStream.BlockBytes * 2 + 12_345)]
    public async Task OpenWrite_ReportWrittenInPieces_AppearsWholeOnlyWhenDisposed(int size)
    {
        var storage = Storage();
        var container = $"up{Guid.NewGuid():N}";
        var content = new byte[size];
        new Random(size).NextBytes(content);

        var upload = await storage.OpenWriteAsync(container, "book.report.json", new Dictionary<string, string> { ["contentsha256"] = "abc" });
        for (var i = 0; i < size; i += 70_000)
        {
            upload.Write(content, i, Math.Min(70_000, size - i));
            upload.Flush();
        }

        Assert.Null(await storage.GetMetadataAsync(container, "book.report.json"));
        await upload.DisposeAsync();

        Assert.Equal(content, (await storage.GetAsync(container, "book.report.json"))!.ToArray());
        Assert.Equal("abc", (await storage.GetMetadataAsync(container, "book.report.json"))!["contentsha256"]);
    }

    [Fact]
    public async Task OpenWrite_Abandoned_NoBlob()
    {
        var storage = Storage();
        var container = $"up{Guid.NewGuid():N}";

        var upload = await storage.OpenWriteAsync(container, "book.report.json");
        upload.Write(new byte[BlockUploadStream.BlockBytes + 1]);
        ((IAbandonableUpload)upload).Abandon();
        await upload.DisposeAsync();

        Assert.Null(await storage.GetMetadataAsync(container, "book.report.json"));
    }

    [Fact]
    public async Task OpenWrite_InMemory_SameRules()
    {
        var storage = new InMemoryJobStorage(TimeProvider.System);

        var kept = await storage.OpenWriteAsync("reports", "a.json");
        kept.Write("{}"u8);
        Assert.Null(await storage.GetAsync("reports", "a.json"));
        await kept.DisposeAsync();
        var dropped = await storage.OpenWriteAsync("reports", "b.json");
        dropped.Write("{"u8);
        ((IAbandonableUpload)dropped).Abandon();
        await dropped.DisposeAsync();

        Assert.Equal("{}", (await storage.GetAsync("reports", "a.json"))!.ToString());
        Assert.Null(await storage.GetAsync("reports", "b.json"));
    }
}
