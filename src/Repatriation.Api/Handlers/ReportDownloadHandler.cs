using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Handlers;

/// <summary>
/// POST /api/report?format=sarif|html|json: checks {"text","name"} as POST /api/check does and answers
/// the report as a file to save (SARIF 2.1.0, a self-contained HTML page, or the JSON report). The
/// editor's page uses it for its downloads.
/// </summary>
public sealed class ReportDownloadHandler(
    ClaimChecker checker, IFactSetProvider facts, IOptions<ApiOptions> options, ILogger<ReportDownloadHandler> logger)
    : ApiHandler(logger)
{
    private const int JsonExpansion = 6;
    private const int JsonEnvelopeBytes = 64 * 1024;

    public static readonly IReadOnlyList<string> Formats = ["sarif", "html", "json"];

    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString().ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            return Problems.BadRequest(request, $"format must be one of {string.Join(", ", Formats)}, not '{request.Query["format"]}'.");
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(request,
                $"Send application/json {{\"text\": \"…\", \"name\": \"…\"}} (Content-Type was '{request.ContentType ?? "missing"}').");
        }

        var limit = options.Value.MaxTextBytes;
        var cap = (long)limit * JsonExpansion + JsonEnvelopeBytes;
        if (request.ContentLength > cap)
        {
            return Problems.TooLarge(request, $"The request body is {request.ContentLength:N0} bytes; a JSON body holding the largest accepted text is at most {cap:N0} bytes.");
        }

        var (body, tooLarge) = await RequestBodies.ReadCappedAsync(request, cap, $"the limit is {limit:N0} bytes of UTF-8 text.", cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        string text;
        string? name;
        if (RequestBodies.CheckJson(request, body, out var json) is { } invalid)
        {
            return invalid;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                return Problems.BadRequest(request, "The JSON body needs a string field \"text\" holding the text to check.");
            }

            text = textElement.GetString()!;
            name = document.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        catch (JsonException e)
        {
            return Problems.BadRequest(request, $"The body is not valid JSON: {e.Message}");
        }

        var textBytes = Encoding.UTF8.GetByteCount(text);
        if (textBytes > limit)
        {
            return Problems.TooLarge(request, $"The text is {textBytes:N0} bytes of UTF-8; the limit is {limit:N0} bytes.");
        }

        // The editor's page sends its decisions too, so the files it downloads show them (SARIF suppressions).
        if (!ReviewFields.TryRead(json.Span, out var review, out var reviewError))
        {
            return Problems.BadRequest(request, reviewError);
        }

        var stem = FileStem(name);
        var (contentType, fileName) = format switch
        {
            "sarif" => ("application/sarif+json", stem + ".sarif"),
            "html" => ("text/html; charset=utf-8", stem + ".report.html"),
            _ => ("application/json; charset=utf-8", stem + ".report.json"),
        };
        var disposition = $"attachment; filename=\"{fileName}\"";
        request.HttpContext.Response.Headers.ContentDisposition = disposition;
        var snapshot = facts.Current;
        var checkRequest = new CheckRequest(text, name);
        var reviewOfText = review.For(name);
        return new StreamedReportResult(contentType, (output, token) =>
        {
            using IReportWriter writer = format switch
            {
                "sarif" => new SarifReportWriter(output),
                "html" => new HtmlReportWriter(output, HtmlReportWriter.TitleFor(name)),
                _ => new JsonReportWriter(output),
            };
            checker.Stream(checkRequest, snapshot, writer.Report(text), reviewOfText, token);
            writer.Complete();
        }, logger) { FileName = fileName };
    }

    /// <summary>A safe file name stem from the document's name: its name without extension, letters, digits, '-', '_' and '.' only.</summary>
    public static string FileStem(string? name)
    {
        var stem = Path.GetFileNameWithoutExtension(name ?? "");
        var safe = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return safe.Length == 0 ? "text" : safe;
    }
}
