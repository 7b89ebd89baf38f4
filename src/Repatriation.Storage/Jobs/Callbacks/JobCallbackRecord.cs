namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// A job's callback, kept in the jobs container from submission until it is delivered or given up, so a restart
/// (of `serve` or of a function host) resumes it where it stopped: same delivery id, same body, same deadline.
/// </summary>
public sealed record JobCallbackRecord
{
    public required string JobId { get; init; }

    public required string Url { get; init; }

    /// <summary>Sent as X-Repatriation-Delivery on every try: the receiver drops repeats by it.</summary>
    public required string DeliveryId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the job was first found completed and the first POST made: the delivery window counts from here.</summary>
    public DateTimeOffset? FirstAttemptAt { get; init; }

    /// <summary>When the next try is due (after a failed one).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The body as first sent; every retry sends these bytes again, so the signature and the content repeat exactly.</summary>
    public string? Body { get; init; }
}
