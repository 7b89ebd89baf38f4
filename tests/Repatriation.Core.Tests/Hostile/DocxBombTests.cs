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

public class DocxFuzzFindingTests
{
    [Fact]
    public void Read_DocxWithACentralDirectoryCountThatLies_IsUnreadableInOneLine()
    {
        // Found by PropertyTests.Read_AnyBytes_ReadsOrRefusesInOneLine: the entry count in the end-of-central-directory
        // record disagrees with the directory, which only shows when the entries are listed.
        var docx = Repatriation.Core.Tests.Documents.TestDocx.Build([new("In 1945.")]);
        var end = docx.AsSpan().LastIndexOf((byte[])[0x50, 0x4B, 0x05, 0x06]);
        docx[end + 10] = (byte)(docx[end + 10] + 3);

        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("lying.docx", docx));

        Assert.StartsWith("lying.docx: not a readable .docx", e.Message);
    }
}

public class DocxAflFindingTests
{
    /// <summary>Found by AFL++ through tests/Repatriation.Fuzz (docx target): a zip entry whose name holds a line break.</summary>
    private const string EntryNameWithALineBreak =
        "UEsDBBQAAAAIACCNhV2aMJ2a3gAAAEgBAAARAAAAd29yZC9kb2N1bWVudC54bWxtkMFOhEAQRH+lM2dlgLhGCbCJXtR4MPELRqYXJjvTTaYH2P" +
        "XrDajrxUtV0l15qVS9PwUPM0ZxTI0qslwBUsfWUd+oKR2u79S+rZfKcjcFpASn4EmqpVFDSmOltXQDBiMZj0in4A8cg0mScez1wtGOkTsUcdQH" +
        "r8s8v9XBOFIr8oPtefVxk7e42Xs6e4Slmo1v1BOatUihQLe1voQ2Se2rQ/pcz2l7xu/IhZ6TeiZ4mQihuL/ZQRoQHqJLTgYYDFm0wDNGKMurXV" +
        "7CI4uY7ihgEmz07B+8/m2u/1ZpvwBQSwMEFAAAAAAAII2FXbQVAdsqAQAAKgEAAAsAAABfcmVscy8ucmVsc++7vzw/eG1sIHZlcnNpb249IjEu" +
        "MCIgZW5jb2Rpbmc9InV0Zi04Ij8+PFJlbGF0aW9uc2hpcHMgeG1sbnM9Imh0dHA6Ly9zY2hlbWFzLm9wZW54bWxmb3JtYXRzLm9yZy9wYWNrYW" +
        "dlLzIwMDYvcmVsYXRpb25zaGlwcyI+PFJlbGF0aW9uc2hpcCBUeXBlPSJodHRwOi8vc2NoZW1hcy5vcGVueG1sZm9ybWF0cy5vcmcvb2ZmaWNl" +
        "RG9jdW1lbnQvMjAwNi9yZWxhdGlvbnNoaXBzL29mZmljZURvY3VtZW50IiBUYXJnZXQ9Ii93b3JkL2RvY3VtZW50LnhtbCIgSWQ9IlIyMjJlZT" +
        "VmYzhmMjY0NTAxIiAvPjwvUmVsYXRpb25zaGlwcz5QSwMEFAAAAAAAII2FXd8bAldaAQAAWgEAABMAAABbQ29udGVudF9UeXBlc10ueG1s77u/" +
        "PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0idXRmLTgiPz48VHlwZXMgeG1sbnM9Imh0dHA6Ly9zY2hlbWFzLm9wZW54bWxmb3JtYXRzLm" +
        "9yZy9wYWNrYWdlLzIwMDYvY29udGVudC10eXBlcyI+PERlZmF1bHQgRXh0ZW5zaW9uPSIAAAAgIENvbnRlbnRUeXBlPSJhcHBsaWNhdGlvbi92" +
        "j2Qub3BlbnhtbGZvcm1hdHMtb2ZmaWNlZG9jdW1lbnQud29yZHByb2Nlc3NpbmdtbC5kb2N1bWVudC5tYWluK3htbCIgLz48RGVmYXVsdCBFeH" +
        "RlbnNpb249InJlbHMiIENvbnRlbnRUeXBlPSJhcHBsaWNhdGlvbi92bmQub3BlbnhtbGZvcm1hdHMtcGFja2FnbGF0aW9uc2hpcHMvb2ZmaWNl" +
        "RG9jdW1lbnQiIGVzPlBLAQIUAxQAAAAIACCNhV2aMJ2a3gAAAEgBAAARAAAAAAAAAAAAAAAAAEAAAAAKb3JkL2RvY3VtZW50LnhtbFBLAQIUAx" +
        "QAAAAAACCNhV20FQHbKgEAACoBAAALAAAAAAAAAAAAAACkgQ0BAABfcmVscy8ucmVsc1BLAQIUAAAAII2FXd8bAldaAQAAWgEAABMAAAAAAAAA" +
        "AAAAAKRQSwUGAAAAAAMAAwC5AAAA6wMAAAAA";

    [Fact]
    public void Read_ZipEntryNamedWithALineBreak_RefusedInOneLine()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("fuzz.docx", Convert.FromBase64String(EntryNameWithALineBreak)));

        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        Assert.StartsWith("fuzz.docx: ", e.Message);
    }
}
