using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Core.Documents;

namespace Repatriation.Api.Handlers;

/// <summary>
/// POST /api/documents/text: one manuscript file (multipart/form-data) in, the text the checker reads
/// out of it. The editor's page uses it for files a browser cannot read as text (.docx), then checks
/// that text, so the highlights' offsets are the text's own.
/// </summary>
public sealed class DocumentTextHandler(IOptions<ApiOptions> options, ILogger<DocumentTextHandler> logger) : ApiHandler(logger)
{
    // A .docx is a zip holding XML around the text: allow its bytes that much more than the text limit.
    private const int PackageExpansion = 4;

    public sealed record DocumentText(string Name, string Text, int Characters);

    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxTextBytes;
        var fileCap = (long)limit * PackageExpansion;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(request,
                $"Send one file as multipart/form-data (Content-Type was '{request.ContentType ?? "missing"}').");
        }

        if (request.ContentLength is { } declared && declared > fileCap + 64 * 1024)
        {
            return Problems.TooLarge(request, $"The upload is {declared:N0} bytes; a file may be at most {fileCap:N0} bytes.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = fileCap + 64 * 1024 }, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Problems.BadRequest(request, $"The upload could not be read: {e.Message}");
        }

        if (form.Files.Count != 1)
        {
            return Problems.BadRequest(request, $"Send exactly one file; this upload has {form.Files.Count}.");
        }

        var file = form.Files[0];
        var name = Path.GetFileName(file.FileName);
        if (string.IsNullOrWhiteSpace(name))
        {
            return Problems.BadRequest(request, "The file part needs a file name (its extension says how to read it).");
        }

        if (!DocumentReader.IsSupported(name))
        {
            return Problems.UnsupportedMediaType(request,
                $"{name}: this server reads {string.Join(", ", DocumentReader.SupportedExtensions)} files.");
        }

        if (file.Length > fileCap)
        {
            return Problems.TooLarge(request, $"{name} is {file.Length:N0} bytes; a file may be at most {fileCap:N0} bytes.");
        }

        byte[] content;
        using (var copy = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(copy, cancellationToken);
            content = copy.ToArray();
        }

        SourceDocument document;
        try
        {
            document = DocumentReader.Read(name, content);
        }
        catch (DocumentTooLargeException e)
        {
            return Problems.TooLarge(request, e.Message);
        }
        catch (UnreadableDocumentException e)
        {
            return Problems.BadRequest(request, e.Message);
        }

        var textBytes = Encoding.UTF8.GetByteCount(document.Text);
        if (textBytes > limit)
        {
            return Problems.TooLarge(request, $"{name} holds {textBytes:N0} bytes of text; the limit is {limit:N0} bytes.");
        }

        logger.LogInformation("Read {Name}: {Characters} characters of text", name, document.Text.Length);
        return Problems.Json(new DocumentText(name, document.Text, document.Text.Length));
    }
}
