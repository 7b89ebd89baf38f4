namespace Repatriation.Storage.Jobs;

/// <summary>
/// The blobs and the queue that jobs and the drop folder need: Azure Storage (the function app's own
/// account, or Azurite) or, for `serve` without AzureWebJobsStorage, memory.
/// </summary>
public interface IJobStorage
{
    /// <summary>"azure-storage" or "memory": shown to the user, since memory loses jobs on restart.</summary>
    string Kind { get; }

    /// <summary>Writes the blob only if it does not exist yet; false if it did.</summary>
    Task<bool> TryCreateAsync(string container, string blob, BinaryData content, CancellationToken cancellationToken = default);

    Task PutAsync(string container, string blob, BinaryData content, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A stream that uploads the blob as it is written (a report of any size is never held whole): the blob, with its
    /// metadata, appears when the stream is disposed, replacing an earlier one; until then readers see the old blob or
    /// none. Flushing uploads nothing early. The stream is an <see cref="IAbandonableUpload"/>.
    /// </summary>
    Task<Stream> OpenWriteAsync(string container, string blob, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>The blob's content, or null if there is none.</summary>
    Task<BinaryData?> GetAsync(string container, string blob, CancellationToken cancellationToken = default);

    /// <summary>The blob's metadata, or null if there is no such blob.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string container, string blob, CancellationToken cancellationToken = default);

    Task DeleteAsync(string container, string blob, CancellationToken cancellationToken = default);

    /// <summary>Blob names under <paramref name="prefix"/> with their last-modified time.</summary>
    IAsyncEnumerable<(string Name, DateTimeOffset Modified)> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    Task EnqueueAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>Messages now visible, hidden for <paramref name="visibility"/> while one is worked on.</summary>
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message once its work is recorded; until then it comes back after its visibility timeout.</summary>
    Task DeleteMessageAsync(QueuedMessage message, CancellationToken cancellationToken = default);
}

/// <summary>An upload that can be given up: disposed afterwards, it stores nothing (a half-written report is never committed).</summary>
public interface IAbandonableUpload
{
    void Abandon();
}

public sealed record QueuedMessage(string Id, string PopReceipt, string Body, long DequeueCount);
