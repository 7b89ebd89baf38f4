using Repatriation.Core.Documents;

namespace Repatriation.Core.Tests.Hostile;

// Every input shape a fuzzer found, kept as a test (see README, "Limits and hostile input").

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

public class EngineAflFindingTests
{
    private static readonly Repatriation.Core.Facts.FactSetSnapshot Shipped = Repatriation.Core.Facts.FactSetLoader.LoadShipped();

    /// <summary>Found by AFL++ (html and md targets): a closing quote at the very start before "by" threw from LastIndexOf.</summary>
    [Theory]
    [InlineData("\"by PK4y Qy YK.by Q9y Q99")]
    [InlineData("\"by OnR CAT# L\u007fe e we\u007fby \n\u000fCha h r")]
    [InlineData("\"by Tolstoy")]
    [InlineData("”by Zemskov, 1945")]
    public void Check_QuoteThenByAtTheStart_NoException(string text)
    {
        var report = new Repatriation.Core.Checking.ClaimChecker().Check(new Repatriation.Core.Checking.CheckRequest(text, "fuzz"), Shipped);

        Assert.Equal(report.Claims.Count, report.Summary.Claims);
    }
}
