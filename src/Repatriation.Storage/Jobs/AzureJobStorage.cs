using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;

namespace Repatriation.Storage.Jobs;

/// <summary>Jobs in Azure Storage (or Azurite): containers created on first use, the queue likewise.</summary>
public sealed class AzureJobStorage(BlobServiceClient blobs, QueueClient queue) : IJobStorage
{
    private readonly HashSet<string> _ready = [];
    private volatile bool _queueReady;

    public string Kind => "azure-storage";

    public QueueClient Queue => queue;

    public async Task<bool> TryCreateAsync(string container, string blob, BinaryData content, CancellationToken cancellationToken = default)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(blob);
        try
        {
            await client.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task PutAsync(string container, string blob, BinaryData content, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var client = (await ContainerAsync(container, cancellationToken)).GetBlobClient(blob);
        await client.UploadAsync(content, new BlobUploadOptions { Metadata = metadata?.ToDictionary() }, cancellationToken);
    }

    public async Task<Stream> OpenWriteAsync(string container, string blob, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        new BlockUploadStream((await ContainerAsync(container, cancellationToken)).GetBlockBlobClient(blob), metadata);

    public async Task<BinaryData?> GetAsync(string container, string blob, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await blobs.GetBlobContainerClient(container).GetBlobClient(blob).DownloadContentAsync(cancellationToken);
            return result.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string container, string blob, CancellationToken cancellationToken = default)
    {
        try
        {
            var properties = await blobs.GetBlobContainerClient(container).GetBlobClient(blob).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.AsReadOnly();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        await blobs.GetBlobContainerClient(container).GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async IAsyncEnumerable<(string Name, DateTimeOffset Modified)> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = await ContainerAsync(container, cancellationToken);
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return (item.Name, item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task EnqueueAsync(string message, CancellationToken cancellationToken = default)
    {
        await EnsureQueueAsync(cancellationToken);
        await queue.SendMessageAsync(message, cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        await EnsureQueueAsync(cancellationToken);
        var messages = await queue.ReceiveMessagesAsync(maxMessages, visibility, cancellationToken);
        return messages.Value.Select(m => new QueuedMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount)).ToList();
    }

    public async Task DeleteMessageAsync(QueuedMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: another worker finished it after our visibility timeout ran out.
        }
    }

    private async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(name);
        bool ready;
        lock (_ready)
        {
            ready = _ready.Contains(name);
        }

        if (!ready)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            lock (_ready)
            {
                _ready.Add(name);
            }
        }

        return container;
    }

    private async Task EnsureQueueAsync(CancellationToken cancellationToken)
    {
        if (!_queueReady)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _queueReady = true;
        }
    }
}
