using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Handlers;

/// <summary>
/// POST /api/check: a JSON body {"text","name"} or text/plain; answers the check report. The body is
/// read with a cap, so an oversized upload is refused without being held in memory whole.
/// </summary>
public sealed class CheckHandler(
    ClaimChecker checker, IFactSetProvider facts, IOptions<ApiOptions> options, TimeProvider time, ILogger<CheckHandler> logger)
    : ApiHandler(logger)
{
    // JSON may escape every character as \uXXXX (6 bytes), so its body may be that much larger than its text.
    private const int JsonExpansion = 6;
    private const int JsonEnvelopeBytes = 64 * 1024;

    private sealed record CheckBody(JsonElement? Text, JsonElement? Name);

    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var limit = options.Value.MaxTextBytes;

        if (!TryReadStringIndexType(request, out var stringIndexType))
        {
            return Problems.BadRequest(request,
                $"stringIndexType must be {StringIndexTypes.Utf16CodeUnit} or {StringIndexTypes.UnicodeCodePoint}, not '{request.Query["stringIndexType"]}'.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return Problems.UnsupportedMediaType(request,
                $"Send the text as application/json {{\"text\": \"…\", \"name\": \"…\"}} or as text/plain (Content-Type was '{request.ContentType ?? "missing"}').");
        }

        var isJson = mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
        var isText = mediaType.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isText)
        {
            return Problems.UnsupportedMediaType(request,
                $"Content-Type {mediaType.MediaType} is not accepted; send application/json {{\"text\": \"…\", \"name\": \"…\"}} or text/plain.");
        }

        var bodyCap = isJson ? (long)limit * JsonExpansion + JsonEnvelopeBytes : limit;
        if (request.ContentLength is { } declared && declared > bodyCap)
        {
            return Problems.TooLarge(request, isJson
                ? $"The request body is {declared:N0} bytes, more than a JSON body holding the largest accepted text can be ({bodyCap:N0} bytes); the limit is {limit:N0} bytes of UTF-8 text."
                : $"The text is {declared:N0} bytes; the limit is {limit:N0} bytes of UTF-8 text.");
        }

        var body = await ReadCappedAsync(request.Body, bodyCap, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(request,
                $"The request body is more than {bodyCap:N0} bytes (reading stopped there); the limit is {limit:N0} bytes of UTF-8 text.");
        }

        string text;
        string? name;
        if (isText)
        {
            Encoding encoding;
            try
            {
                encoding = mediaType.Charset.HasValue ? Encoding.GetEncoding(mediaType.Charset.Value!) : Encoding.UTF8;
            }
            catch (ArgumentException)
            {
                return Problems.UnsupportedMediaType(request, $"The charset '{mediaType.Charset}' is not supported; send UTF-8.");
            }

            text = encoding.GetString(body);
            name = request.Query["name"].FirstOrDefault();
        }
        else
        {
            CheckBody? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<CheckBody>(body, ApiJson.Options);
            }
            catch (JsonException e)
            {
                return Problems.BadRequest(request, $"The body is not valid JSON: {e.Message}");
            }

            if (parsed?.Text is not { ValueKind: JsonValueKind.String } textElement)
            {
                return Problems.BadRequest(request, "The JSON body needs a string field \"text\" holding the text to check.");
            }

            if (parsed.Name is { } nameElement && nameElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return Problems.BadRequest(request, "The field \"name\" must be a string when given.");
            }

            text = textElement.GetString()!;
            name = parsed.Name is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            var textBytes = Encoding.UTF8.GetByteCount(text);
            if (textBytes > limit)
            {
                return Problems.TooLarge(request, $"The text is {textBytes:N0} bytes of UTF-8; the limit is {limit:N0} bytes.");
            }
        }

        // One read of the reference: this whole check uses one version even if a refresh swaps it meanwhile.
        var snapshot = facts.Current;
        var report = checker.Check(new CheckRequest(text, name, stringIndexType), snapshot);
        var elapsed = time.GetElapsedTime(started);
        logger.LogInformation(
            "Checked {Name}: {Claims} claims, {Flagged} flagged, fact set {Version} in {Ms} ms",
            name ?? "(unnamed)", report.Summary.Claims, report.Summary.Flagged, snapshot.FactSet.Version,
            Math.Round(elapsed.TotalMilliseconds, 1));

        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "application/json; charset=utf-8",
            Content = ReportJson.Serialize(report),
        };
    }

    private static bool TryReadStringIndexType(HttpRequest request, out string stringIndexType)
    {
        var given = request.Query["stringIndexType"];
        if (given.Count == 0 || string.IsNullOrEmpty(given[0]))
        {
            stringIndexType = StringIndexTypes.Utf16CodeUnit;
            return true;
        }

        foreach (var known in (ReadOnlySpan<string>)[StringIndexTypes.Utf16CodeUnit, StringIndexTypes.UnicodeCodePoint])
        {
            if (given.Count == 1 && string.Equals(given[0], known, StringComparison.OrdinalIgnoreCase))
            {
                stringIndexType = known;
                return true;
            }
        }

        stringIndexType = "";
        return false;
    }

    /// <summary>The whole body, or null as soon as it passes <paramref name="cap"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long cap, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > cap)
            {
                return null;
            }
        }
    }
}
