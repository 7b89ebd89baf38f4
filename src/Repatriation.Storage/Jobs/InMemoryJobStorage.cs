using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Repatriation.Storage.Jobs;

/// <summary>Jobs kept in this process only (`serve` without AzureWebJobsStorage): same semantics, nothing survives a restart.</summary>
public sealed class InMemoryJobStorage(TimeProvider time) : IJobStorage
{
    private readonly ConcurrentDictionary<(string Container, string Blob), (BinaryData Content, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset Modified)> _blobs = new();
    private readonly List<Message> _queue = [];
    private long _nextId;

    private sealed class Message
    {
        public required string Id { get; init; }
        public required string Body { get; init; }
        public string PopReceipt { get; set; } = "";
        public long DequeueCount { get; set; }
        public DateTimeOffset VisibleAt { get; set; }
    }

    public string Kind => "memory";

    public Task<bool> TryCreateAsync(string container, string blob, BinaryData content, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryAdd((container, blob), (content, new Dictionary<string, string>(), time.GetUtcNow())));

    public Task PutAsync(string container, string blob, BinaryData content, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        _blobs[(container, blob)] = (content, metadata ?? new Dictionary<string, string>(), time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<Stream> OpenWriteAsync(string container, string blob, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new BlobUpload(this, container, blob, metadata ?? new Dictionary<string, string>()));

    private void Store(string container, string blob, BinaryData content, IReadOnlyDictionary<string, string> metadata) =>
        _blobs[(container, blob)] = (content, metadata, time.GetUtcNow());

    /// <summary>Bytes gathered and stored as the blob when disposed, as a block blob is committed.</summary>
    private sealed class BlobUpload(InMemoryJobStorage storage, string container, string blob, IReadOnlyDictionary<string, string> metadata) : MemoryStream, IAbandonableUpload
    {
        private bool _stored;

        public void Abandon() => _stored = true;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_stored)
            {
                _stored = true;
                storage.Store(container, blob, new BinaryData(ToArray()), metadata);
            }

            base.Dispose(disposing);
        }
    }

    public Task<BinaryData?> GetAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((container, blob), out var entry) ? entry.Content : null);

    public Task<IReadOnlyDictionary<string, string>?> GetMetadataAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        Task.FromResult(_blobs.TryGetValue((container, blob), out var entry) ? entry.Metadata : null);

    public Task DeleteAsync(string container, string blob, CancellationToken cancellationToken = default)
    {
        _blobs.TryRemove((container, blob), out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string Name, DateTimeOffset Modified)> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (var ((c, name), entry) in _blobs.OrderBy(b => b.Key.Blob, StringComparer.Ordinal))
        {
            if (c == container && (prefix is null || name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return (name, entry.Modified);
            }
        }
    }

    public Task EnqueueAsync(string message, CancellationToken cancellationToken = default)
    {
        lock (_queue)
        {
            _queue.Add(new Message { Id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), Body = message, VisibleAt = time.GetUtcNow() });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var received = new List<QueuedMessage>();
        lock (_queue)
        {
            foreach (var message in _queue.Where(m => m.VisibleAt <= now).Take(maxMessages))
            {
                message.DequeueCount++;
                message.PopReceipt = Guid.NewGuid().ToString("N");
                message.VisibleAt = now + visibility;
                received.Add(new QueuedMessage(message.Id, message.PopReceipt, message.Body, message.DequeueCount));
            }
        }

        return Task.FromResult<IReadOnlyList<QueuedMessage>>(received);
    }

    public Task DeleteMessageAsync(QueuedMessage message, CancellationToken cancellationToken = default)
    {
        lock (_queue)
        {
            _queue.RemoveAll(m => m.Id == message.Id && m.PopReceipt == message.PopReceipt);
        }

        return Task.CompletedTask;
    }
}
