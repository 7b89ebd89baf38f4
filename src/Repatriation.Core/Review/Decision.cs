using System.Text.Json.Serialization;

namespace Repatriation.Core.Review;

/// <summary>
/// An editor's decision on one claim, matched by the claim's id. The claim keeps its status; a dismissed
/// claim is no longer open, so it no longer fails `check` or counts in `summary.open`.
/// </summary>
public sealed record Decision
{
    public required string Id { get; init; }

    /// <summary>"decision" in JSON; only <see cref="Decisions.Dismissed"/> for now.</summary>
    [JsonPropertyName("decision")]
    public string DecisionKind { get; init; } = Decisions.Dismissed;

    public string? Reason { get; init; }

    public string? By { get; init; }

    public DateTimeOffset? At { get; init; }
}

public static class Decisions
{
    public const string Dismissed = "dismissed";
}
