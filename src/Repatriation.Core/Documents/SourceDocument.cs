namespace Repatriation.Core.Documents;

/// <summary>
/// The text a report checks, taken out of a submitted file. Offsets in the report refer to
/// <see cref="Text"/>; <see cref="Format"/> says what it was read from.
/// </summary>
public sealed record SourceDocument(string Name, string Text, string Format)
{
    /// <summary>
    /// True when <see cref="Text"/> was extracted from markup (HTML, .docx), so its offsets are not the file's;
    /// false when they are the file's own (plain text, and Markdown, whose skipped parts are blanked with spaces).
    /// </summary>
    public bool TextIsExtracted { get; init; }

    /// <summary>Where each stretch of <see cref="Text"/> came from (.docx paragraphs, footnotes, endnotes), in text order.</summary>
    public IReadOnlyList<TextSegment> Segments { get; init; } = [];

    /// <summary>Headings or chapter titles found in the document, in text order.</summary>
    public IReadOnlyList<DocumentSection> Sections { get; init; } = [];

    /// <summary>The part, paragraph and offset within it that a UTF-16 offset of <see cref="Text"/> falls in, if mapped.</summary>
    public TextLocation? Locate(int offset)
    {
        if (Segments.Count == 0)
        {
            return null;
        }

        int low = 0, high = Segments.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (Segments[mid].Start <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (found < 0 || offset > Segments[found].Start + Segments[found].Length)
        {
            return null;
        }

        var segment = Segments[found];
        return new TextLocation(segment.Part, segment.Paragraph, offset - segment.Start, segment.Note);
    }
}

/// <summary>One paragraph of a document part, placed at <see cref="Start"/> in the checked text.</summary>
/// <param name="Part">body, footnote or endnote.</param>
/// <param name="Paragraph">1-based: in the body, among all body paragraphs; in a note, within that note.</param>
/// <param name="Note">The footnote or endnote id as the document numbers it; null in the body.</param>
public sealed record TextSegment(string Part, int Paragraph, int? Note, int Start, int Length);

/// <summary>Where a claim sits in the original document. <see cref="Offset"/> counts UTF-16 code units into the paragraph.</summary>
public sealed record TextLocation(string Part, int Paragraph, int Offset, int? Note);

/// <summary>A heading or chapter title; its section runs to the next one.</summary>
public sealed record DocumentSection(string Title, int Offset);

public static class DocumentParts
{
    public const string Body = "body";
    public const string Footnote = "footnote";
    public const string Endnote = "endnote";
}

public static class DocumentFormats
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Docx = "docx";
}

/// <summary>A manuscript that cannot be read; its message says why in one line.</summary>
/// <remarks>
/// Line breaks and other control characters in the message (a file or zip entry name may hold them) become spaces,
/// so the command line's one line stays one line (found by fuzzing: a zip entry named "\nord/document.xml").
/// </remarks>
public class UnreadableDocumentException(string message) : Exception(OneLine(message))
{
    private static string OneLine(string message) =>
        string.Create(message.Length, message, static (span, m) =>
        {
            for (var i = 0; i < m.Length; i++)
            {
                span[i] = char.IsControl(m[i]) ? ' ' : m[i];
            }
        });
}

/// <summary>A manuscript refused for its size (a .docx that inflates past the limits): HTTP 413 rather than 400.</summary>
public sealed class DocumentTooLargeException(string message) : UnreadableDocumentException(message);
