using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/openapi.json.</summary>
public sealed class OpenApiFunction(OpenApiHandler handler)
{
    [Function(nameof(OpenApi))]
    public Task<IActionResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
