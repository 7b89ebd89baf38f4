using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Repatriation.Storage.Jobs.Callbacks;

namespace Repatriation.Functions;

/// <summary>
/// Delivers the callbacks of completed jobs (signed POSTs, retried with backoff for up to an hour). Every
/// 30 seconds it sweeps the pending callbacks kept in the jobs container; each delivery runs for at most
/// <see cref="RunFor"/> and, if its receiver is still failing, leaves the time of its next try for a later sweep.
/// </summary>
public sealed class JobCallbacksFunction(JobCallbackSweeper sweeper, ILogger<JobCallbacksFunction> logger)
{
    /// <summary>Shorter than the timer's period, so one sweep ends before the next is due.</summary>
    public static readonly TimeSpan RunFor = TimeSpan.FromSeconds(25);

    [Function(nameof(DeliverJobCallbacks))]
    public async Task DeliverJobCallbacks([TimerTrigger("*/30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var outcomes = await Task.WhenAll(await sweeper.SweepAsync(RunFor, cancellationToken));
        if (outcomes.Length > 0)
        {
            logger.LogInformation("Swept {Count} pending job callbacks: {Delivered} delivered", outcomes.Length, outcomes.Count(o => o == JobCallbackOutcome.Delivered));
        }
    }
}
