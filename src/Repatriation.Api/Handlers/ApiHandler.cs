using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Handlers;

/// <summary>
/// A route's handler, called the same way by its function and by `serve`. Every failure becomes a
/// problem+json answer here, so neither host can leak a stack trace.
/// </summary>
public abstract class ApiHandler(ILogger logger)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await HandleCoreAsync(request, cancellationToken);
        }
        catch (FactSetUnavailableException e)
        {
            return Problems.Unavailable(request, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody will read an answer.
            return new StatusCodeResult(499);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error on {Method} {Path}", request.Method, request.Path.Value);
            return Problems.Unexpected(request);
        }
    }

    protected abstract Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken);
}
