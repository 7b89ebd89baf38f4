using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Repatriation.Storage;
using Repatriation.Storage.Jobs;

namespace Repatriation.Functions;

/// <summary>
/// One manuscript of a job, from the queue. Returning deletes the message; throwing leaves it for another try
/// (host.json: maxDequeueCount 3). On the last try a failure is recorded as the manuscript's error instead.
/// </summary>
public sealed class CheckManuscriptFunction(ManuscriptProcessor processor, ILogger<CheckManuscriptFunction> logger)
{
    [Function(nameof(CheckManuscript))]
    public async Task CheckManuscript(
        [QueueTrigger(JobsOptions.DefaultQueue, Connection = JobsOptions.StorageConnectionKey)] QueueMessage message, CancellationToken cancellationToken)
    {
        if (!await processor.HandleMessageAsync(message.Body.ToString(), message.DequeueCount, cancellationToken))
        {
            logger.LogWarning("Message {MessageId} left for another try", message.MessageId);
            throw new InvalidOperationException($"Message {message.MessageId} was not finished.");
        }
    }
}
