using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Repatriation.Cli.Tests;

/// <summary>
/// Hostile and careless HTTP requests against `serve`, sent as raw bytes so nothing in a client library tidies them
/// up. Every one must be answered with its status and an application/problem+json body whose detail says what was
/// wrong: never a 500, never an empty body, never a stack trace.
/// </summary>
public sealed class ServeHostileRequestTests : IAsyncLifetime
{
    private ServeHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ServeHost.StartAsync("http://127.0.0.1:0", new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "65536" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Json(string body) => body;

    private static string Post(string path, string contentType, string body, string? extraHeaders = null) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n{extraHeaders}Connection: close\r\n\r\n{body}";

    private static byte[] PostBytes(string path, string contentType, byte[] body, string? extraHeaders = null) =>
        [.. Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n{extraHeaders}Connection: close\r\n\r\n"), .. body];

    private static string Get(string path, string? extraHeaders = null, string host = "127.0.0.1") =>
        $"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extraHeaders}Connection: close\r\n\r\n";

    /// <summary>Each: a name, the raw request, and the status it must get.</summary>
    public static TheoryData<string, string, int> TextRequests => new()
    {
        { "unknown route", Get("/api/nowhere"), 404 },
        { "unknown route outside /api", Get("/"), 404 },
        { "path traversal", Get("/api/../../etc/passwd"), 404 },
        { "wrong method on check", Get("/api/check"), 405 },
        { "DELETE on health", "DELETE /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 405 },
        { "PUT on jobs", "PUT /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405 },
        { "over-long URL", Get("/api/health?" + new string('a', 20_000)), 414 },
        { "over-large headers", Get("/api/health", string.Concat(Enumerable.Range(0, 40).Select(i => $"X-Filler-{i}: {new string('b', 1000)}\r\n"))), 431 },
        { "lone surrogate escape", Post("/api/check", "application/json", "{\"text\":\"\\ud800\"}"), 400 },
        { "lone low surrogate escape", Post("/api/check", "application/json", "{\"text\":\"In 1945 \\udc00\"}"), 400 },
        { "high surrogate then a letter", Post("/api/check", "application/json", "{\"text\":\"\\ud800\\u0041\"}"), 400 },
        { "utf-7 charset", Post("/api/check", "text/plain; charset=utf-7", "In 1945 +AGEAYQ-"), 415 },
        { "latin-1 charset", Post("/api/check", "text/plain; charset=iso-8859-1", "In 1945"), 415 },
        { "utf-16 charset on JSON", Post("/api/check", "application/json; charset=utf-16", "{\"text\":\"x\"}"), 415 },
        { "made-up charset", Post("/api/check", "text/plain; charset=klingon", "In 1945"), 415 },
        { "xml body", Post("/api/check", "application/xml", "<text/>"), 415 },
        { "no content type", "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\ntext", 415 },
        { "garbage content type", Post("/api/check", ";;;", "x"), 415 },
        { "JSON array", Post("/api/check", "application/json", "[1,2,3]"), 400 },
        { "JSON text is a number", Post("/api/check", "application/json", "{\"text\":1945}"), 400 },
        { "JSON truncated", Post("/api/check", "application/json", "{\"text\":\"In 1945"), 400 },
        { "JSON two values", Post("/api/check", "application/json", "{\"text\":\"a\"}{\"text\":\"b\"}"), 400 },
        { "JSON deeply nested", Post("/api/check", "application/json", "{\"x\":" + new string('[', 5000) + new string(']', 5000) + ",\"text\":\"a\"}"), 400 },
        { "empty JSON body", Post("/api/check", "application/json", ""), 400 },
        { "declared length over the limit", "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\nabc", 413 },
        { "malformed chunk size", "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n", 400 },
        { "chunked body over the limit", "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + string.Concat(Enumerable.Repeat("4000\r\n" + new string('1', 0x4000) + "\r\n", 6)) + "0\r\n\r\n", 413 },
        { "bad stringIndexType", Post("/api/check?stringIndexType=Bytes", "application/json", "{\"text\":\"a\"}"), 400 },
        { "unknown job id", Get("/api/jobs/0123456789abcdef0123456789abcdef"), 404 },
        { "job id with traversal", Get("/api/jobs/..%2F..%2Fjobs"), 404 },
        { "jobs with no manuscripts", Post("/api/jobs", "application/json", "{\"manuscripts\":[]}"), 400 },
        { "job manuscript named ..", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"..\",\"text\":\"In 1945\"}]}"), 400 },
        { "job manuscript named x/..", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"x/..\",\"text\":\"In 1945\"}]}"), 400 },
        { "job manuscript named with a backslash", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"a\\\\b.txt\",\"text\":\"In 1945\"}]}"), 400 },
        { "job manuscript named with a control character", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"a\\u0007.txt\",\"text\":\"In 1945\"}]}"), 400 },
        { "job manuscript named .", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\".\",\"text\":\"In 1945\"}]}"), 400 },
        { "job lone surrogate", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"a.txt\",\"text\":\"\\udbff\"}]}"), 400 },
        { "job JSON truncated", Post("/api/jobs", "application/json", "{\"manuscripts\":[{\"name\":\"a.txt\""), 400 },
        { "job XML", Post("/api/jobs", "application/xml", "<jobs/>"), 415 },
        { "LanguageTool no text", Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US"), 400 },
        { "LanguageTool bad percent-encoding byte", Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US&text=In%201945%FF"), 400 },
        { "LanguageTool data with a lone surrogate", Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US&data=" + Uri.EscapeDataString("{\"annotation\":[{\"text\":\"\\ud800 In 1945\"}]}")), 400 },
        { "LanguageTool data markup interpreted as a lone surrogate", Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US&data=" + Uri.EscapeDataString("{\"annotation\":[{\"markup\":\"<b>\",\"interpretAs\":\"\\udc00\"}]}")), 400 },
        { "LanguageTool JSON body", Post("/api/v2/check", "application/json", "{\"text\":\"a\"}"), 415 },
        { "report download bad format", Post("/api/report?format=pdf", "application/json", "{\"text\":\"a\"}"), 400 },
        { "report download lone surrogate", Post("/api/report?format=json", "application/json", "{\"text\":\"\\ud800\"}"), 400 },
        { "document text not multipart", Post("/api/documents/text", "text/plain", "hello"), 415 },
        { "rebinding Host", Get("/api/factset", host: "evil.example"), 403 },
        { "rebinding Host with a port", Get("/api/factset", host: "attacker.test:7071"), 403 },
        { "cross-site form post", Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US&text=In%201945", "Origin: https://evil.example\r\n"), 403 },
        { "cross-site multipart post", Post("/api/jobs", "multipart/form-data; boundary=b", "--b--\r\n", "Sec-Fetch-Site: cross-site\r\n"), 403 },
        { "cross-site text/plain post", Post("/api/check", "text/plain", "In 1945", "Origin: null\r\n"), 403 },
    };

    public static TheoryData<string, byte[], int> ByteRequests => new()
    {
        { "invalid UTF-8 inside JSON", PostBytes("/api/check", "application/json", [.. "{\"text\":\"In 1945 "u8, 0xFF, .. "\"}"u8]), 400 },
        { "overlong encoding inside JSON", PostBytes("/api/check", "application/json", [.. "{\"text\":\""u8, 0xC0, 0xAF, .. "\"}"u8]), 400 },
        { "invalid UTF-8 text/plain", PostBytes("/api/check", "text/plain", [.. "In 1945 "u8, 0xC3, 0x28]), 400 },
        { "encoded surrogate text/plain", PostBytes("/api/check", "text/plain; charset=utf-8", [0xED, 0xA0, 0x80]), 400 },
        { "random bytes as JSON", PostBytes("/api/check", "application/json", RandomBytes(3000, 1)), 400 },
        { "random bytes as text", PostBytes("/api/check", "text/plain", RandomBytes(3000, 2)), 400 },
        { "invalid UTF-8 inside a job", PostBytes("/api/jobs", "application/json", [.. "{\"manuscripts\":[{\"name\":\"a.txt\",\"text\":\"x"u8, 0xFE, .. "\"}]}"u8]), 400 },
        { "invalid UTF-8 in a multipart LanguageTool form", PostBytes("/api/v2/check", "multipart/form-data; boundary=b",
            [.. "--b\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen-US\r\n--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nIn 1945 "u8, 0xFF, .. "\r\n--b--\r\n"u8]), 400 },
    };

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0xFF;
        return bytes;
    }

    [Theory]
    [MemberData(nameof(TextRequests))]
    public async Task Serve_HostileRequest_AnswersProblemJsonWithItsStatus(string name, string request, int status) =>
        await AssertProblemAsync(name, Encoding.UTF8.GetBytes(request), status);

    [Theory]
    [MemberData(nameof(ByteRequests))]
    public async Task Serve_HostileBytes_AnswersProblemJsonWithItsStatus(string name, byte[] request, int status) =>
        await AssertProblemAsync(name, request, status);

    [Fact]
    public async Task Serve_ByteOrderMarkBeforeJson_IsAcceptedAndDropped()
    {
        var (status, contentType, body) = await SendAsync(PostBytes("/api/check", "application/json", [0xEF, 0xBB, 0xBF, .. "{\"text\":\"In 1945 the British handed over 2,272,000.\"}"u8]));

        Assert.Equal(200, status);
        Assert.Equal("application/json", contentType);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("In 1945 the British handed over 2,272,000.".Length, report.RootElement.GetProperty("document").GetProperty("characters").GetInt32());
    }

    [Fact]
    public async Task Serve_InvalidUtf8InJson_NamesTheByteOffset()
    {
        var (_, _, body) = await SendAsync(PostBytes("/api/check", "application/json", [.. "{\"text\":\"In 1945 "u8, 0xFF, .. "\"}"u8]));

        Assert.Contains("offset 17", body);
    }

    [Fact]
    public async Task Serve_SameSiteFormPost_IsAnswered()
    {
        var port = _host.BaseAddress.Port;
        var (status, _, _) = await SendAsync(Encoding.UTF8.GetBytes(
            Post("/api/v2/check", "application/x-www-form-urlencoded", "language=en-US&text=In%201945", $"Origin: http://127.0.0.1:{port}\r\nSec-Fetch-Site: same-origin\r\n").Replace("Host: 127.0.0.1", $"Host: 127.0.0.1:{port}")));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Serve_WithAKey_AnswersAnyHostThatSendsIt()
    {
        await using var keyed = await ServeHost.StartAsync("http://127.0.0.1:0", [new("Api:Key", "k-123")]);

        var (status, _, _) = await SendAsync(Encoding.UTF8.GetBytes(Get("/api/factset", "x-functions-key: k-123\r\n", host: "checker.example.org")), keyed);

        Assert.Equal(200, status);
    }

    private async Task AssertProblemAsync(string name, byte[] request, int expected)
    {
        var (status, contentType, body) = await SendAsync(request);

        Assert.True(expected == status, $"{name}: expected {expected}, got {status}: {body}");
        Assert.True(contentType == "application/problem+json", $"{name}: content type {contentType}, body {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), name);
        Assert.DoesNotContain("   at ", body);
    }

    private Task<(int Status, string? ContentType, string Body)> SendAsync(byte[] request) => SendAsync(request, _host);

    /// <summary>Sends the bytes as they are and reads the whole response (the request says Connection: close).</summary>
    private static async Task<(int Status, string? ContentType, string Body)> SendAsync(byte[] request, ServeHost host)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", host.BaseAddress.Port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request);
        }
        catch (IOException)
        {
            // The server may answer and close before reading everything; the answer is what matters.
        }

        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (IOException)
        {
        }

        var bytes = response.ToArray();
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(headerEnd > 0, $"no HTTP response: '{Encoding.UTF8.GetString(bytes)}'");
        var head = Encoding.ASCII.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = head.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?["Content-Type:".Length..].Trim().Split(';')[0];
        var body = bytes[(headerEnd + 4)..];
        if (head.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Unchunk(body);
        }

        return (status, contentType, Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] body)
    {
        var result = new MemoryStream();
        var i = 0;
        while (i < body.Length)
        {
            var lineEnd = body.AsSpan(i).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, i, lineEnd).Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            result.Write(body, i + lineEnd + 2, size);
            i += lineEnd + 2 + size + 2;
        }

        return result.ToArray();
    }
}
