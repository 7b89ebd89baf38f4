using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/health, anonymous so probes need no key.</summary>
public sealed class HealthFunction(HealthHandler handler)
{
    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
