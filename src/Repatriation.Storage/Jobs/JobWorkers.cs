using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Repatriation.Storage.Jobs;

/// <summary>
/// `serve`'s stand-in for the queue trigger: takes messages, checks their manuscripts and deletes each
/// message only after its report (or error record) is written. A message whose worker dies comes back
/// after the visibility timeout and is finished by the next `serve`.
/// </summary>
public sealed class JobQueueWorker(IJobStorage storage, ManuscriptProcessor processor, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobQueueWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var visibility = TimeSpan.FromSeconds(options.Value.VisibilityTimeoutSeconds);
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        logger.LogInformation("Processing the job queue {Queue} in {Storage}", options.Value.Queue, storage.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueuedMessage> messages;
            try
            {
                messages = await storage.ReceiveAsync(4, visibility, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("The job queue could not be read: {Reason}", e.Message);
                messages = [];
            }

            if (messages.Count == 0)
            {
                try
                {
                    await Task.Delay(poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            foreach (var message in messages)
            {
                try
                {
                    if (await processor.HandleMessageAsync(message.Body, message.DequeueCount, stoppingToken))
                    {
                        await storage.DeleteMessageAsync(message, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // Left on the queue: it comes back after the visibility timeout for another try.
                    logger.LogWarning("Try {Attempt} at message {MessageId} failed: {Reason}", message.DequeueCount, message.Id, e.Message);
                }
            }
        }
    }
}

/// <summary>
/// `serve`'s stand-in for the drop folder's blob trigger: lists the manuscripts container and checks what is
/// new or changed. Reports that already match a manuscript's content are left alone, so restarts redo nothing.
/// </summary>
public sealed class DropFolderWatcher(IJobStorage storage, ManuscriptProcessor processor, IOptions<JobsOptions> options, TimeProvider time, ILogger<DropFolderWatcher> logger)
    : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.DropFolderPollSeconds);
        logger.LogInformation("Watching the drop folder {Container} in {Storage}", options.Value.ManuscriptsContainer, storage.Kind);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(stoppingToken);
                await Task.Delay(poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("The drop folder could not be scanned: {Reason}", e.Message);
                try
                {
                    await Task.Delay(poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var changed = new List<(string Name, DateTimeOffset Modified)>();
        await foreach (var (name, modified) in storage.ListAsync(options.Value.ManuscriptsContainer, null, cancellationToken))
        {
            if (!name.StartsWith(ManuscriptProcessor.JobUploadPrefix, StringComparison.Ordinal)
                && (!_seen.TryGetValue(name, out var last) || last != modified))
            {
                changed.Add((name, modified));
            }
        }

        foreach (var (name, modified) in changed)
        {
            if (await storage.GetAsync(options.Value.ManuscriptsContainer, name, cancellationToken) is { } content)
            {
                await processor.ProcessDropAsync(name, content, cancellationToken);
            }

            _seen[name] = modified;
        }
    }
}
