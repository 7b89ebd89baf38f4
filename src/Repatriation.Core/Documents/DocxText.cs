using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Repatriation.Core.Documents;

/// <summary>
/// The text of a Word document: body paragraphs, then footnotes, then endnotes, each paragraph followed
/// by a blank line. A segment map ties every stretch of the checked text to its part, paragraph and note,
/// so a claim can be found in Word by paragraph and offset as well as by offset into the extracted text.
/// </summary>
internal static class DocxText
{
    private const string ParagraphBreak = "\n\n";

    /// <summary>The most a .docx may inflate to, all parts together (a manuscript's XML is a few times its text).</summary>
    public const long MaxInflatedBytes = 256L * 1024 * 1024;

    /// <summary>The most one part may inflate relative to its compressed size; XML compresses 5–30 times, a zip bomb 1,000.</summary>
    public const int MaxRatio = 200;

    /// <summary>Parts this small may inflate at any ratio (a run of identical bytes in a tiny part is no threat).</summary>
    private const long SmallPart = 1024 * 1024;

    public static SourceDocument Read(string name, byte[] content)
    {
        CheckInflatedSize(name, content);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var package = WordprocessingDocument.Open(stream, false);
            var main = package.MainDocumentPart
                ?? throw new UnreadableDocumentException($"{name}: not a readable .docx (it has no main document part)");
            var body = main.Document?.Body
                ?? throw new UnreadableDocumentException($"{name}: not a readable .docx (the document has no body)");

            var text = new StringBuilder();
            var segments = new List<TextSegment>();
            var sections = new List<DocumentSection>();
            var number = 0;
            // Word stores a text box twice (the DrawingML choice and a VML fallback); the fallback copy is skipped.
            foreach (var paragraph in body.Descendants<Paragraph>().Where(p => !p.Ancestors<DocumentFormat.OpenXml.AlternateContentFallback>().Any()))
            {
                number++;
                var start = text.Length;
                if (Append(paragraph, text, segments, DocumentParts.Body, number, null) && IsHeading(paragraph))
                {
                    sections.Add(new DocumentSection(text.ToString(start, text.Length - start - ParagraphBreak.Length).Trim(), start));
                }
            }

            foreach (var footnote in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            {
                AppendNote(footnote, footnote.Type, footnote.Id, DocumentParts.Footnote, text, segments);
            }

            foreach (var endnote in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
            {
                AppendNote(endnote, endnote.Type, endnote.Id, DocumentParts.Endnote, text, segments);
            }

            var checkedText = text.ToString().TrimEnd('\n');
            if (string.IsNullOrWhiteSpace(checkedText))
            {
                throw new UnreadableDocumentException($"{name}: the .docx holds no text");
            }

            return new SourceDocument(name, checkedText, DocumentFormats.Docx)
            {
                TextIsExtracted = true,
                Segments = segments,
                Sections = sections,
            };
        }
        catch (UnreadableDocumentException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // OpenXmlPackageException, InvalidDataException (not a zip), XmlException, FileFormatException…: all mean the same to an editor.
            throw new UnreadableDocumentException($"{name}: not a readable .docx ({OneLine(e.Message)})");
        }
    }

    /// <summary>
    /// Inflates every part once, counting the bytes that actually come out (a zip's declared sizes may lie), and
    /// refuses the document past <see cref="MaxInflatedBytes"/> in all or <see cref="MaxRatio"/> for one part, before
    /// the Open XML reader builds anything from it. A 1 MB file that inflates to 1 GB ends here, not in an out-of-memory crash.
    /// </summary>
    private static void CheckInflatedSize(string name, byte[] content)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException($"{name}: not a readable .docx ({OneLine(e.Message)})");
        }

        try
        {
            CountInflated(name, content, archive);
        }
        catch (Exception e) when (e is not (UnreadableDocumentException or OutOfMemoryException))
        {
            // A damaged central directory shows only when its entries are listed (found by the property tests).
            throw new UnreadableDocumentException($"{name}: not a readable .docx ({OneLine(e.Message)})");
        }
    }

    private static void CountInflated(string name, byte[] content, ZipArchive archive)
    {
        using (archive)
        {
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                var part = 0L;
                var partCap = Math.Max(SmallPart, entry.CompressedLength * MaxRatio);
                try
                {
                    using var stream = entry.Open();
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        part += read;
                        total += read;
                        if (total > MaxInflatedBytes)
                        {
                            throw new DocumentTooLargeException(
                                $"{name}: the .docx inflates to more than {MaxInflatedBytes:N0} bytes ({content.LongLength:N0} bytes compressed); it is refused unread");
                        }

                        if (part > partCap)
                        {
                            throw new DocumentTooLargeException(
                                $"{name}: the part {entry.FullName} inflates more than {MaxRatio} times its compressed size of {entry.CompressedLength:N0} bytes (a zip bomb); it is refused unread");
                        }
                    }
                }
                catch (InvalidDataException e)
                {
                    throw new UnreadableDocumentException($"{name}: not a readable .docx ({entry.FullName}: {OneLine(e.Message)})");
                }
            }
        }
    }

    private static void AppendNote(OpenXmlCompositeElement note, EnumValue<FootnoteEndnoteValues>? type, IntegerValue? id, string part, StringBuilder text, List<TextSegment> segments)
    {
        // Separator and continuation notes hold only Word's rule lines.
        if (type is not null && type.Value != FootnoteEndnoteValues.Normal)
        {
            return;
        }

        var noteId = id is null ? (int?)null : (int)id.Value;
        var number = 0;
        foreach (var paragraph in note.Descendants<Paragraph>())
        {
            Append(paragraph, text, segments, part, ++number, noteId);
        }
    }

    /// <summary>Appends the paragraph's own text (not that of paragraphs nested in text boxes); false when it has none.</summary>
    private static bool Append(Paragraph paragraph, StringBuilder text, List<TextSegment> segments, string part, int number, int? note)
    {
        var start = text.Length;
        foreach (var element in paragraph.Descendants())
        {
            if (element is Text or TabChar or Break or CarriageReturn or NoBreakHyphen or SoftHyphen
                && element.Ancestors<Paragraph>().FirstOrDefault() != paragraph)
            {
                continue;
            }

            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        var length = text.Length - start;
        if (length == 0 || string.IsNullOrWhiteSpace(text.ToString(start, length)))
        {
            text.Length = start;
            return false;
        }

        segments.Add(new TextSegment(part, number, note, start, length));
        text.Append(ParagraphBreak);
        return true;
    }

    private static bool IsHeading(Paragraph paragraph)
    {
        var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        return style is not null && (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase));
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
