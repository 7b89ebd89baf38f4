using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/factset.</summary>
public sealed class FactSetFunction(FactSetHandler handler)
{
    [Function(nameof(FactSet))]
    public Task<IActionResult> FactSet(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "factset")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
