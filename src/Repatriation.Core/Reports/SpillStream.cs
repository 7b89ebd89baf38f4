using System.Text;

namespace Repatriation.Core.Reports;

/// <summary>
/// Bytes a report writes now and places later (an HTML page's table of claims goes after its highlighted text, a
/// text report's dismissed claims after the open ones): kept in memory while small, in a temporary file that deletes
/// itself past <see cref="MemoryBytes"/>, so a report of any size holds a bounded amount of memory.
/// </summary>
public sealed class SpillStream : Stream
{
    public const int MemoryBytes = 256 * 1024;

    private Stream _inner = new MemoryStream();
    private bool _spilled;

    /// <summary>Copies everything written so far to <paramref name="output"/>, as bytes.</summary>
    public void CopyTo(Stream output, bool rewind)
    {
        _inner.Flush();
        _inner.Position = 0;
        _inner.CopyTo(output);
        if (rewind)
        {
            _inner.Position = 0;
            _inner.SetLength(0);
        }
    }

    /// <summary>Copies everything written so far to a text writer (UTF-8 decoded; for reports written as text).</summary>
    public void CopyTo(TextWriter output)
    {
        _inner.Flush();
        _inner.Position = 0;
        using var reader = new StreamReader(_inner, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        var buffer = new char[8 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_spilled && _inner.Length + buffer.Length > MemoryBytes)
        {
            Spill();
        }

        _inner.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void WriteByte(byte value) => Write([value]);

    private void Spill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"repatriation-{Guid.NewGuid():N}.spill");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _inner.Position = 0;
        _inner.CopyTo(file);
        _inner.Dispose();
        _inner = file;
        _spilled = true;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _inner.Length;
    public override long Position { get => _inner.Length; set => throw new NotSupportedException(); }
    public override void Flush() => _inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
