using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// Registers job callbacks and delivers them: one signed POST per completed job, at least once. Tries are made by
/// the <see cref="PipelineKey"/> Polly pipeline (exponential backoff with jitter, each try bounded) within the
/// delivery window counted from the first try; progress is saved after every try, so a restart resumes with the
/// same delivery id, body, attempt count and deadline.
/// </summary>
public sealed class JobCallbackDelivery(
    JobCallbackStore store,
    JobService jobs,
    CallbackUrlPolicy policy,
    JobCallbackHttpClient http,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<JobsOptions> jobsOptions,
    IOptions<JobCallbackOptions> options,
    TimeProvider time,
    ILogger<JobCallbackDelivery> logger)
{
    public const string PipelineKey = "job-callback";

    internal static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("repatriation.callback.deadline");
    internal static readonly ResiliencePropertyKey<int> EarlierAttempts = new("repatriation.callback.earlier-attempts");
    internal static readonly ResiliencePropertyKey<Func<int, TimeSpan, Exception?, ValueTask>> OnRetry = new("repatriation.callback.on-retry");

    /// <summary>Null when the job may have this callback, else why not (for a 400).</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.CallbackSecret))
        {
            return "This service has no Jobs__CallbackSecret, so it cannot sign callbacks; submit the job without callbackUrl and poll GET /api/jobs/{id}, or ask its operator to set one.";
        }

        return await policy.RefusalAsync(url, cancellationToken);
    }

    /// <summary>Saves the job's callback (after <see cref="RefusalAsync"/> said yes); a sweep delivers it once the job completes.</summary>
    public async Task<JobCallbackRecord> RegisterAsync(string jobId, string url, CancellationToken cancellationToken)
    {
        var record = new JobCallbackRecord
        {
            JobId = jobId,
            Url = url,
            DeliveryId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
            CreatedAt = time.GetUtcNow(),
        };
        await store.SaveAsync(record, cancellationToken);
        logger.LogInformation("Job {JobId} will be reported to {CallbackHost} when complete (delivery {DeliveryId})", jobId, new Uri(url).Host, record.DeliveryId);
        return record;
    }

    /// <summary>
    /// Delivers the job's callback if the job is complete and a try is due. Returns when it is delivered, given up,
    /// not yet due, or <paramref name="runFor"/> has passed (the record then says when the next try is due).
    /// </summary>
    public async Task<JobCallbackOutcome> DeliverAsync(string jobId, TimeSpan? runFor, CancellationToken cancellationToken)
    {
        var record = await store.GetPendingAsync(jobId, cancellationToken);
        if (record is null)
        {
            return JobCallbackOutcome.NotPending;
        }

        var now = time.GetUtcNow();
        if (record.NextAttemptAt > now)
        {
            return JobCallbackOutcome.NotDue;
        }

        if (record.Body is null)
        {
            var job = await jobs.GetAsync(jobId, cancellationToken);
            if (job is null || job.State != JobStates.Completed)
            {
                return JobCallbackOutcome.JobNotComplete;
            }

            var payload = JobCallbackPayload.From(job, record.DeliveryId, now, jobsOptions.Value.ReportsContainer);
            record = record with { Body = JsonSerializer.Serialize(payload, JobJson.Options), FirstAttemptAt = now };
            await store.SaveAsync(record, cancellationToken);
        }

        var deadline = record.FirstAttemptAt!.Value + TimeSpan.FromMinutes(options.Value.CallbackDeliveryMinutes);
        if (now >= deadline)
        {
            return await GiveUpAsync(record, cancellationToken);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var runDeadline = runFor is { } budget && now + budget < deadline ? now + budget : deadline;
        context.Properties.Set(Deadline, runDeadline);
        context.Properties.Set(EarlierAttempts, record.Attempts);
        var current = record;
        context.Properties.Set(OnRetry, async (attempt, delay, error) =>
        {
            current = current with
            {
                Attempts = current.Attempts + 1,
                LastError = Describe(error),
                NextAttemptAt = time.GetUtcNow() + delay,
            };
            logger.LogWarning("Callback for job {JobId} not accepted on try {Attempt} ({Reason}); next try in {DelaySeconds} s",
                jobId, current.Attempts, current.LastError, Math.Round(delay.TotalSeconds, 1));
            await store.SaveAsync(current, CancellationToken.None);
        });

        try
        {
            await pipelines.GetPipeline(PipelineKey).ExecuteAsync(
                async (ctx, state) => await http.PostAsync(state.Url, state.Body!, state.DeliveryId, ctx.CancellationToken), context, current);
            current = current with { Attempts = current.Attempts + 1, DeliveredAt = time.GetUtcNow(), NextAttemptAt = null, LastError = null };
            await store.CloseAsync(current, delivered: true, CancellationToken.None);
            logger.LogInformation("Delivered the callback for job {JobId} (delivery {DeliveryId}) on try {Attempts}", jobId, current.DeliveryId, current.Attempts);
            return JobCallbackOutcome.Delivered;
        }
        catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= deadline)
            {
                return await GiveUpAsync(current, cancellationToken);
            }

            // This run's time is up (a function's sweep); the record says when the next try is due.
            return JobCallbackOutcome.NotDue;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<JobCallbackOutcome> GiveUpAsync(JobCallbackRecord record, CancellationToken cancellationToken)
    {
        await store.CloseAsync(record with { NextAttemptAt = null }, delivered: false, cancellationToken);
        logger.LogError("Gave up the callback for job {JobId} after {Attempts} tries over {Minutes} minutes: {Reason}",
            record.JobId, record.Attempts, options.Value.CallbackDeliveryMinutes, record.LastError);
        return JobCallbackOutcome.GivenUp;
    }

    private static string Describe(Exception? error) => error switch
    {
        null => "no answer",
        CallbackRejectedException r => r.Message,
        TimeoutRejectedException => "no answer in time",
        _ => error.Message.ReplaceLineEndings(" "),
    };

    /// <summary>
    /// The pipeline, registered in DI (Polly.Extensions adds its logs and metrics): the whole run bounded by the
    /// deadline in the context; retries with exponential backoff and jitter counted from the attempts saved before
    /// this run; each try bounded by Jobs__CallbackAttemptTimeoutSeconds.
    /// </summary>
    internal static void Configure(ResiliencePipelineBuilder builder, JobCallbackOptions o, TimeProvider time)
    {
        var first = TimeSpan.FromSeconds(Math.Max(0.01, o.CallbackRetrySeconds));
        var longest = TimeSpan.FromSeconds(Math.Max(o.CallbackRetrySeconds, o.CallbackMaxDelaySeconds));
        builder
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "callback-window",
                TimeoutGenerator = args =>
                {
                    var left = args.Context.Properties.GetValue(Deadline, DateTimeOffset.MaxValue) - time.GetUtcNow();
                    return ValueTask.FromResult(left > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left);
                },
            })
            .AddRetry(new Polly.Retry.RetryStrategyOptions
            {
                Name = "callback-retry",
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<CallbackRejectedException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<CallbackAddressRefusedException>(),
                DelayGenerator = args =>
                {
                    var attempt = args.Context.Properties.GetValue(EarlierAttempts, 0) + args.AttemptNumber;
                    var delay = first * Math.Pow(2, Math.Min(attempt, 20));
                    var jittered = delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
                    return ValueTask.FromResult<TimeSpan?>(jittered < longest ? jittered : longest);
                },
                OnRetry = args => args.Context.Properties.TryGetValue(OnRetry, out var onRetry)
                    ? onRetry(args.AttemptNumber, args.RetryDelay, args.Outcome.Exception)
                    : ValueTask.CompletedTask,
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Name = "callback-attempt",
                Timeout = TimeSpan.FromSeconds(Math.Max(1, o.CallbackAttemptTimeoutSeconds)),
            });
    }
}

public enum JobCallbackOutcome
{
    NotPending,
    JobNotComplete,
    NotDue,
    Delivered,
    GivenUp,
}

/// <summary>The receiver answered, but not with a 2xx.</summary>
public sealed class CallbackRejectedException(string message) : Exception(message);

/// <summary>The callback's host resolved to an address the policy refuses (checked again when connecting).</summary>
public sealed class CallbackAddressRefusedException(string message) : Exception(message);

/// <summary>
/// The HTTP client for callbacks. Under <see cref="CallbackUrlPolicy.PublicOnly"/> it checks the address it connects
/// to, so a name that resolves to a private address after submission still cannot reach the service's network.
/// </summary>
public sealed class JobCallbackHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly IOptions<JobCallbackOptions> _options;

    public JobCallbackHttpClient(CallbackUrlPolicy policy, IOptions<JobCallbackOptions> options)
    {
        _options = options;
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (policy.PublicAddressesOnly)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var address = addresses.FirstOrDefault(CallbackUrlPolicy.IsPublic)
                    ?? throw new CallbackAddressRefusedException($"{context.DnsEndPoint.Host} resolves to no public address");
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("repatriation-claims-checker", Core.Checking.ClaimChecker.ServiceVersion));
    }

    public async Task PostAsync(string url, string body, string deliveryId, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(JobCallbackSigner.SignatureHeader, JobCallbackSigner.Sign(_options.Value.CallbackSecret ?? "", bytes));
        request.Headers.Add(JobCallbackSigner.DeliveryHeader, deliveryId);
        request.Headers.Add(JobCallbackSigner.EventHeader, JobCallbackSigner.CompletedEvent);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CallbackRejectedException($"the receiver answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    public void Dispose() => _client.Dispose();
}
