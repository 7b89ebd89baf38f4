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
}
