using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Repatriation.Storage;
using Repatriation.Storage.FactSets;

namespace Repatriation.Testing;

/// <summary>Counts the blob GETs that came back with a body (200) and without one (304).</summary>
public sealed class BlobReadCounter : HttpPipelineSynchronousPolicy
{
    private int _downloads;
    private int _notModified;

    public int Downloads => Volatile.Read(ref _downloads);
    public int NotModified => Volatile.Read(ref _notModified);

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get)
        {
            return;
        }

        if (message.Response.Status == 304)
        {
            Interlocked.Increment(ref _notModified);
        }
        else if (message.Response.Status is 200 or 206)
        {
            Interlocked.Increment(ref _downloads);
        }
    }
}

/// <summary>A provider, a publisher and a counter over one fresh container in an Azurite.</summary>
public sealed class StorageHarness
{
    public StorageHarness(AzuriteServer server, int refreshSeconds = 60)
    {
        Options = new FactSetOptions
        {
            ConnectionString = server.ConnectionString,
            Container = "t" + Guid.NewGuid().ToString("N")[..16],
            RefreshSeconds = refreshSeconds,
            FailuresBeforeBreak = 2,
            BreakSeconds = 30,
        };
        var clientOptions = FactSetBlobClientFactory.CreateClientOptions();
        clientOptions.AddPolicy(Counter, HttpPipelinePosition.PerRetry);
        Service = FactSetBlobClientFactory.CreateServiceClient(Options, clientOptions);
        Store = FactSetBlobClientFactory.CreateStore(Service, Options);
        Publisher = new FactSetPublisher(Store);
        Provider = new BlobFactSetProvider(Store, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<BlobFactSetProvider>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 9, 12, 0, 0, TimeSpan.Zero));
    public BlobReadCounter Counter { get; } = new();
    public FactSetOptions Options { get; }
    public BlobServiceClient Service { get; }
    public BlobFactSetStore Store { get; }
    public FactSetPublisher Publisher { get; }
    public BlobFactSetProvider Provider { get; }

    public BlobClient Blob => Service.GetBlobContainerClient(Options.Container).GetBlobClient(Options.Blob);

    /// <summary>Writes straight to the blob, past the publisher's validation, as a careless editor with portal access might.</summary>
    public async Task UploadRawAsync(string json)
    {
        await Service.GetBlobContainerClient(Options.Container).CreateIfNotExistsAsync();
        await Blob.UploadAsync(BinaryData.FromString(json), overwrite: true);
    }
}
