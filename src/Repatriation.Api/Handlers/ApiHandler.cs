using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Core.Input;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Handlers;

/// <summary>
/// A route's handler, called the same way by its function and by `serve`. Every failure becomes a
/// problem+json answer here, so neither host can leak a stack trace.
/// </summary>
public abstract class ApiHandler(ILogger logger)
{
    /// <summary>
    /// Runs the handler within the request's time budget (<see cref="ApiOptions.RequestTimeoutSeconds"/>): the token
    /// it gets is cancelled when the client leaves, the host stops, or the budget runs out, and the engine stops there.
    /// </summary>
    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var seconds = request.HttpContext.RequestServices?.GetService<IOptions<ApiOptions>>()?.Value.RequestTimeoutSeconds ?? 0;
        // The host stopping (SIGTERM, Ctrl+C) ends the work too: a long check must not hold the process up.
        var stopping = request.HttpContext.RequestServices?.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        CancellationTokenSource? budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted, stopping);
        if (seconds > 0)
        {
            budget!.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        try
        {
            var result = await HandleCoreAsync(request, budget!.Token);
            if (result is StreamedReportResult streamed)
            {
                // The check goes on while the answer is written: the budget, and how its failures are answered, go with it.
                var adopted = budget;
                streamed.Adopt(adopted, e => Failure(e, request, cancellationToken, stopping, adopted, seconds));
                budget = null;
            }

            return result;
        }
        catch (Exception e)
        {
            return Failure(e, request, cancellationToken, stopping, budget!, seconds);
        }
        finally
        {
            budget?.Dispose();
        }
    }

    /// <summary>How a failure is answered: a problem with the right status, never a stack trace.</summary>
    private IActionResult Failure(Exception exception, HttpRequest request, CancellationToken cancellationToken, CancellationToken stopping, CancellationTokenSource budget, int seconds)
    {
        switch (exception)
        {
            case FactSetUnavailableException e:
                return Problems.Unavailable(request, e.Message);
            case Repatriation.Storage.Jobs.JobStorageUnavailableException e:
                logger.LogWarning("{Method} {Path}: {Reason}", request.Method, request.Path.Value, e.Message);
                request.HttpContext.Response.Headers.RetryAfter = ((int)Repatriation.Storage.Jobs.JobStorageUnavailableException.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Create(request, StatusCodes.Status503ServiceUnavailable, "Job storage is unavailable", e.Message);
            case OperationCanceledException when cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested:
                // The client went away; nobody will read an answer.
                return new StatusCodeResult(499);
            case OperationCanceledException when stopping.IsCancellationRequested:
                return Problems.Create(request, StatusCodes.Status503ServiceUnavailable, "The server is stopping", "The server is shutting down; send the request again once it is back.");
            case OperationCanceledException when budget.IsCancellationRequested:
                logger.LogWarning("{Method} {Path} ran out of its time budget of {Seconds} s", request.Method, request.Path.Value, seconds);
                return Problems.Create(request, StatusCodes.Status503ServiceUnavailable, "The request took too long",
                    $"The server stopped this request after its time budget of {seconds:N0} s. Send a shorter text, or submit it as a job (POST /api/jobs), which has no such budget.");
            case BadHttpRequestException e:
                // The server refused the body itself: a malformed chunk, a body over its limit, a client too slow to send.
                return Problems.Create(request, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large" : "The request is malformed",
                    $"The request body could not be read: {e.Message}");
            case InvalidTextException e:
                return Problems.BadRequest(request, e.Message + ".");
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", request.Method, request.Path.Value);
                return Problems.Unexpected(request);
        }
    }

    protected abstract Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken);
}
