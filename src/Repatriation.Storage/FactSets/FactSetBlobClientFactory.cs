using Azure.Core;
using Azure.Storage.Blobs;

namespace Repatriation.Storage.FactSets;

/// <summary>Builds the blob clients for the fact set from <see cref="FactSetOptions"/>: the same for the service and `facts publish/pull`.</summary>
public static class FactSetBlobClientFactory
{
    /// <summary>
    /// The SDK retries on its own (5 tries by default). A refresh runs again a minute later anyway, so
    /// a couple of quick tries is enough; Polly bounds the whole attempt, it does not retry again.
    /// </summary>
    public static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }

    public static BlobServiceClient CreateServiceClient(FactSetOptions options, BlobClientOptions? clientOptions = null)
    {
        clientOptions ??= CreateClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.ServiceUri is { } uri)
        {
            return new BlobServiceClient(uri, AzureCredentials.Create(), clientOptions);
        }

        throw new FactSetStorageException(
            "No fact-set storage is configured: set FactSet__ConnectionString or FactSet__ServiceUri.");
    }

    public static BlobFactSetStore CreateStore(BlobServiceClient service, FactSetOptions options) =>
        new(service.GetBlobContainerClient(options.Container), options.Blob);
}
