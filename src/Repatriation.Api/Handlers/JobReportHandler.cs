using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Storage.Jobs;

namespace Repatriation.Api.Handlers;

/// <summary>
/// GET /api/jobs/{id}/manuscripts/{index}/report: one manuscript's JSON report, streamed from storage as written,
/// so a poll of a large job can link its reports instead of carrying them all. 404 until the report exists.
/// </summary>
public sealed class JobReportHandler(JobService jobs, ILogger<JobReportHandler> logger) : ApiHandler(logger)
{
    protected override async Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The path's segments, so the function app and `serve` read them the same way: …/jobs/{id}/manuscripts/{index}/report.
        var segments = request.Path.Value?.TrimEnd('/').Split('/') ?? [];
        var id = segments.Length >= 4 ? segments[^4] : "";
        if (segments.Length < 4 || !int.TryParse(segments[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return Problems.BadRequest(request, "The route is /api/jobs/{id}/manuscripts/{index}/report, with index counting the job's manuscripts from 0.");
        }

        var report = await jobs.GetReportAsync(id, index, cancellationToken);
        return report is null
            ? Problems.Create(request, StatusCodes.Status404NotFound, "No such report", $"Job '{id}' has no report for manuscript {index} (unknown job, index out of range, or not checked yet).")
            : new FileStreamResult(report.ToStream(), "application/json; charset=utf-8");
    }
}
