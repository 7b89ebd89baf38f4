using Microsoft.Azure.Functions.Worker;
using Repatriation.Storage;
using Repatriation.Storage.Jobs;

namespace Repatriation.Functions;

/// <summary>
/// The drop folder: a manuscript written to the manuscripts container gets its reports in the reports container.
/// Event Grid delivers the event (no container scans); job uploads under jobs/ are left to the queue.
/// </summary>
public sealed class DropFolderTrigger(ManuscriptProcessor processor)
{
    [Function(nameof(DropFolderTrigger))]
    public Task Run(
        [BlobTrigger(JobsOptions.DefaultManuscriptsContainer + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = JobsOptions.StorageConnectionKey)] byte[] content,
        string name,
        CancellationToken cancellationToken) =>
        processor.ProcessDropAsync(name, BinaryData.FromBytes(content), cancellationToken);
}
