using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Storage.Jobs;

namespace Repatriation.Api.Handlers;

/// <summary>GET /api/jobs/{id}: the job's state and each manuscript's state with its report or error; 404 for an unknown id.</summary>
public sealed class GetJobHandler(JobService jobs, JobBaselines baselines, ILogger<GetJobHandler> logger) : ApiHandler(logger)
{
    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The id is the path's last segment, so the function app and `serve` read it the same way.
        var id = request.Path.Value?.TrimEnd('/').Split('/').LastOrDefault() ?? "";
        var status = await jobs.GetAsync(id, cancellationToken);
        return status is null
            ? Problems.Create(request, StatusCodes.Status404NotFound, "No such job", $"There is no job with id '{id}'.")
            : Problems.Json(await baselines.ApplyAsync(status, cancellationToken));
    }
}
