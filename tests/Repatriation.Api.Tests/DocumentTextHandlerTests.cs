using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Repatriation.Api.Handlers;
using Repatriation.Api.Tests.LanguageTool;

namespace Repatriation.Api.Tests;

public sealed class DocumentTextHandlerTests
{
    private const string Path = "/api/documents/text";

    [Fact]
    public async Task HandleAsync_TextFile_AnswersItsTextAndName()
    {
        const string text = "Between 1946 and 1948 😀\r\nsecond line";

        var request = LtRequests.Multipart([], [("draft.txt", Encoding.UTF8.GetBytes(text))], Path);
        var (status, _, body) = LtRequests.Read(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request));

        Assert.Equal(200, status);
        Assert.Equal("draft.txt", body.GetProperty("name").GetString());
        Assert.Equal(text, body.GetProperty("text").GetString());
        Assert.Equal(text.Length, body.GetProperty("characters").GetInt32());
    }

    [Fact]
    public async Task HandleAsync_Docx_AnswersItsParagraphs()
    {
        var docx = Docx("Between 1946 and 1948 several million civilians were forcibly repatriated.", "Second 😀 paragraph.");

        var request = LtRequests.Multipart([], [("chapter.docx", docx)], Path);
        var (status, _, body) = LtRequests.Read(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request));

        Assert.Equal(200, status);
        var text = body.GetProperty("text").GetString()!;
        Assert.Contains("Between 1946 and 1948 several million civilians were forcibly repatriated.", text);
        Assert.True(text.IndexOf("Second 😀 paragraph.", StringComparison.Ordinal) > text.IndexOf("repatriated.", StringComparison.Ordinal));
    }

    /// <summary>A real .docx written with the OpenXml SDK.</summary>
    internal static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var paragraph in paragraphs)
            {
                body.Append(new Paragraph(new Run(new Text(paragraph) { Space = SpaceProcessingModeValues.Preserve })));
            }

            package.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task HandleAsync_UnreadableFile_400SayingWhy()
    {
        var request = LtRequests.Multipart([], [("broken.docx", [0x50, 0x4b, 0x00, 0x01, 0x02])], Path);

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request), 400);

        Assert.StartsWith("broken.docx:", detail);
    }

    [Fact]
    public async Task HandleAsync_UnknownExtension_415ListingWhatIsRead()
    {
        var request = LtRequests.Multipart([], [("picture.png", [1, 2, 3])], Path);

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request), 415);

        Assert.Contains(".docx", detail);
    }

    [Fact]
    public async Task HandleAsync_TwoFiles_400()
    {
        var request = LtRequests.Multipart([], [("a.txt", "a"u8.ToArray()), ("b.txt", "b"u8.ToArray())], Path);

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request), 400);

        Assert.Contains("exactly one file", detail);
    }

    [Fact]
    public async Task HandleAsync_NotMultipart_415()
    {
        var request = LtRequests.Raw("POST", Path, "text/plain", "hello"u8.ToArray());

        LtRequests.AssertProblem(await LtRequests.Handler<DocumentTextHandler>().HandleAsync(request), 415);
    }

    [Fact]
    public async Task HandleAsync_TextOverTheLimit_413()
    {
        var handler = LtRequests.Handler<DocumentTextHandler>(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "10" });
        var request = LtRequests.Multipart([], [("long.txt", Encoding.UTF8.GetBytes(new string('a', 30)))], Path);

        var detail = LtRequests.AssertProblem(await handler.HandleAsync(request), 413);

        Assert.Contains("30", detail);
    }
}
