using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Storage.FactSets;
using Repatriation.Storage.Jobs;

namespace Repatriation.Api.Handlers;

/// <summary>
/// GET /api/health: 200 while a valid fact set is loaded (saying "degraded" and why when its storage
/// or its latest version is failing), 503 with the reason when there is none.
/// </summary>
public sealed class HealthHandler(IFactSetSource source, IJobStorage jobStorage, JobService jobService, ILogger<HealthHandler> logger) : ApiHandler(logger)
{
    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Job storage is asked one cheap question (bounded by Jobs:StorageTimeoutSeconds); the fact set alone decides the status code.
        var jobStorageProblem = jobStorage is InMemoryJobStorage ? null : await jobService.ProbeAsync(cancellationToken);
        var status = source.Status;
        if (status.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable(request, status.Reason ?? "No fact set is loaded.", FactSetHandler.StatusExtensions(status));
        }

        var body = new
        {
            state = status.State,
            reason = status.Reason,
            factSet = new { id = snapshot.FactSet.Id, version = snapshot.FactSet.Version, etag = snapshot.ETag, origin = snapshot.Origin },
            lastAttemptAt = status.LastAttemptAt,
            lastError = status.LastError,
            jobs = new
            {
                storage = jobStorage.Kind,
                state = jobStorageProblem is null ? "available" : "unavailable",
                error = jobStorageProblem,
                note = jobStorage is InMemoryJobStorage ? "AzureWebJobsStorage is not set: jobs and their reports are kept in memory and lost when the service stops." : null,
            },
        };
        return Problems.Json(body);
    }
}
