using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/jobs/{id}/manuscripts/{index}/report.</summary>
public sealed class GetJobReportFunction(JobReportHandler handler)
{
    [Function(nameof(GetJobReport))]
    public Task<IActionResult> GetJobReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{id}/manuscripts/{index}/report")] HttpRequest request, string id, string index,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
