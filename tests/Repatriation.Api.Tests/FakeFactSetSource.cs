using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api.Tests;

/// <summary>A provider whose state the test sets directly: fast unit tests of the handlers, not of storage (see Storage.Tests).</summary>
internal sealed class FakeFactSetSource : IFactSetSource
{
    private FactSetStatus _status;

    public FakeFactSetSource(FactSetStatus status) => _status = status;

    public static FactSetSnapshot Snapshot(string version, string etag)
    {
        var shipped = FactSetLoader.LoadShipped();
        return new FactSetSnapshot(shipped.FactSet with { Version = version }, etag, shipped.LoadedAt, "http://127.0.0.1/devstoreaccount1/factsets/repatriation.json");
    }

    public static FakeFactSetSource Healthy(FactSetSnapshot snapshot) =>
        new(new FactSetStatus(FactSetStates.Healthy, null, snapshot, snapshot.LoadedAt, snapshot.LoadedAt, null));

    public FactSetSnapshot Current => Status.Snapshot ?? throw new FactSetUnavailableException(Status.Reason ?? "none");

    public FactSetStatus Status
    {
        get => Volatile.Read(ref _status);
        set => Volatile.Write(ref _status, value);
    }

    public TimeSpan? RefreshInterval => TimeSpan.FromSeconds(60);

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A provider that fails the way a bug would, to show the handlers never leak it.</summary>
internal sealed class ThrowingFactSetSource : IFactSetSource
{
    public FactSetSnapshot Current => throw new InvalidOperationException("secret internal failure in /srv/keys");

    public FactSetStatus Status => throw new InvalidOperationException("secret internal failure in /srv/keys");

    public TimeSpan? RefreshInterval => null;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
