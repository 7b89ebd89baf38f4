using Microsoft.Extensions.Options;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// Callback records in the jobs container: <c>callbacks/pending/{job}.json</c> until delivered (then
/// <c>callbacks/delivered/…</c>) or given up (<c>callbacks/failed/…</c>). Sweeps list the pending ones only.
/// </summary>
public sealed class JobCallbackStore(IJobStorage storage, IOptions<JobsOptions> options)
{
    public const string PendingPrefix = "callbacks/pending/";
    public const string DeliveredPrefix = "callbacks/delivered/";
    public const string FailedPrefix = "callbacks/failed/";

    private string Container => options.Value.JobsContainer;

    public Task SaveAsync(JobCallbackRecord record, CancellationToken cancellationToken) =>
        storage.PutAsync(Container, PendingPrefix + record.JobId + ".json", JobJson.Serialize(record), cancellationToken: cancellationToken);

    public async Task<JobCallbackRecord?> GetPendingAsync(string jobId, CancellationToken cancellationToken) =>
        await storage.GetAsync(Container, PendingPrefix + jobId + ".json", cancellationToken) is { } data ? JobJson.Deserialize<JobCallbackRecord>(data) : null;

    public async Task<IReadOnlyList<string>> PendingJobIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var (name, _) in storage.ListAsync(Container, PendingPrefix, cancellationToken))
        {
            ids.Add(name[PendingPrefix.Length..].Replace(".json", "", StringComparison.Ordinal));
        }

        return ids;
    }

    /// <summary>Moves the record out of the pending list: written to its final place first, so a crash between leaves it pending (a repeat), never lost.</summary>
    public async Task CloseAsync(JobCallbackRecord record, bool delivered, CancellationToken cancellationToken)
    {
        await storage.PutAsync(Container, (delivered ? DeliveredPrefix : FailedPrefix) + record.JobId + ".json", JobJson.Serialize(record), cancellationToken: cancellationToken);
        await storage.DeleteAsync(Container, PendingPrefix + record.JobId + ".json", cancellationToken);
    }

    public async Task<JobCallbackRecord?> GetClosedAsync(string jobId, CancellationToken cancellationToken)
    {
        foreach (var prefix in (string[])[DeliveredPrefix, FailedPrefix])
        {
            if (await storage.GetAsync(Container, prefix + jobId + ".json", cancellationToken) is { } data)
            {
                return JobJson.Deserialize<JobCallbackRecord>(data);
            }
        }

        return null;
    }
}
