using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Repatriation.Core.Tests.Documents;

/// <summary>Builds real .docx files with the OpenXml SDK: headed body paragraphs, footnotes and endnotes.</summary>
internal static class TestDocx
{
    public sealed record Para(string Text, string? Style = null);

    public static byte[] Build(IReadOnlyList<Para> body, IReadOnlyList<string>? footnotes = null, IReadOnlyList<string>? endnotes = null)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var docBody = new Body();
            for (var i = 0; i < body.Count; i++)
            {
                var paragraph = new Paragraph();
                if (body[i].Style is { } style)
                {
                    paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
                }

                // Split each paragraph into two runs so the reader must join runs.
                var text = body[i].Text;
                var half = text.Length / 2;
                paragraph.Append(new Run(new Text(text[..half]) { Space = SpaceProcessingModeValues.Preserve }));
                paragraph.Append(new Run(new Text(text[half..]) { Space = SpaceProcessingModeValues.Preserve }));
                if (i == 0 && footnotes is { Count: > 0 })
                {
                    paragraph.Append(new Run(new FootnoteReference { Id = 1 }));
                }

                docBody.Append(paragraph);
            }

            main.Document = new Document(docBody);
            if (footnotes is { Count: > 0 })
            {
                var part = main.AddNewPart<FootnotesPart>();
                var notes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                for (var i = 0; i < footnotes.Count; i++)
                {
                    notes.Append(new Footnote(new Paragraph(
                        new Run(new FootnoteReferenceMark()),
                        new Run(new Text(" " + footnotes[i]) { Space = SpaceProcessingModeValues.Preserve }))) { Id = i + 1 });
                }

                part.Footnotes = notes;
            }

            if (endnotes is { Count: > 0 })
            {
                var part = main.AddNewPart<EndnotesPart>();
                var notes = new Endnotes(
                    new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Endnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                for (var i = 0; i < endnotes.Count; i++)
                {
                    notes.Append(new Endnote(new Paragraph(new Run(new Text(endnotes[i])))) { Id = i + 1 });
                }

                part.Endnotes = notes;
            }
        }

        return stream.ToArray();
    }
}
