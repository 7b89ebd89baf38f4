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

    public Task<JobRecord> SubmitAsync(IReadOnlyList<SubmittedManuscript> manuscripts, CancellationToken cancellationToken = default)
    {
        foreach (var manuscript in manuscripts)
        {
            if (ManuscriptNames.Problem(manuscript.Name) is { } problem)
            {
                throw new ArgumentException($"Manuscript '{manuscript.Name}': {problem}.", nameof(manuscripts));
            }
        }

        // Each upload, marker and message gets the storage timeout, and big uploads a second per megabyte on top.
        var budget = TimeSpan.FromSeconds(Options.StorageTimeoutSeconds * (2 + 3 * manuscripts.Count) + manuscripts.Sum(m => (double)m.Content.Length) / 1_000_000);
        return WithStorageAsync(token => SubmitCoreAsync(manuscripts, token), cancellationToken, budget);
    }

    /// <summary>The job with each manuscript's state and its report (or a link to it); null for an unknown id.</summary>
    public async Task<JobStatus?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await WithStorageAsync(token => ReadRecordAsync(id, token), cancellationToken);
        return record is null
            ? null
            : await WithStorageAsync(token => StatusOfAsync(record, token), cancellationToken,
                TimeSpan.FromSeconds(Options.StorageTimeoutSeconds * (1 + 3 * record.Manuscripts.Count)));
    }

    private async Task<JobRecord?> ReadRecordAsync(string id, CancellationToken cancellationToken) =>
        JobId().IsMatch(id) && await storage.GetAsync(Options.JobsContainer, $"{id}.json", cancellationToken) is { } data
            ? JobJson.Deserialize<JobRecord>(data)
            : null;

    /// <summary>
    /// Runs a storage operation within <see cref="JobsOptions.StorageTimeoutSeconds"/>; a storage failure or timeout
    /// becomes <see cref="JobStorageUnavailableException"/> (a 503 with Retry-After), never a 500 after the SDK's retries.
    /// </summary>
    private async Task<T> WithStorageAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken, TimeSpan? budget = null)
    {
        budget ??= TimeSpan.FromSeconds(Options.StorageTimeoutSeconds);
        using var timer = new CancellationTokenSource(budget.Value, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var result = await operation(timeout.Token);
            LastStorageError = null;
            return result;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            LastStorageError = (time.GetUtcNow(), "job storage did not answer in time");
            throw new JobStorageUnavailableException($"Job storage did not answer within {budget.Value.TotalSeconds:0.#} s; try again shortly.", e);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException)
        {
            LastStorageError = (time.GetUtcNow(), e.Message.ReplaceLineEndings(" "));
            throw new JobStorageUnavailableException($"Job storage could not be reached ({FirstLine(e.Message)}); try again shortly.", e);
        }
    }

    /// <summary>When and why the last job request failed on storage; null once one succeeds again.</summary>
    public (DateTimeOffset At, string Error)? LastStorageError { get; private set; }

    /// <summary>Asks storage one cheap question (within the storage timeout): null when it answers, else why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await WithStorageAsync(async token => await storage.GetMetadataAsync(Options.JobsContainer, "probe", token), cancellationToken);
            return null;
        }
        catch (JobStorageUnavailableException e)
        {
            return e.Message;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private async Task<JobRecord> SubmitCoreAsync(IReadOnlyList<SubmittedManuscript> manuscripts, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var entries = new List<JobEntry>(manuscripts.Count);
        foreach (var manuscript in manuscripts)
        {
            var key = JobJson.KeyFor(manuscript.Name, manuscript.Content);
            // Named by the key alone: the user's name never becomes part of a blob path.
            var blob = $"{ManuscriptProcessor.JobUploadPrefix}{key}";
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

    private async Task<JobStatus?> StatusOfAsync(JobRecord record, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, ManuscriptStatus>(StringComparer.Ordinal);
        var statuses = new List<ManuscriptStatus>(record.Manuscripts.Count);
        var inlineBudget = Options.MaxInlineReportBytes;
        for (var i = 0; i < record.Manuscripts.Count; i++)
        {
            var entry = record.Manuscripts[i];
            if (!known.TryGetValue(entry.Key, out var status))
            {
                (status, var inlined) = await StatusOfAsync(entry, inlineBudget, cancellationToken);
                inlineBudget -= inlined;
                known[entry.Key] = status;
            }

            statuses.Add(status with { Name = entry.Name, ReportUrl = status.State == JobStates.Done ? $"/api/jobs/{record.Id}/manuscripts/{i}/report" : null });
        }

        var state = statuses.All(s => s.State is JobStates.Done or JobStates.Failed) ? JobStates.Completed
            : statuses.Any(s => s.State != JobStates.Queued) ? JobStates.Running
            : JobStates.Queued;
        return new JobStatus(record.Id, state, statuses) { Storage = storage.Kind, CreatedAt = record.CreatedAt };
    }

    /// <summary>
    /// One manuscript's state. Its report is embedded only while <paramref name="inlineBudget"/> lasts (a job of a
    /// thousand manuscripts would otherwise answer every report on every poll); past it the report is linked.
    /// </summary>
    private async Task<(ManuscriptStatus Status, long Inlined)> StatusOfAsync(JobEntry entry, long inlineBudget, CancellationToken cancellationToken)
    {
        var reportBase = ManuscriptProcessor.JobReportBase(entry.Key);
        if (inlineBudget > 0 && await storage.GetAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.JsonSuffix, cancellationToken) is { } report)
        {
            var size = report.ToMemory().Length;
            return (new ManuscriptStatus(entry.Name, JobStates.Done, size <= inlineBudget ? JsonNode.Parse(report.ToMemory().Span) : null, null)
            {
                ReportBlobs = ManuscriptProcessor.ReportBlobs(reportBase),
            }, size <= inlineBudget ? size : 0);
        }

        if (inlineBudget <= 0 && await storage.GetMetadataAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.JsonSuffix, cancellationToken) is not null)
        {
            return (new ManuscriptStatus(entry.Name, JobStates.Done, null, null) { ReportBlobs = ManuscriptProcessor.ReportBlobs(reportBase) }, 0);
        }

        if (await storage.GetAsync(Options.ReportsContainer, reportBase + ManuscriptProcessor.ErrorSuffix, cancellationToken) is { } error)
        {
            return (new ManuscriptStatus(entry.Name, JobStates.Failed, null, JobJson.Deserialize<ErrorRecord>(error).Error), 0);
        }

        var running = await storage.GetMetadataAsync(Options.JobsContainer, $"running/{entry.Key}", cancellationToken) is not null;
        if (!running)
        {
            await ResendIfStrandedAsync(entry, cancellationToken);
        }

        return (new ManuscriptStatus(entry.Name, running ? JobStates.Running : JobStates.Queued, null, null), 0);
    }

    /// <summary>The JSON report of a job's manuscript by its position in the job; null when there is none (yet).</summary>
    public Task<BinaryData?> GetReportAsync(string id, int index, CancellationToken cancellationToken = default) =>
        WithStorageAsync(async token =>
        {
            if (!JobId().IsMatch(id) || await storage.GetAsync(Options.JobsContainer, $"{id}.json", token) is not { } data)
            {
                return null;
            }

            var record = JobJson.Deserialize<JobRecord>(data);
            return index < 0 || index >= record.Manuscripts.Count
                ? null
                : await storage.GetAsync(Options.ReportsContainer, ManuscriptProcessor.JobReportBase(record.Manuscripts[index].Key) + ManuscriptProcessor.JsonSuffix, token);
        }, cancellationToken);

    /// <summary>
    /// A pending marker older than <see cref="JobsOptions.PendingResendSeconds"/> on a manuscript nobody is working
    /// on means the message was never sent (the submitter died between marker and message) or was lost: send it again.
    /// The processor skips a manuscript whose report exists, so a late duplicate costs one lookup.
    /// </summary>
    private async Task ResendIfStrandedAsync(JobEntry entry, CancellationToken cancellationToken)
    {
        var pending = $"pending/{entry.Key}";
        if (await storage.GetAsync(Options.JobsContainer, pending, cancellationToken) is not { } marker
            || !DateTimeOffset.TryParse(marker.ToString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var written)
            || time.GetUtcNow() - written < TimeSpan.FromSeconds(Options.PendingResendSeconds))
        {
            return;
        }

        await storage.PutAsync(Options.JobsContainer, pending, BinaryData.FromString(time.GetUtcNow().ToString("O")), cancellationToken: cancellationToken);
        await storage.EnqueueAsync(JobJson.Serialize(new WorkItem(entry.Key, entry.Name, entry.Blob)).ToString(), cancellationToken);
        logger.LogWarning("Re-sent the message for {Name} ({Key}): pending since {Written} with no worker on it", entry.Name, entry.Key, written);
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
            // A message is on its way, unless its sender died before sending it: then this submission sends it.
            if (await storage.GetMetadataAsync(Options.JobsContainer, $"running/{entry.Key}", cancellationToken) is null)
            {
                await ResendIfStrandedAsync(entry, cancellationToken);
            }

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
}
