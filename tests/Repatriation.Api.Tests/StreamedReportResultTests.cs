using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Repatriation.Api.Handlers;

namespace Repatriation.Api.Tests;

/// <summary>
/// A report streamed while it is checked: a failure before the first bytes go out is still a problem with its status;
/// after they have gone out, the connection is cut rather than the answer ended as if it were whole.
/// </summary>
public sealed class StreamedReportResultTests
{
    private sealed class Streaming(Action<Stream, CancellationToken> write) : ApiHandler(NullLogger.Instance)
    {
        protected override Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IActionResult>(new StreamedReportResult("application/json; charset=utf-8", write, NullLogger.Instance));
    }

    private sealed class RecordingLifetime : IHttpRequestLifetimeFeature
    {
        public CancellationToken RequestAborted { get; set; }
        public bool Aborted { get; private set; }
        public void Abort() => Aborted = true;
    }

    private static async Task<(HttpContext Context, RecordingLifetime Lifetime, byte[] Body)> RunAsync(Action<Stream, CancellationToken> write, CancellationToken cancellationToken = default)
    {
        var request = TestHost.Request("POST", "/api/check", "application/json", "{}");
        var result = await new Streaming(write).HandleAsync(request, cancellationToken);
        var context = new DefaultHttpContext();
        var lifetime = new RecordingLifetime();
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        return (context, lifetime, ((MemoryStream)context.Response.Body).ToArray());
    }

    [Fact]
    public async Task Execute_WholeReport_AnsweredAsWritten()
    {
        var report = Encoding.UTF8.GetBytes("{\"claims\": [" + string.Join(",", Enumerable.Repeat("{\"id\": \"c_0123456789abcdef\"}", 20_000)) + "]}");

        var (context, lifetime, body) = await RunAsync((output, _) =>
        {
            for (var i = 0; i < report.Length; i += 1000)
            {
                output.Write(report, i, Math.Min(1000, report.Length - i));
            }
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal(report, body);
        Assert.False(lifetime.Aborted);
    }

    [Fact]
    public async Task Execute_FailsBeforeTheFirstBytesGoOut_ProblemWithItsStatus()
    {
        var (context, lifetime, body) = await RunAsync((output, _) =>
        {
            output.Write(new byte[1000]);
            throw new InvalidOperationException("the engine failed");
        });

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal(Problems.ContentType, context.Response.ContentType);
        Assert.Contains("\"status\":500", Encoding.UTF8.GetString(body).Replace(" ", ""));
        Assert.False(lifetime.Aborted);
    }

    [Fact]
    public async Task Execute_ClientGoneBeforeTheFirstBytes_NoReport()
    {
        using var gone = new CancellationTokenSource();

        var (context, _, body) = await RunAsync((output, token) =>
        {
            gone.Cancel();
            token.ThrowIfCancellationRequested();
            output.Write(new byte[10]);
        }, gone.Token);

        Assert.Equal(499, context.Response.StatusCode);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Execute_FailsAfterTheAnswerStarted_ConnectionCut()
    {
        var (context, lifetime, body) = await RunAsync((output, _) =>
        {
            // More than the pipe takes before the writer waits for the client: the answer has surely started.
            for (var i = 0; i < 64; i++)
            {
                output.Write(new byte[StreamedReportResult.HeldBackBytes]);
            }

            throw new InvalidOperationException("the engine failed");
        });

        Assert.Equal(200, context.Response.StatusCode);
        Assert.True(lifetime.Aborted, "a report cut short must not end like a whole one");
        Assert.True(body.Length >= StreamedReportResult.HeldBackBytes);
    }
}
