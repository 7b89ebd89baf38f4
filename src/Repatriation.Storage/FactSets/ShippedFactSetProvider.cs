using Repatriation.Core.Facts;

namespace Repatriation.Storage.FactSets;

/// <summary>The fact set that ships in the repository: loaded once, never refreshed.</summary>
public sealed class ShippedFactSetProvider : IFactSetSource
{
    private readonly FactSetStatus _status;

    public ShippedFactSetProvider(TimeProvider time)
    {
        var snapshot = FactSetLoader.LoadShipped(time);
        _status = new FactSetStatus(FactSetStates.Healthy, null, snapshot, snapshot.LoadedAt, snapshot.LoadedAt, null);
    }

    public FactSetSnapshot Current => _status.Snapshot!;

    public FactSetStatus Status => _status;

    public TimeSpan? RefreshInterval => null;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
