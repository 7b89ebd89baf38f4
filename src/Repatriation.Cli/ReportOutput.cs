using System.Text;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// Where reports go as they are made, claim by claim. With --output each report streams into its own file and is
/// closed when its manuscript ends; on standard output JSON reports stream as one object (one input) or an array,
/// text reports one after another, and SARIF (one log) and HTML (one page) gather every input, their closing parts
/// written at the end. JSON, SARIF and HTML go to standard output as UTF-8 bytes, never through a string.
/// </summary>
internal sealed class ReportOutput : IDisposable
{
    private readonly CheckOptions _options;
    private readonly TextWriter _stdout;
    private readonly bool _singleObject;
    private readonly bool _colour;
    private readonly ReportNames _names = new();
    private Stream? _stdoutStream;
    private IReportWriter? _shared;

    public ReportOutput(CheckOptions options, TextWriter stdout, bool singleObject)
    {
        _options = options;
        _stdout = stdout;
        _singleObject = singleObject;
        _colour = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (options.Output is not null)
        {
            Directory.CreateDirectory(options.Output);
        }
    }

    /// <summary>The report files written under --output, relative to it.</summary>
    public List<string> Files { get; } = [];

    /// <summary>The sink for one manuscript's report; <paramref name="text"/> is its checked text (the HTML page shows it).</summary>
    public IReportSink Open(InputFile input, string text)
    {
        if (_options.Output is not null)
        {
            var name = _names.For(input, ExtensionOf(_options.Format));
            var path = Path.Combine(_options.Output, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
            var writer = CreateWriter(_options.Format, file, JsonReportLayout.Object, TextWriterFor(file), ownsText: true);
            Files.Add(name);
            return new FileSink(writer, writer.Report(text), file);
        }

        _shared ??= _options.Format == "text"
            ? CreateWriter("text", Stream.Null, JsonReportLayout.Object, _stdout, ownsText: false)
            : CreateWriter(_options.Format, StdoutStream(), _singleObject ? JsonReportLayout.Object : JsonReportLayout.Array, _stdout, ownsText: false);
        return _shared.Report(text);
    }

    public void Complete()
    {
        if (_options.Output is not null)
        {
            return;
        }

        if (_options.Format == "json" && _shared is null)
        {
            // No manuscript could be read: an empty array for several inputs, nothing for one.
            if (!_singleObject)
            {
                _stdout.WriteLine("[]");
            }
        }
        else if (_options.Format is "json" or "sarif")
        {
            // A SARIF log with no results still says what ran.
            _shared ??= CreateWriter("sarif", StdoutStream(), JsonReportLayout.Object, _stdout, ownsText: false);
            _shared.Complete();
            EndLine();
        }
        else
        {
            // Text and HTML: only when a manuscript was read (a report was opened).
            _shared?.Complete();
        }

        _stdoutStream?.Flush();
    }

    public void Dispose()
    {
        _shared?.Dispose();
        _stdoutStream?.Dispose();
    }

    private IReportWriter CreateWriter(string format, Stream stream, JsonReportLayout layout, TextWriter text, bool ownsText) => format switch
    {
        "json" => new JsonReportWriter(stream, layout),
        "sarif" => new SarifReportWriter(stream),
        "html" => new HtmlReportWriter(stream),
        _ => new OwnedTextWriter(new TextReportWriter(text, _colour && !ownsText, onlyNew: _options.OnlyNew, withInconsistencies: true), ownsText ? text : null),
    };

    private static TextWriter TextWriterFor(Stream file) => new StreamWriter(file, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);

    /// <summary>
    /// Standard output as bytes: the console's own stream, a StreamWriter's stream, or (a writer of text only, as tests
    /// pass) an adapter that decodes into it.
    /// </summary>
    private Stream StdoutStream()
    {
        if (_stdoutStream is not null)
        {
            return _stdoutStream;
        }

        _stdout.Flush();
        _stdoutStream = ReferenceEquals(_stdout, Console.Out) ? new BufferedStream(Console.OpenStandardOutput(), 64 * 1024)
            : _stdout is StreamWriter { BaseStream: { CanWrite: true } stream } ? new KeepOpenStream(stream)
            : new TextWriterStream(_stdout);
        return _stdoutStream;
    }

    /// <summary>The line end that followed a report written as one string, kept so output reads the same.</summary>
    private void EndLine()
    {
        var stream = StdoutStream();
        stream.Write("\n"u8);
        stream.Flush();
    }

    private static string ExtensionOf(string format) => format switch
    {
        "json" => ".report.json",
        "sarif" => ".sarif",
        "html" => ".report.html",
        _ => ".report.txt",
    };

    /// <summary>One report file: the writer completes and the file closes when the report ends.</summary>
    private sealed class FileSink(IReportWriter writer, IReportSink inner, FileStream file) : IReportSink
    {
        public void Begin(ReportHeader header) => inner.Begin(header);

        public void Claim(ClaimResult claim) => inner.Claim(claim);

        public void End(ReportTotals totals)
        {
            inner.End(totals);
            writer.Complete();
            writer.Dispose();
            file.Dispose();
        }
    }

    /// <summary>A text report writer that also closes the file writer it writes to.</summary>
    private sealed class OwnedTextWriter(TextReportWriter inner, TextWriter? owned) : IReportWriter
    {
        public IReportSink Report(string? text = null) => inner.Report(text);

        public void Complete() => inner.Complete();

        public void Dispose()
        {
            inner.Dispose();
            owned?.Dispose();
        }
    }

    /// <summary>The members of a stream the report writers only write to and flush.</summary>
    private abstract class WriteOnlyStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>A stream someone else owns (a StreamWriter's): flushed, never closed, by the report writers.</summary>
    private sealed class KeepOpenStream(Stream inner) : WriteOnlyStream
    {
        public override void Flush() => inner.Flush();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }

    /// <summary>UTF-8 bytes decoded into a TextWriter (standard output replaced by a StringWriter).</summary>
    private sealed class TextWriterStream(TextWriter inner) : WriteOnlyStream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private char[] _chars = new char[4096];

        public override void Flush() => inner.Flush();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }

            var count = _decoder.GetChars(buffer, _chars, flush: false);
            inner.Write(_chars, 0, count);
        }
    }
}
