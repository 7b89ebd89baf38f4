using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Repatriation.Api.Handlers;

/// <summary>
/// A report written into the response while the text is being checked: the check runs on a worker that writes into a
/// pipe, and the pipe is copied to the client as it fills (the worker waits while the client is slow). The first
/// <see cref="HeldBackBytes"/> are held back, so a check that fails early (the time budget, the server stopping) is
/// still answered with a problem and its status code; once the answer has started, a failure cuts the connection, so
/// no client mistakes a partial report for a whole one. <see cref="ApiHandler"/> hands over the request's budget and
/// the way its failures are answered, as the work goes on after the handler returns.
/// </summary>
public sealed class StreamedReportResult(string contentType, Action<Stream, CancellationToken> write, ILogger logger) : IActionResult
{
    public const int HeldBackBytes = 64 * 1024;

    private const long PauseWriterBytes = 1024 * 1024;

    private CancellationTokenSource? _budget;
    private Func<Exception, IActionResult>? _failure;

    /// <summary>An attachment's file name (Content-Disposition), for downloads.</summary>
    public string? FileName { get; init; }

    /// <summary>Takes over the request's time budget (disposed when the answer ends) and how a failure is answered.</summary>
    internal void Adopt(CancellationTokenSource budget, Func<Exception, IActionResult> failure)
    {
        _budget = budget;
        _failure = failure;
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_budget?.Token ?? CancellationToken.None, http.RequestAborted);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseWriterBytes, resumeWriterThreshold: PauseWriterBytes / 2, useSynchronizationContext: false));
        var producer = Task.Run(() =>
        {
            try
            {
                using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                {
                    write(stream, stop.Token);
                }

                pipe.Writer.Complete();
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
            }
        });

        var started = false;
        try
        {
            var read = await pipe.Reader.ReadAsync();
            while (!read.IsCompleted && read.Buffer.Length < HeldBackBytes)
            {
                pipe.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                read = await pipe.Reader.ReadAsync();
            }

            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            if (FileName is not null)
            {
                response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
            }

            started = true;
            while (true)
            {
                foreach (var segment in read.Buffer)
                {
                    await response.Body.WriteAsync(segment, stop.Token);
                }

                pipe.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }

                read = await pipe.Reader.ReadAsync();
            }
        }
        catch (Exception e) when (!started && _failure is not null)
        {
            await WriteAsync(http.Response, _failure(e));
        }
        catch (Exception e) when (started)
        {
            // Too late for a status code: cut the answer off rather than end it as if it were whole.
            logger.LogWarning("Stopped a streamed report of {Path} after it had started: {Reason}", http.Request.Path.Value, e.Message);
            http.Abort();
        }
        finally
        {
            await stop.CancelAsync();
            await pipe.Reader.CompleteAsync();
            await producer;
            _budget?.Dispose();
        }
    }

    /// <summary>A problem (or bare status) answered in place of the report, written directly so no result executor is needed.</summary>
    private static async Task WriteAsync(HttpResponse response, IActionResult result)
    {
        switch (result)
        {
            case ContentResult content:
                response.StatusCode = content.StatusCode ?? StatusCodes.Status200OK;
                response.ContentType = content.ContentType;
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(content.Content ?? ""));
                break;
            case StatusCodeResult status:
                response.StatusCode = status.StatusCode;
                break;
            default:
                throw new InvalidOperationException($"A failed report is answered with content or a status code, not {result.GetType().Name}.");
        }
    }
}
