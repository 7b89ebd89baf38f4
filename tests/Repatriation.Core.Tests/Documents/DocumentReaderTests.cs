using System.Text;
using Repatriation.Core.Documents;

namespace Repatriation.Core.Tests.Documents;

public class DocumentReaderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Read_PlainText_KeepsTextAndFindsChapters()
    {
        var text = "Chapter 1\n\nThe convoy left Lienz.\n\nChapter 2: Plattling\nMore prose here.\n";
        var document = DocumentReader.Read("book.txt", Utf8(text));

        Assert.Equal(text, document.Text);
        Assert.Equal(DocumentFormats.Text, document.Format);
        Assert.False(document.TextIsExtracted);
        Assert.Equal(["Chapter 1", "Chapter 2: Plattling"], document.Sections.Select(s => s.Title));
        Assert.Equal(text.IndexOf("Chapter 2", StringComparison.Ordinal), document.Sections[1].Offset);
    }

    [Fact]
    public void Read_Markdown_BlanksNonProseAndKeepsEveryOffset()
    {
        var markdown = string.Join("\n",
            "# Lienz, June 1945",
            "",
            "About **22,500** Cossacks were handed over, see [the camp record](http://example.org/2,000,000 \"title\") and `1,000,000`.",
            "![a photograph of Peggetz](img/300000.png)",
            "",
            "```text",
            "4,000,000 in a fence",
            "```",
            "",
            "    5,000,000 in an indented block",
            "",
            "<!-- 6,000,000 in a comment",
            "over two lines -->",
            "[ref]: http://example.org/7,000,000",
            "Setext title",
            "============",
            "Last line with <span>inline html</span>.");
        var document = DocumentReader.Read("chapter.md", Utf8(markdown));
        var text = document.Text;

        Assert.Equal(DocumentFormats.Markdown, document.Format);
        Assert.Equal(markdown.Length, text.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            // Every character is the file's own or a space in its place; line breaks never move.
            Assert.True(text[i] == markdown[i] || text[i] == ' ', $"offset {i}");
            Assert.Equal(markdown[i] == '\n', text[i] == '\n');
        }

        foreach (var hidden in new[] { "2,000,000", "1,000,000", "300000", "4,000,000", "5,000,000", "6,000,000", "7,000,000", "http", "**", "#", "<span>", "=====" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
        }

        foreach (var kept in new[] { "Lienz, June 1945", "22,500", "the camp record", "a photograph of Peggetz", "inline html", "Setext title" })
        {
            Assert.Equal(markdown.IndexOf(kept, StringComparison.Ordinal), text.IndexOf(kept, StringComparison.Ordinal));
        }

        Assert.Equal(["Lienz, June 1945", "Setext title"], document.Sections.Select(s => s.Title));
        Assert.Equal(2, document.Sections[0].Offset);
    }

    [Fact]
    public void Read_MarkdownFrontMatter_IsBlankedAndTheBodyKept()
    {
        var markdown = string.Join("\n",
            "---",
            "title: Lienz",
            "date: 2019-05-03",
            "version: 2",
            "---",
            "",
            "# Lienz",
            "",
            "About 22,500 Cossacks were handed over in 1945.",
            "",
            "---",
            "",
            "A thematic break is no front matter: 1946.");
        var text = DocumentReader.Read("post.md", Utf8(markdown)).Text;

        Assert.Equal(markdown.Length, text.Length);
        foreach (var hidden in new[] { "2019-05-03", "version", "title:" })
        {
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
        }

        foreach (var kept in new[] { "22,500", "1945", "---\n\nA thematic", "1946" })
        {
            Assert.Equal(markdown.IndexOf(kept, StringComparison.Ordinal), text.IndexOf(kept, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Read_Html_SkipsScriptsDecodesEntitiesAndBreaksBlocks()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>Not prose</title><style>p { color: red }</style></head>
            <body><h1>Lienz</h1>
            <p>About 22,500   Cossacks &amp; their&nbsp;families
               were handed over.</p><script>var x = "5 million";</script><noscript>9 million</noscript>
            <template><p>8 million</p></template><div hidden>7 million</div>
            <ul><li>Peggetz</li><li>Dellach &lt;camp&gt;</li></ul><p>Last<br>line</p></body></html>
            """;
        var document = DocumentReader.Read("page.html", Utf8(html));

        Assert.Equal(DocumentFormats.Html, document.Format);
        Assert.True(document.TextIsExtracted);
        Assert.Equal("Lienz\n\nAbout 22,500 Cossacks & their families were handed over.\n\nPeggetz\nDellach <camp>\n\nLast\nline", document.Text);
        Assert.Equal([new DocumentSection("Lienz", 0)], document.Sections);
    }

    [Fact]
    public void Read_HtmlFootnoteMarkers_AreNotGluedToFigures()
    {
        var html = "<p>About 22,500<sup><a href=\"#fn1\">1</a></sup> Cossacks and 1,600<sup>12</sup> men; the 10<sup>th</sup> stays.</p>";

        var document = DocumentReader.Read("notes.html", Utf8(html));

        Assert.Equal("About 22,500 Cossacks and 1,600 men; the 10th stays.", document.Text);
    }

    [Fact]
    public void Read_Docx_MapsBodyFootnotesAndEndnotesByParagraphAndOffset()
    {
        var bytes = TestDocx.Build(
            [new("Chapter One", "Heading1"), new("At Lienz about 22,500 Cossacks were handed over."), new(""), new("The camp at Peggetz was cleared in June 1945.")],
            footnotes: ["Tolstoy gives 2,000,000 in all."],
            endnotes: ["Bethell wrote of 1,500,000."]);
        var document = DocumentReader.Read("book.docx", bytes);
        var text = document.Text;

        Assert.Equal(DocumentFormats.Docx, document.Format);
        Assert.True(document.TextIsExtracted);
        Assert.Equal("Chapter One\n\nAt Lienz about 22,500 Cossacks were handed over.\n\nThe camp at Peggetz was cleared in June 1945.\n\n Tolstoy gives 2,000,000 in all.\n\nBethell wrote of 1,500,000.", text);
        Assert.Equal([new DocumentSection("Chapter One", 0)], document.Sections);

        Assert.Equal(new TextLocation(DocumentParts.Body, 2, 15, null), document.Locate(text.IndexOf("22,500", StringComparison.Ordinal)));
        // The empty third paragraph still counts, as Word counts it.
        Assert.Equal(new TextLocation(DocumentParts.Body, 4, 40, null), document.Locate(text.IndexOf("1945", StringComparison.Ordinal)));
        Assert.Equal(new TextLocation(DocumentParts.Footnote, 1, 15, 1), document.Locate(text.IndexOf("2,000,000", StringComparison.Ordinal)));
        Assert.Equal(new TextLocation(DocumentParts.Endnote, 1, 17, 1), document.Locate(text.IndexOf("1,500,000", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02 })]
    [InlineData(new byte[] { 0x7B, 0x5C, 0x72, 0x74, 0x66, 0x31 })]
    public void Read_CorruptDocx_ThrowsUnreadableWithOneLine(byte[] bytes)
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("broken.docx", bytes));

        Assert.StartsWith("broken.docx: not a readable .docx", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_DocxWithTruncatedZip_ThrowsUnreadable()
    {
        var bytes = TestDocx.Build([new("At Lienz about 22,500 Cossacks were handed over.")]);
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("cut.docx", bytes[..(bytes.Length / 2)]));

        Assert.StartsWith("cut.docx: not a readable .docx", e.Message);
    }

    [Fact]
    public void Read_HtmlWithOnlyScript_ThrowsUnreadable()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("empty.html", Utf8("<html><body><script>1945</script></body></html>")));

        Assert.Contains("no readable text", e.Message);
    }
}
