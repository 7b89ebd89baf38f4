using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// Finds the pending callbacks whose job has completed and whose next try is due, and delivers them. `serve` runs
/// it every Jobs__PollSeconds (<see cref="JobCallbackWorker"/>), each delivery in the background until it is done;
/// the function app runs it from a timer, each delivery bounded so the run ends in time. Because it works from
/// the records in storage, a restart loses nothing: the next sweep finds what is still pending.
/// </summary>
public sealed class JobCallbackSweeper(JobCallbackStore store, JobCallbackDelivery delivery, TimeProvider time, ILogger<JobCallbackSweeper> logger)
{
    private static readonly TimeSpan LongestWaitForCompletion = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);

    // Asking whether a job is complete reads every manuscript's state: a job still running is asked again after a
    // wait that doubles up to LongestWaitForCompletion, not on every sweep.
    private readonly ConcurrentDictionary<string, (DateTimeOffset NotBefore, TimeSpan Wait)> _running = new(StringComparer.Ordinal);

    /// <summary>Starts a delivery for every pending callback not already being delivered by this process; returns them.</summary>
    public async Task<IReadOnlyList<Task<JobCallbackOutcome>>> SweepAsync(TimeSpan? runFor, CancellationToken cancellationToken)
    {
        var started = new List<Task<JobCallbackOutcome>>();
        foreach (var jobId in await store.PendingJobIdsAsync(cancellationToken))
        {
            if (_inFlight.ContainsKey(jobId) || (_running.TryGetValue(jobId, out var wait) && wait.NotBefore > time.GetUtcNow()))
            {
                continue;
            }

            var task = DeliverAsync(jobId, runFor, cancellationToken);
            _inFlight[jobId] = task;
            started.Add(task);
        }

        return started;
    }

    /// <summary>Deliveries this process is still making (`serve` waits for none of them; a stop cancels them and leaves them pending).</summary>
    public int InFlight => _inFlight.Count;

    private async Task<JobCallbackOutcome> DeliverAsync(string jobId, TimeSpan? runFor, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var outcome = await delivery.DeliverAsync(jobId, runFor, cancellationToken);
            if (outcome == JobCallbackOutcome.JobNotComplete)
            {
                var wait = _running.TryGetValue(jobId, out var last) ? TimeSpan.FromTicks(Math.Min(last.Wait.Ticks * 2, LongestWaitForCompletion.Ticks)) : TimeSpan.FromMilliseconds(500);
                _running[jobId] = (time.GetUtcNow() + wait, wait);
            }
            else
            {
                _running.TryRemove(jobId, out _);
            }

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return JobCallbackOutcome.NotDue;
        }
        catch (Exception e)
        {
            logger.LogWarning("The callback for job {JobId} could not be handled this time: {Reason}", jobId, e.Message);
            return JobCallbackOutcome.NotDue;
        }
        finally
        {
            _inFlight.TryRemove(jobId, out _);
        }
    }
}

/// <summary>`serve`'s callback loop: sweeps every Jobs__PollSeconds; deliveries run in the background until done.</summary>
public sealed class JobCallbackWorker(JobCallbackSweeper sweeper, IOptions<JobsOptions> options, TimeProvider time, ILogger<JobCallbackWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.SweepAsync(runFor: null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Pending job callbacks could not be listed: {Reason}", e.Message);
            }

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
