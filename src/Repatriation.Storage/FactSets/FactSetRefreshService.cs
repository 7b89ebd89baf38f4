using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Repatriation.Storage.FactSets;

/// <summary>
/// Loads the fact set before the host starts taking requests, then looks for a new version every
/// <see cref="IFactSetSource.RefreshInterval"/>, on <see cref="TimeProvider"/>'s clock.
/// </summary>
public sealed class FactSetRefreshService(IFactSetSource source, TimeProvider time, ILogger<FactSetRefreshService> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await source.RefreshAsync(cancellationToken);
        var status = source.Status;
        logger.LogInformation(
            "Fact set at start: {State}, version {Version} from {Origin}{Reason}",
            status.State, status.Snapshot?.FactSet.Version, status.Snapshot?.Origin, status.Reason is null ? "" : $" ({status.Reason})");
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (source.RefreshInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await source.RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
