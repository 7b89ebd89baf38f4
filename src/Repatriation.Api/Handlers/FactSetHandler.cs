using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Handlers;

/// <summary>GET /api/factset: which fact set decides verdicts now, where it came from and how its refreshes go.</summary>
public sealed class FactSetHandler(IFactSetSource source, ILogger<FactSetHandler> logger) : ApiHandler(logger)
{
    protected override Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var status = source.Status;
        if (status.Snapshot is not { } snapshot)
        {
            return Task.FromResult<IActionResult>(Problems.Unavailable(request, status.Reason ?? "No fact set is loaded.", StatusExtensions(status)));
        }

        var factSet = snapshot.FactSet;
        var body = new
        {
            id = factSet.Id,
            version = factSet.Version,
            etag = snapshot.ETag,
            title = factSet.Title,
            counts = Counts(factSet),
            loadedAt = snapshot.LoadedAt,
            origin = snapshot.Origin,
            source = snapshot.Origin.StartsWith("shipped:", StringComparison.Ordinal) ? "shipped" : "blob",
            state = status.State,
            reason = status.Reason,
            refreshSeconds = source.RefreshInterval?.TotalSeconds,
            lastAttemptAt = status.LastAttemptAt,
            lastSuccessAt = status.LastSuccessAt,
            lastError = status.LastError,
        };
        return Task.FromResult<IActionResult>(Problems.Json(body));
    }

    public static IReadOnlyDictionary<string, int> Counts(FactSet factSet) => new Dictionary<string, int>
    {
        ["sources"] = factSet.Sources.Count,
        ["people"] = factSet.People.Count,
        ["populations"] = factSet.Populations.Count,
        ["places"] = factSet.Places.Count,
        ["measures"] = factSet.Measures.Count,
        ["facts"] = factSet.Facts.Count,
        ["works"] = factSet.Works.Count,
        ["quotations"] = factSet.Quotations.Count,
        ["acts"] = factSet.Acts.Count,
    };

    internal static IReadOnlyDictionary<string, object?> StatusExtensions(FactSetStatus status) => new Dictionary<string, object?>
    {
        ["state"] = status.State,
        ["reason"] = status.Reason,
        ["lastAttemptAt"] = status.LastAttemptAt,
        ["lastError"] = status.LastError,
    };
}
