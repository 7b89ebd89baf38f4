using Repatriation.Core.Input;

namespace Repatriation.Core.Documents;

/// <summary>Reads submitted bytes into the text to check, refusing what is not a readable manuscript.</summary>
public static class DocumentReader
{
    /// <summary>The largest manuscript accepted: 64 MiB of text.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".md", ".markdown", ".html", ".htm", ".docx"];

    public static bool IsSupported(string path) =>
        SupportedExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>The format a file name's extension says; plain text for anything else.</summary>
    public static string FormatOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => DocumentFormats.Markdown,
        ".html" or ".htm" => DocumentFormats.Html,
        ".docx" => DocumentFormats.Docx,
        _ => DocumentFormats.Text,
    };

    /// <summary>Reads <paramref name="content"/> as the format its <paramref name="name"/>'s extension says.</summary>
    public static SourceDocument Read(string name, byte[] content)
    {
        if (content.LongLength > MaxBytes)
        {
            throw new UnreadableDocumentException($"{name}: {content.LongLength:N0} bytes is over the limit of {MaxBytes:N0} bytes");
        }

        return FormatOf(name) switch
        {
            DocumentFormats.Docx => DocxText.Read(name, content),
            DocumentFormats.Html => HtmlText.Read(name, DecodeText(name, content)),
            DocumentFormats.Markdown => MarkdownText.Read(name, DecodeText(name, content)),
            _ => FromPlainText(name, DecodeText(name, content)),
        };
    }

    public static SourceDocument FromPlainText(string name, string text) =>
        new(name, text, DocumentFormats.Text) { Sections = PlainTextSections.Find(text) };

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
            text = StrictUtf8.Decode(content, "the file");
        }
        catch (InvalidTextException e)
        {
            throw new UnreadableDocumentException($"{name}: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableDocumentException($"{name}: the file holds no text");
        }

        return text;
    }
}
