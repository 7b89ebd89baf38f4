using System.IO.Compression;
using Repatriation.Core.Documents;
using Repatriation.Core.Tests.Documents;

namespace Repatriation.Core.Tests.Hostile;

public class DocxBombTests
{
    /// <summary>
    /// A real .docx whose main document part is padded with <paramref name="padding"/> bytes of white space inside the
    /// XML: valid Word XML that deflates about a thousand to one, the shape of a zip bomb.
    /// </summary>
    internal static byte[] Bomb(long padding)
    {
        var docx = TestDocx.Build([new TestDocx.Para("In 1945 the British handed over 2,272,000 people.")]);
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }

            part.Delete();
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var writer = new StreamWriter(entry.Open());
            var cut = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            writer.Write(xml[..cut]);
            var spaces = new string(' ', 1 << 20);
            for (long written = 0; written < padding; written += spaces.Length)
            {
                writer.Write(spaces);
            }

            writer.Write(xml[cut..]);
        }

        return stream.ToArray();
    }

    [Fact]
    public void Read_DocxThatInflatesAThousandFold_IsRefusedAsTooLargeBeforeParsing()
    {
        var bomb = Bomb(64L << 20);
        Assert.True(bomb.Length < 1 << 20, $"the bomb is {bomb.Length:N0} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DocumentTooLargeException>(() => DocumentReader.Read("bomb.docx", bomb));

        Assert.StartsWith("bomb.docx: ", e.Message);
        Assert.Contains("word/document.xml", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        // Refused while counting, not after building a DOM of the inflated XML.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32L << 20);
    }

    [Fact]
    public void Read_OrdinaryDocx_StillReads()
    {
        var document = DocumentReader.Read("fine.docx", Bomb(0));

        Assert.Contains("2,272,000", document.Text);
    }

    [Fact]
    public void Read_NotAZip_IsUnreadableInOneLine()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("x.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));

        Assert.StartsWith("x.docx: not a readable .docx", e.Message);
    }
}
