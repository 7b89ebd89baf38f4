using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Repatriation.Storage.Jobs;

/// <summary>
/// The job storage named by AzureWebJobsStorage: a connection string, or __blobServiceUri and
/// __queueServiceUri with the app's identity (<see cref="AzureCredentials"/>). Null when neither is configured.
/// </summary>
public static class JobStorageFactory
{
    public static AzureJobStorage? FromConfiguration(IConfiguration configuration, JobsOptions options)
    {
        var section = configuration.GetSection(JobsOptions.StorageConnectionKey);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.Retry.MaxRetries = 3;
        var blobOptions = new BlobClientOptions();
        blobOptions.Retry.MaxRetries = 3;

        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new AzureJobStorage(new BlobServiceClient(section.Value, blobOptions), new QueueClient(section.Value, options.Queue, queueOptions));
        }

        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(queueUri))
        {
            return null;
        }

        var credential = AzureCredentials.Create();
        return new AzureJobStorage(
            new BlobServiceClient(new Uri(blobUri), credential, blobOptions),
            new QueueClient(new Uri(new Uri(queueUri.TrimEnd('/') + "/"), options.Queue), credential, queueOptions));
    }
}
