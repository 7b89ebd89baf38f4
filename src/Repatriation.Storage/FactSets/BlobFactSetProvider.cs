using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Repatriation.Core.Facts;

namespace Repatriation.Storage.FactSets;

/// <summary>
/// Serves the fact set kept in blob storage. Each refresh is one conditional read by ETag; a new
/// version is validated before it replaces the one in use, and a failed refresh (storage down, an
/// invalid upload) keeps the last valid version and says why in <see cref="Status"/>.
/// </summary>
public sealed class BlobFactSetProvider : IFactSetSource
{
    private readonly BlobFactSetStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<BlobFactSetProvider> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    // The snapshot and its status change together in one immutable record, so readers swap both at once.
    private FactSetStatus _status;

    // The ETag of a version that failed validation: asking for it again would only download it again.
    private ETag? _rejectedETag;

    public BlobFactSetProvider(
        BlobFactSetStore store, IOptions<FactSetOptions> options, TimeProvider time, ILogger<BlobFactSetProvider> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
        var o = options.Value;
        var interval = TimeSpan.FromSeconds(Math.Max(1, o.RefreshSeconds));
        RefreshInterval = interval;
        _status = new FactSetStatus(FactSetStates.Unavailable, "the fact set has not been loaded yet", null, null, null, null);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, o.FailuresBeforeBreak),
                // Refreshes come RefreshInterval apart: a window of N - 0.5 intervals holds exactly the last N of them,
                // so N failures in a row open the circuit and an older success does not dilute them.
                SamplingDuration = interval * (Math.Max(2, o.FailuresBeforeBreak) - 0.5),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(1, o.BreakSeconds)),
                ShouldHandle = new PredicateBuilder()
                    .Handle<RequestFailedException>(e => e.Status is 0 or >= 500 or 408 or 429)
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>()
                    .Handle<AggregateException>(),
            })
            .AddTimeout(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)))
            .Build();
    }

    public FactSetSnapshot Current =>
        Volatile.Read(ref _status) is { Snapshot: { } snapshot } ? snapshot : throw new FactSetUnavailableException(Status.Reason ?? "no fact set is loaded");

    public FactSetStatus Status => Volatile.Read(ref _status);

    public TimeSpan? RefreshInterval { get; }

    public string Origin => _store.Origin;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            await RefreshOnceAsync(cancellationToken);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        var attemptAt = _time.GetUtcNow();
        var current = Volatile.Read(ref _status);
        var known = _rejectedETag ?? (current.Snapshot?.ETag is { } seen ? new ETag(seen) : null);

        FactSetDownload? download;
        try
        {
            download = await _pipeline.ExecuteAsync(
                async (etag, token) => await _store.DownloadIfChangedAsync(etag, token), known, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            RecordFailure(current, attemptAt, DescribeFailure(e), e);
            return;
        }

        if (download is null)
        {
            // 304: nothing new. A storage outage is over; a rejected version is still the latest, so still degraded.
            var rejected = _rejectedETag is not null && current.Snapshot is not null;
            Publish(current with
            {
                State = current.Snapshot is null ? FactSetStates.Unavailable : rejected ? FactSetStates.Degraded : FactSetStates.Healthy,
                Reason = rejected || current.Snapshot is null ? current.Reason : null,
                LastAttemptAt = attemptAt,
                LastSuccessAt = attemptAt,
                LastError = rejected || current.Snapshot is null ? current.LastError : null,
            });
            _logger.LogDebug("Fact set at {Origin} unchanged (etag {ETag})", _store.Origin, known);
            return;
        }

        try
        {
            var snapshot = FactSetLoader.Load(download.Json, _store.Origin, download.ETag.ToString(), attemptAt);
            _rejectedETag = null;
            Publish(new FactSetStatus(FactSetStates.Healthy, null, snapshot, attemptAt, attemptAt, null));
            _logger.LogInformation(
                "Loaded fact set {FactSetId} version {Version} from {Origin} (etag {ETag}): {Facts} facts",
                snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.Origin, snapshot.ETag, snapshot.FactSet.Facts.Count);
        }
        catch (Exception e) when (e is InvalidFactSetException or System.Text.Json.JsonException or Repatriation.Core.Input.InvalidTextException)
        {
            _rejectedETag = download.ETag;
            var reason = current.Snapshot is null
                ? $"the fact set at {_store.Origin} (etag {download.ETag}) is invalid and no earlier version is loaded"
                : $"a new version at {_store.Origin} (etag {download.ETag}) was rejected as invalid; still serving version {current.Snapshot.FactSet.Version}";
            Publish(current with
            {
                State = current.Snapshot is null ? FactSetStates.Unavailable : FactSetStates.Degraded,
                Reason = reason,
                LastAttemptAt = attemptAt,
                LastError = e.Message,
            });
            _logger.LogWarning("Rejected fact set from {Origin} (etag {ETag}): {Problems}", _store.Origin, download.ETag, e.Message);
        }
    }

    private void RecordFailure(FactSetStatus current, DateTimeOffset attemptAt, string error, Exception exception)
    {
        var reason = current.Snapshot is null
            ? $"the fact set at {_store.Origin} could not be loaded: {error}"
            : $"the fact-set storage at {_store.Origin} could not be reached; still serving version {current.Snapshot.FactSet.Version}";
        Publish(current with
        {
            State = current.Snapshot is null ? FactSetStates.Unavailable : FactSetStates.Degraded,
            Reason = reason,
            LastAttemptAt = attemptAt,
            LastError = error,
        });
        _logger.LogWarning(
            "Fact set refresh from {Origin} failed ({ExceptionType}): {Error}; serving {Version}",
            _store.Origin, exception.GetType().Name, error, current.Snapshot?.FactSet.Version ?? "nothing");
    }

    private static string DescribeFailure(Exception e) => e switch
    {
        BrokenCircuitException => "storage failed repeatedly; refreshes are paused for a while (circuit open)",
        TimeoutRejectedException => "storage did not answer in time",
        RequestFailedException { Status: 0 } r => $"storage unreachable: {FirstLine(r.Message)}",
        RequestFailedException r => $"storage answered {r.Status} {r.ErrorCode}: {FirstLine(r.Message)}",
        AggregateException a => $"storage unreachable after {a.InnerExceptions.Count} tries: {FirstLine(a.InnerExceptions[^1].Message)}",
        _ => FirstLine(e.Message),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private void Publish(FactSetStatus status) => Volatile.Write(ref _status, status);
}
