using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Api.Handlers;
using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Tests;

public sealed class CheckHandlerTests
{
    private const string Article =
        "In the spring of 1945 the Western Allies began handing over Soviet citizens at Lienz.\nMore lines follow here.";

    private static CheckHandler Handler(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        TestHost.Build(settings, configure).Services.GetRequiredService<CheckHandler>();

    [Fact]
    public async Task HandleAsync_JsonBody_Returns200WithTheReport()
    {
        var result = await Handler().HandleAsync(TestHost.PostJson(new { text = Article, name = "lienz.txt" }));

        var (status, contentType, body) = TestHost.Read(result);
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        var shipped = FactSetLoader.LoadShipped().FactSet;
        Assert.Equal(shipped.Id, body.GetProperty("factSet").GetProperty("id").GetString());
        Assert.Equal(shipped.Version, body.GetProperty("factSet").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("factSet").GetProperty("etag").ValueKind);
        Assert.Equal("lienz.txt", body.GetProperty("document").GetProperty("name").GetString());
        Assert.Equal(Article.Length, body.GetProperty("document").GetProperty("characters").GetInt32());
        Assert.Equal("Utf16CodeUnit", body.GetProperty("document").GetProperty("stringIndexType").GetString());
        var summary = body.GetProperty("summary");
        var claims = body.GetProperty("claims");
        Assert.Equal(claims.GetArrayLength(), summary.GetProperty("claims").GetInt32());
        Assert.Equal(summary.GetProperty("claims").GetInt32() - summary.GetProperty("supported").GetInt32(), summary.GetProperty("flagged").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("service").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task HandleAsync_TextPlain_Returns200AndTakesTheNameFromTheQuery()
    {
        var request = TestHost.Request("POST", "/api/check", "text/plain; charset=utf-8", Article, "?name=plain.txt");

        var (status, _, body) = TestHost.Read(await Handler().HandleAsync(request));

        Assert.Equal(200, status);
        Assert.Equal("plain.txt", body.GetProperty("document").GetProperty("name").GetString());
        Assert.Equal(Article.Length, body.GetProperty("document").GetProperty("characters").GetInt32());
    }

    [Fact]
    public async Task HandleAsync_TextPlainWithByteOrderMark_LeavesTheMarkOutOfTheText()
    {
        var request = TestHost.Request("POST", "/api/check", "text/plain; charset=utf-8", "\uFEFF" + Article);

        var (status, _, body) = TestHost.Read(await Handler().HandleAsync(request));

        Assert.Equal(200, status);
        Assert.Equal(Article.Length, body.GetProperty("document").GetProperty("characters").GetInt32());
    }

    [Fact]
    public async Task HandleAsync_UnicodeCodePoint_CountsCodePointsNotCodeUnits()
    {
        const string text = "Émigrés 𝔸𝔹 wrote in 1946.";

        var (status, _, body) = TestHost.Read(await Handler().HandleAsync(TestHost.PostJson(new { text }, "?stringIndexType=UnicodeCodePoint")));

        Assert.Equal(200, status);
        Assert.Equal("UnicodeCodePoint", body.GetProperty("document").GetProperty("stringIndexType").GetString());
        Assert.Equal(text.Length - 2, body.GetProperty("document").GetProperty("characters").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("document").GetProperty("name").ValueKind);
    }

    [Theory]
    [InlineData("?stringIndexType=Utf8")]
    [InlineData("?stringIndexType=Utf16CodeUnit&stringIndexType=UnicodeCodePoint")]
    public async Task HandleAsync_BadStringIndexType_Returns400(string query)
    {
        var problem = TestHost.AssertProblem(await Handler().HandleAsync(TestHost.PostJson(new { text = Article }, query)), 400);

        Assert.Contains("stringIndexType", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"text\": \"unterminated", "not valid JSON")]
    [InlineData("{\"name\": \"no text\"}", "\"text\"")]
    [InlineData("{\"text\": 42}", "\"text\"")]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"text\": \"a\"} trailing", "not valid JSON")]
    [InlineData("", "The body is empty")]
    [InlineData("{\"text\": \"ok\", \"name\": 7}", "\"name\"")]
    public async Task HandleAsync_MalformedOrIncompleteJson_Returns400WithADetail(string body, string mentioned)
    {
        var request = TestHost.Request("POST", "/api/check", "application/json", body);

        var problem = TestHost.AssertProblem(await Handler().HandleAsync(request), 400);

        Assert.Contains(mentioned, problem.GetProperty("detail").GetString());
        Assert.Equal("/api/check", problem.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task HandleAsync_OtherContentTypes_Return415(string? contentType)
    {
        var request = TestHost.Request("POST", "/api/check", contentType, "<text>hello</text>");

        var problem = TestHost.AssertProblem(await Handler().HandleAsync(request), 415);

        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HandleAsync_PlainTextOverTheLimit_Returns413WithLimitAndSize()
    {
        var handler = Handler(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "1000" });
        var request = TestHost.Request("POST", "/api/check", "text/plain", new string('x', 1500));

        var problem = TestHost.AssertProblem(await handler.HandleAsync(request), 413);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("1,000", detail);
        Assert.Contains("1,500", detail);
    }

    [Fact]
    public async Task HandleAsync_JsonTextOverTheLimit_Returns413WithTheTextSize()
    {
        var handler = Handler(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "1000" });
        // 600 two-byte characters: 1,200 bytes of UTF-8, over the limit though only 600 characters.
        var request = TestHost.PostJson(new { text = new string('é', 600) });

        var problem = TestHost.AssertProblem(await handler.HandleAsync(request), 413);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("1,200 bytes", detail);
        Assert.Contains("1,000 bytes", detail);
    }

    [Fact]
    public async Task HandleAsync_TextExactlyAtTheLimit_IsAccepted()
    {
        var handler = Handler(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "1000" });
        var request = TestHost.Request("POST", "/api/check", "text/plain", new string('x', 1000));

        var (status, _, _) = TestHost.Read(await handler.HandleAsync(request));

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task HandleAsync_HugeBodyWithoutContentLength_StopsReadingAtTheCap()
    {
        var handler = Handler(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "10000" });
        var request = TestHost.Request("POST", "/api/check", "text/plain");
        var body = new EndlessStream();
        request.Body = body;

        var problem = TestHost.AssertProblem(await handler.HandleAsync(request), 413);

        Assert.Contains("10,000", problem.GetProperty("detail").GetString());
        Assert.InRange(body.BytesRead, 10_001, 10_000 + 64 * 1024);
    }

    [Fact]
    public async Task HandleAsync_DeclaredLengthOverTheCap_Returns413WithoutReadingTheBody()
    {
        var handler = Handler(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "10000" });
        var request = TestHost.Request("POST", "/api/check", "text/plain");
        var body = new EndlessStream();
        request.Body = body;
        request.ContentLength = 50_000_000;

        var problem = TestHost.AssertProblem(await handler.HandleAsync(request), 413);

        Assert.Contains("50,000,000", problem.GetProperty("detail").GetString());
        Assert.Equal(0, body.BytesRead);
    }

    [Fact]
    public async Task HandleAsync_NoFactSetLoaded_Returns503WithTheReason()
    {
        var source = new FakeFactSetSource(new FactSetStatus(FactSetStates.Unavailable, "storage at http://x could not be reached", null, null, null, "refused"));
        var handler = Handler(configure: s => s.AddSingleton<IFactSetSource>(source));

        var problem = TestHost.AssertProblem(await handler.HandleAsync(TestHost.PostJson(new { text = Article })), 503);

        Assert.Contains("could not be reached", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HandleAsync_UnexpectedFailure_Returns500ProblemWithoutInternals()
    {
        var handler = Handler(configure: s => s.AddSingleton<IFactSetSource>(new ThrowingFactSetSource()));

        var problem = TestHost.AssertProblem(await handler.HandleAsync(TestHost.PostJson(new { text = Article })), 500);

        Assert.DoesNotContain("secret", problem.GetRawText());
        Assert.DoesNotContain("InvalidOperationException", problem.GetRawText());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task HandleAsync_ConcurrentChecksDuringSwaps_EachReportUsesOneVersion()
    {
        var a = FakeFactSetSource.Snapshot("version-a", "\"etag-a\"");
        var b = FakeFactSetSource.Snapshot("version-b", "\"etag-b\"");
        var source = FakeFactSetSource.Healthy(a);
        var handler = Handler(configure: s => s.AddSingleton<IFactSetSource>(source));
        using var stop = new CancellationTokenSource();
        var swaps = 0;
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var next = (swaps++ % 2 == 0) ? b : a;
                source.Status = new FactSetStatus(FactSetStates.Healthy, null, next, next.LoadedAt, next.LoadedAt, null);
            }
        });

        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Version, string Etag)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), async (i, _) =>
        {
            var (status, _, body) = TestHost.Read(await handler.HandleAsync(TestHost.PostJson(new { text = Article + i })));
            Assert.Equal(200, status);
            var factSet = body.GetProperty("factSet");
            seen.Add((factSet.GetProperty("version").GetString()!, factSet.GetProperty("etag").GetString()!));
        });
        await stop.CancelAsync();
        await swapper;

        Assert.True(swaps > 1);
        Assert.All(seen, s => Assert.Equal(s.Version == "version-a" ? "\"etag-a\"" : "\"etag-b\"", s.Etag));
        Assert.All(seen, s => Assert.Contains(s.Version, new[] { "version-a", "version-b" }));
    }

    /// <summary>A body that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill((byte)'a');
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
