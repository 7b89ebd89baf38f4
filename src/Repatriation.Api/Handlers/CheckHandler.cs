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
/// POST /api/check: a JSON body {"text","name"} (optionally "decisions" and "baseline", see <see cref="ReviewFields"/>)
/// or text/plain; answers the check report. The body is
/// read with a cap, so an oversized upload is refused without being held in memory whole.
/// </summary>
public sealed class CheckHandler(
    ClaimChecker checker, IFactSetProvider facts, IOptions<ApiOptions> options, TimeProvider time, ILogger<CheckHandler> logger)
    : ApiHandler(logger)
{
    // JSON may escape every character as \uXXXX (6 bytes), so its body may be that much larger than its text.
    private const int JsonExpansion = 6;
    private const int JsonEnvelopeBytes = 64 * 1024;

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

        if (RequestBodies.RefuseOtherCharsets(request, mediaType) is { } otherCharset)
        {
            return otherCharset;
        }

        var bodyCap = isJson ? (long)limit * JsonExpansion + JsonEnvelopeBytes : limit;
        if (request.ContentLength is { } declared && declared > bodyCap)
        {
            return Problems.TooLarge(request, isJson
                ? $"The request body is {declared:N0} bytes, more than a JSON body holding the largest accepted text can be ({bodyCap:N0} bytes); the limit is {limit:N0} bytes of UTF-8 text."
                : $"The text is {declared:N0} bytes; the limit is {limit:N0} bytes of UTF-8 text.");
        }

        var (body, tooLarge) = await RequestBodies.ReadCappedAsync(request, bodyCap, $"the limit is {limit:N0} bytes of UTF-8 text.", cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        string text;
        string? name;
        var review = ReviewFields.None;
        if (isText)
        {
            if (RequestBodies.TryDecodeText(request, body.Span, out text) is { } invalid)
            {
                return invalid;
            }

            name = request.Query["name"].FirstOrDefault();
        }
        else
        {
            if (RequestBodies.CheckJson(request, body, out var json) is { } invalid)
            {
                return invalid;
            }

            if (!TryParseJsonBody(json.Span, out var parsedText, out name, out var error))
            {
                return Problems.BadRequest(request, error);
            }

            text = parsedText;
            if (!ReviewFields.TryRead(json.Span, out review, out var reviewError))
            {
                return Problems.BadRequest(request, reviewError);
            }

            var textBytes = Encoding.UTF8.GetByteCount(text);
            if (textBytes > limit)
            {
                return Problems.TooLarge(request, $"The text is {textBytes:N0} bytes of UTF-8; the limit is {limit:N0} bytes.");
            }
        }

        // One read of the reference: this whole check uses one version even if a refresh swaps it meanwhile.
        var snapshot = facts.Current;
        var checkRequest = new CheckRequest(text, name, stringIndexType);
        var reviewOfText = review.For(name);
        return new StreamedReportResult("application/json; charset=utf-8", (output, token) =>
        {
            using var writer = new JsonReportWriter(output);
            var totals = checker.Stream(checkRequest, snapshot, writer.Report(), reviewOfText, token);
            writer.Complete();
            logger.LogInformation(
                "Checked {Name}: {Claims} claims, {Flagged} flagged, fact set {Version} in {Ms} ms",
                name ?? "(unnamed)", totals.Summary.Claims, totals.Summary.Flagged, snapshot.FactSet.Version,
                Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1));
        }, logger);
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

    /// <summary>
    /// Reads {"text": "…", "name": "…"} with a forward-only reader: no DOM for a body that may be megabytes,
    /// and an error that says which field is wrong. Other fields are ignored.
    /// </summary>
    private static bool TryParseJsonBody(ReadOnlySpan<byte> body, out string text, out string? name, out string error)
    {
        const string Shape = "The body must be a JSON object {\"text\": \"…\", \"name\": \"…optional\"}.";
        text = "";
        name = null;
        string? found = null;
        if (body.IsEmpty)
        {
            error = "The body is empty. " + Shape;
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = Shape;
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isText = reader.ValueTextEquals("text"u8);
                var isName = reader.ValueTextEquals("name"u8);
                reader.Read();
                if (isText)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = "The field \"text\" must be a string holding the text to check.";
                        return false;
                    }

                    found = reader.GetString();
                }
                else if (isName)
                {
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        error = "The field \"name\" must be a string when given.";
                        return false;
                    }

                    name = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            // Anything after the object (a second value, stray text) is malformed too.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            error = $"The body is not valid JSON: {e.Message}";
            return false;
        }

        if (found is null)
        {
            error = "The JSON body needs a string field \"text\" holding the text to check.";
            return false;
        }

        text = found;
        error = "";
        return true;
    }
}
