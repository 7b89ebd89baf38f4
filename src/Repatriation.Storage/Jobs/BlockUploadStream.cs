using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Repatriation.Storage.Jobs;

/// <summary>
/// A blob written as a stream: bytes are staged as blocks of <see cref="BlockBytes"/> while they come and the block
/// list is committed once, when the stream is disposed, so the blob (with its metadata) appears whole or not at all.
/// A blob that fits in one block is uploaded in one request. (The SDK's own OpenWrite creates an empty blob at once and
/// commits on every flush: a half-written report would say the manuscript is done.) After <see cref="Abandon"/>
/// nothing is committed; storage drops uncommitted blocks by itself.
/// </summary>
internal sealed class BlockUploadStream(BlockBlobClient blob, IReadOnlyDictionary<string, string>? metadata) : Stream, IAbandonableUpload
{
    public const int BlockBytes = 4 * 1024 * 1024;

    private readonly MemoryStream _block = new();
    private readonly List<string> _staged = [];
    private bool _finished;

    public void Abandon() => _finished = true;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            var room = BlockBytes - (int)_block.Length;
            var part = buffer[..Math.Min(room, buffer.Length)];
            _block.Write(part);
            buffer = buffer[part.Length..];
            if (_block.Length == BlockBytes)
            {
                StageBlock();
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    private void StageBlock()
    {
        // Block ids must all have the same length.
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(_staged.Count.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));
        _block.Position = 0;
        blob.StageBlock(id, _block);
        _staged.Add(id);
        _block.SetLength(0);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            var options = new BlobUploadOptions { Metadata = metadata?.ToDictionary() };
            if (_staged.Count == 0)
            {
                _block.Position = 0;
                await blob.UploadAsync(_block, options);
            }
            else
            {
                if (_block.Length > 0)
                {
                    StageBlock();
                }

                await blob.CommitBlockListAsync(_staged, new CommitBlockListOptions { Metadata = options.Metadata });
            }
        }

        await _block.DisposeAsync();
        Dispose(disposing: false);
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Nothing is uploaded early: the report writers flush as they go, and only the end may commit.</summary>
    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
