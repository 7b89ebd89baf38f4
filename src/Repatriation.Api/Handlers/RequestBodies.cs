using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Repatriation.Core.Input;

namespace Repatriation.Api.Handlers;

/// <summary>
/// How every handler takes a body: read as a stream with a cap (so an oversized upload is refused without being
/// held whole), in UTF-8 only (another charset is a 415), and checked byte by byte (invalid UTF-8 or a JSON escape
/// that leaves half a surrogate pair is a 400 naming the offset). A byte-order mark is accepted and dropped.
/// </summary>
public static class RequestBodies
{
    /// <summary>Charsets whose bytes are UTF-8 (ASCII is a subset).</summary>
    private static readonly string[] Utf8Names = ["utf-8", "utf8", "us-ascii", "ascii"];

    /// <summary>A 415 when the Content-Type names a charset other than UTF-8; null when it is UTF-8 or says none.</summary>
    public static ContentResult? RefuseOtherCharsets(HttpRequest request, MediaTypeHeaderValue mediaType)
    {
        var charset = mediaType.Charset.HasValue ? mediaType.Charset.Value!.Trim('"', ' ') : null;
        if (charset is null || Utf8Names.Contains(charset, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return Problems.UnsupportedMediaType(request, $"The charset '{charset}' is not accepted; send the text as UTF-8 (charset=utf-8 or none).");
    }

    /// <summary>
    /// The whole body, or a problem: 413 past <paramref name="cap"/> bytes (declared or read), 400 for a malformed
    /// body the server itself refused (a bad chunk size). The server's own body limit is raised to the cap so this
    /// route's limit, not a global default, decides.
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, ContentResult? Problem)> ReadCappedAsync(
        HttpRequest request, long cap, string limitSays, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap + 1;
        }

        if (request.ContentLength is { } declared && declared > cap)
        {
            return (default, Problems.TooLarge(request, $"The request body is {declared:N0} bytes; {limitSays}"));
        }

        // A declared length (already checked against the cap) sizes the buffer once, instead of doubling its way there.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(Math.Max((request.ContentLength ?? 0) + 1, 16 * 1024), Math.Min(cap + 1, int.MaxValue)));
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(buffer.FreeCapacity > 0 ? 1 : 16 * 1024), cancellationToken);
            if (read == 0)
            {
                return (buffer.WrittenMemory, null);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > cap)
            {
                return (default, Problems.TooLarge(request, $"The request body is more than {cap:N0} bytes (reading stopped there); {limitSays}"));
            }
        }
    }

    /// <summary>Text sent as bytes (text/plain): strict UTF-8, a byte-order mark dropped; or a 400 naming the first bad byte.</summary>
    public static ContentResult? TryDecodeText(HttpRequest request, ReadOnlySpan<byte> body, out string text)
    {
        try
        {
            text = StrictUtf8.Decode(body, "The request body");
            return null;
        }
        catch (InvalidTextException e)
        {
            text = "";
            return Problems.BadRequest(request, e.Message + ".");
        }
    }

    /// <summary>
    /// A JSON body's bytes: null when they are UTF-8 with every \u escape a whole character, else a 400 naming the
    /// offset. <paramref name="json"/> is the body without a byte-order mark.
    /// </summary>
    public static ContentResult? CheckJson(HttpRequest request, ReadOnlyMemory<byte> body, out ReadOnlyMemory<byte> json)
    {
        var bom = StrictUtf8.ByteOrderMarkLength(body.Span);
        json = body[bom..];
        var invalid = StrictUtf8.IndexOfInvalid(json.Span);
        if (invalid >= 0)
        {
            return Problems.BadRequest(request, InvalidTextException.AtByte("The JSON body", invalid + bom).Message + ".");
        }

        var lone = StrictUtf8.IndexOfLoneSurrogateEscape(json.Span);
        return lone >= 0
            ? Problems.BadRequest(request, $"The JSON body escapes a lone surrogate (half of a UTF-16 pair, not a character) at byte offset {lone + bom:N0}; send whole characters.")
            : null;
    }

    /// <summary>JSON that arrived inside a form field (LanguageTool's data): null when its \u escapes are whole characters, else a 400.</summary>
    public static ContentResult? CheckJsonField(HttpRequest request, string field, string json)
    {
        var lone = StrictUtf8.IndexOfLoneSurrogateEscape(System.Text.Encoding.UTF8.GetBytes(json));
        return lone >= 0
            ? Problems.BadRequest(request, $"The field '{field}' escapes a lone surrogate (half of a UTF-16 pair, not a character) at byte offset {lone:N0} of its JSON; send whole characters.")
            : null;
    }

    /// <summary>
    /// A form's bytes, checked before the form reader (which would replace bad bytes with U+FFFD) sees them: an
    /// urlencoded form's values once percent-decoded, a multipart form (text fields only here) as sent, must be UTF-8.
    /// The body is buffered and rewound, so the form is read as usual afterwards. Null when it is fine.
    /// </summary>
    public static async Task<ContentResult?> CheckFormBytesAsync(HttpRequest request, long cap, string limitSays, CancellationToken cancellationToken)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: cap + 1);
        var (body, problem) = await ReadCappedAsync(request, cap, limitSays, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        request.Body.Position = 0;
        var urlEncoded = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var bytes = urlEncoded ? PercentDecoded(body.Span) : body.ToArray();
        var invalid = StrictUtf8.IndexOfInvalid(bytes);
        if (invalid < 0)
        {
            return null;
        }

        return Problems.BadRequest(request, urlEncoded
            ? $"The form is not valid UTF-8: byte {invalid:N0} of its percent-decoded values does not start a valid sequence."
            : InvalidTextException.AtByte("The form", invalid).Message + ".");
    }

    /// <summary>The body with every %XX turned into its byte (a stray % is kept as it is).</summary>
    private static byte[] PercentDecoded(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var n = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'%' && i + 2 < body.Length && Hex(body[i + 1]) is >= 0 and var high && Hex(body[i + 2]) is >= 0 and var low)
            {
                output[n++] = (byte)(high * 16 + low);
                i += 2;
            }
            else
            {
                output[n++] = body[i];
            }
        }

        return output[..n];
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
