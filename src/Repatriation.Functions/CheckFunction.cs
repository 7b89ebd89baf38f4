using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>POST /api/check.</summary>
public sealed class CheckFunction(CheckHandler handler)
{
    [Function(nameof(Check))]
    public Task<IActionResult> Check(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "check")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
