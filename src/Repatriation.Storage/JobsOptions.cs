namespace Repatriation.Storage;

/// <summary>
/// Batch jobs and the drop folder. They use the function app's own storage, AzureWebJobsStorage;
/// these names are bound from the section "Jobs" (env: Jobs__…).
/// </summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>The configuration key (or prefix, with __blobServiceUri and __queueServiceUri) of the storage account.</summary>
    public const string StorageConnectionKey = "AzureWebJobsStorage";

    public string ManuscriptsContainer { get; set; } = "manuscripts";

    public string ReportsContainer { get; set; } = "reports";

    /// <summary>Job records (state of each manuscript) live here as JSON blobs.</summary>
    public string JobsContainer { get; set; } = "jobs";

    /// <summary>The queue that fans a job out, one message per manuscript.</summary>
    public string Queue { get; set; } = "manuscript-checks";

    /// <summary>How long a message stays hidden while `serve` works on it; if the worker dies it comes back after this.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>How often `serve` looks at the queue when it was empty.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>After this many failed tries a manuscript gets an error record instead of another retry (host.json's maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = 3;

    /// <summary>How often `serve` lists the drop folder for new or changed manuscripts.</summary>
    public double DropFolderPollSeconds { get; set; } = 5;

    /// <summary>Most manuscripts one job may hold.</summary>
    public int MaxManuscripts { get; set; } = 1000;

    /// <summary>The largest POST /api/jobs body (the function host's own limit is 100 MB).</summary>
    public long MaxRequestBytes { get; set; } = 100L * 1000 * 1000;

    /// <summary>The longest one job request may wait on storage before the route answers 503 with Retry-After.</summary>
    public double StorageTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// A manuscript still queued this long after its pending marker was written, with no report, error or worker on it,
    /// has its message sent again: the process that wrote the marker may have died before sending it.
    /// </summary>
    public double PendingResendSeconds { get; set; } = 3600;

    /// <summary>GET /api/jobs/{id} embeds reports only up to this many bytes in all; the rest are linked.</summary>
    public long MaxInlineReportBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>The queue trigger's and the blob trigger's fixed names (binding attributes need constants).</summary>
    public const string DefaultQueue = "manuscript-checks";
    public const string DefaultManuscriptsContainer = "manuscripts";
}
