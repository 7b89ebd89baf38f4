using Repatriation.Core.Facts;

namespace Repatriation.Storage.FactSets;

/// <summary>How the fact set in use is doing, for the health and factset routes.</summary>
public static class FactSetStates
{
    /// <summary>A valid fact set is loaded and the last look for a new version worked.</summary>
    public const string Healthy = "healthy";

    /// <summary>A valid fact set is in use, but the last refresh failed (storage unreachable, or a new version was invalid).</summary>
    public const string Degraded = "degraded";

    /// <summary>No valid fact set could be loaded at all; checks cannot be answered.</summary>
    public const string Unavailable = "unavailable";
}

/// <summary>A point-in-time view of the provider: what is in use, and how the last refresh went.</summary>
public sealed record FactSetStatus(
    string State,
    string? Reason,
    FactSetSnapshot? Snapshot,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastError);

/// <summary>
/// A fact-set provider the hosts can ask about its health and tell to refresh. <see cref="IFactSetProvider.Current"/>
/// throws <see cref="FactSetUnavailableException"/> while no valid fact set has been loaded.
/// </summary>
public interface IFactSetSource : IFactSetProvider
{
    FactSetStatus Status { get; }

    /// <summary>How often to refresh; null when the fact set never changes (the shipped one).</summary>
    TimeSpan? RefreshInterval { get; }

    /// <summary>One attempt to load a new version. Never throws for storage or validation failures: they land in <see cref="Status"/>.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>No valid fact set is loaded (storage unreachable at start, or only invalid versions found).</summary>
public sealed class FactSetUnavailableException(string reason) : Exception(reason);
