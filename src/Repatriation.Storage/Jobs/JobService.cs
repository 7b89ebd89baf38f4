using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Core.Input;

namespace Repatriation.Storage.Jobs;

/// <summary>One manuscript submitted in a job: its file name decides how it is read (.txt, .md, .html, .docx).</summary>
public sealed record SubmittedManuscript(string Name, byte[] Content);

/// <summary>
/// Submits jobs (upload, record, one queue message per new manuscript) and reports their state. A
/// manuscript submitted again with the same name and content reuses its upload, message and reports.
/// </summary>
public sealed partial class JobService(IJobStorage storage, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobService> logger)
{
    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex JobId();

    private JobsOptions Options => options.Value;

    public string StorageKind => storage.Kind;

    public async Task<JobRecord> SubmitAsync(IReadOnlyList<SubmittedManuscript> manuscripts, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var entries = new List<JobEntry>(manuscripts.Count);
        foreach (var manuscript in manuscripts)
        {
            var key = JobJson.KeyFor(manuscript.Name, manuscript.Content);
            var blob = $"{ManuscriptProcessor.JobUploadPrefix}{key}/{SafeFileName(manuscript.Name)}";
            await storage.TryCreateAsync(Options.ManuscriptsContainer, blob, BinaryData.FromBytes(manuscript.Content), cancellationToken);
            entries.Add(new JobEntry(manuscript.Name, key, blob));
        }

        var record = new JobRecord(id, time.GetUtcNow(), entries);
        // The record is written before any message is sent, so a GET right after the 202 finds it.
        await storage.PutAsync(Options.JobsContainer, $"{id}.json", JobJson.Serialize(record), cancellationToken: cancellationToken);

        var enqueued = 0;
        foreach (var entry in entries.DistinctBy(e => e.Key))
        {
            if (await EnqueueIfNewAsync(entry, cancellationToken))
            {
                enqueued++;
            }
        }

        logger.LogInformation("Job {JobId}: {Count} manuscripts, {New} queued, the rest already checked or queued", id, entries.Count, enqueued);
        return record;
    }

    /// <summary>The job with each manuscript's state and report; null for an unknown id.</summary>
    public async Task<JobStatus?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!JobId().IsMatch(id) || await storage.GetAsync(Options.JobsContainer, $"{id}.json", cancellationToken) is not { } data)
        {
            return null;
        }

        var record = JobJson.Deserialize<JobRecord>(data);
        var known = new Dictionary<string, ManuscriptStatus>(StringComparer.Ordinal);
        var statuses = new List<ManuscriptStatus>(record.Manuscripts.Count);
        foreach (var entry in record.Manuscripts)
        {
            if (!known.TryGetValue(entry.Key, out var status))
            {
                known[entry.Key] = status = await StatusOfAsync(entry, cancellationToken);
            }

            statuses.Add(status with { Name = entry.Name });
        }

        var state = statuses.All(s => s.State is JobStates.Done or JobStates.Failed) ? JobStates.Completed
            : statuses.Any(s => s.State != JobStates.Queued) ? JobStates.Running
            : JobStates.Queued;
        return new JobStatus(record.Id, state, statuses) { Storage = storage.Kind, CreatedAt = record.CreatedAt };
    }

    private async Task<ManuscriptStatus> StatusOfAsync(JobEntry entry, CancellationToken cancellationToken)
    {
        var reportBase = ManuscriptProcessor.JobReportBase(entry.Key);
        if (await storage.GetAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.JsonSuffix, cancellationToken) is { } report)
        {
            return new ManuscriptStatus(entry.Name, JobStates.Done, JsonNode.Parse(report.ToString()), null)
            {
                ReportBlobs = ManuscriptProcessor.ReportBlobs(reportBase),
            };
        }

        if (await storage.GetAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.ErrorSuffix, cancellationToken) is { } error)
        {
            return new ManuscriptStatus(entry.Name, JobStates.Failed, null, JobJson.Deserialize<ErrorRecord>(error).Error);
        }

        var running = await storage.GetMetadataAsync(Options.JobsContainer, $"running/{entry.Key}", cancellationToken) is not null;
        return new ManuscriptStatus(entry.Name, running ? JobStates.Running : JobStates.Queued, null, null);
    }

    /// <summary>
    /// Sends the manuscript's message unless it has a report, a final error, or a message already on its way
    /// (the pending marker, created only if absent, lets exactly one submission send it).
    /// </summary>
    private async Task<bool> EnqueueIfNewAsync(JobEntry entry, CancellationToken cancellationToken)
    {
        var reportBase = ManuscriptProcessor.JobReportBase(entry.Key);
        if (await storage.GetMetadataAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.JsonSuffix, cancellationToken) is not null)
        {
            return false;
        }

        var pending = $"pending/{entry.Key}";
        if (await storage.GetMetadataAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.ErrorSuffix, cancellationToken) is { } error)
        {
            if (!error.TryGetValue("retryable", out var retryable) || retryable != "true")
            {
                return false;
            }

            // It failed for a reason outside the manuscript: a new submission is a new try.
            await storage.DeleteAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.ErrorSuffix, cancellationToken);
            await storage.DeleteAsync(Options.JobsContainer, pending, cancellationToken);
        }

        if (!await storage.TryCreateAsync(Options.JobsContainer, pending, BinaryData.FromString(time.GetUtcNow().ToString("O")), cancellationToken))
        {
            return false;
        }

        try
        {
            await storage.EnqueueAsync(JobJson.Serialize(new WorkItem(entry.Key, entry.Name, entry.Blob)).ToString(), cancellationToken);
            return true;
        }
        catch
        {
            await storage.DeleteAsync(Options.JobsContainer, pending, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The file name part, safe as a blob name segment; the extension (which decides the format) kept.</summary>
    private static string SafeFileName(string name)
    {
        var file = name.Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "manuscript.txt";
        var safe = new string(file.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return safe.Length > 200 ? safe[^200..] : safe;
    }
}
