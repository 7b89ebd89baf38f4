using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/jobs/{id}.</summary>
public sealed class GetJobFunction(GetJobHandler handler)
{
    [Function(nameof(GetJob))]
    public Task<IActionResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
