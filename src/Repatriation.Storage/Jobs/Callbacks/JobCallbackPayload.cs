using System.Text.Json.Nodes;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>The body POSTed to a job's callback URL: the job's summary, each manuscript's counts and where its reports are.</summary>
public sealed record JobCallbackPayload(
    string Event,
    string DeliveryId,
    string Id,
    string State,
    DateTimeOffset CompletedAt,
    string Location,
    IReadOnlyList<JobCallbackManuscript> Manuscripts)
{
    public static JobCallbackPayload From(JobStatus job, string deliveryId, DateTimeOffset completedAt, string reportsContainer) => new(
        JobCallbackSigner.CompletedEvent,
        deliveryId,
        job.Id,
        job.State,
        completedAt,
        $"/api/jobs/{job.Id}",
        job.Manuscripts.Select(m => new JobCallbackManuscript(
            m.Name,
            m.State,
            m.Report?["summary"] is JsonObject summary ? Summary(summary) : null,
            m.Error,
            m.ReportBlobs is { Count: > 0 } blobs ? new JobCallbackReports(reportsContainer, blobs) : null)).ToList());

    /// <summary>The counts only: stale decisions and other lists stay in the report.</summary>
    private static JsonObject Summary(JsonObject summary)
    {
        var counts = new JsonObject();
        foreach (var (name, value) in summary)
        {
            if (value is JsonValue)
            {
                counts[name] = value.DeepClone();
            }
        }

        return counts;
    }
}

public sealed record JobCallbackManuscript(string Name, string State, JsonObject? Summary, string? Error, JobCallbackReports? Reports);

/// <summary>Where a manuscript's reports are: blob names in the reports container (JSON, SARIF, HTML).</summary>
public sealed record JobCallbackReports(string Container, IReadOnlyList<string> Blobs);
