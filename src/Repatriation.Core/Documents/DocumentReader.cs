using System.Text;

namespace Repatriation.Core.Documents;

/// <summary>Reads submitted bytes into the text to check, refusing what is not a readable manuscript.</summary>
public static class DocumentReader
{
    /// <summary>The largest manuscript accepted: 64 MiB of text.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".md", ".html", ".htm", ".docx"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsSupported(string path) =>
        SupportedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    public static SourceDocument Read(string name, byte[] content)
    {
        if (content.LongLength > MaxBytes)
        {
            throw new UnreadableDocumentException($"{name}: {content.LongLength:N0} bytes is over the limit of {MaxBytes:N0} bytes");
        }

        var text = DecodeText(name, content);
        return new SourceDocument(name, text, "text");
    }

    /// <summary>Strict UTF-8 (BOM allowed); NUL bytes mean a binary file.</summary>
    public static string DecodeText(string name, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new UnreadableDocumentException($"{name}: the file is empty");
        }

        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new UnreadableDocumentException($"{name}: the file is binary, not text (it contains NUL bytes)");
        }

        string text;
        try
        {
            var start = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            text = StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableDocumentException($"{name}: the file is not valid UTF-8 (bad byte at position {e.Index})");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableDocumentException($"{name}: the file holds no text");
        }

        return text;
    }
}
