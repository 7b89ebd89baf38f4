using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.Registry;
using Repatriation.Storage.Jobs;
using Repatriation.Storage.Jobs.Callbacks;

namespace Repatriation.Storage.Tests.Jobs.Callbacks;

/// <summary>
/// The delivery's own decisions, on memory storage with injected time: when a try is due, when to give up, what a
/// receiver can verify. (Delivery over HTTP, through restarts, is tested end to end with `serve` and Azurite.)
/// </summary>
public sealed class JobCallbackDeliveryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public JobCallbackDeliveryTests()
        : this(null)
    {
    }

    private JobCallbackDeliveryTests(CallbackUrlPolicy? policy)
    {
        var services = new ServiceCollection();
        if (policy is not null)
        {
            services.AddSingleton(policy);
        }

        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IJobStorage>(new InMemoryJobStorage(_time));
        services.AddSingleton(Options.Create(new JobsOptions()));
        services.AddSingleton(Options.Create(new JobCallbackOptions { CallbackSecret = "k", CallbackDeliveryMinutes = 60 }));
        services.AddSingleton<JobService>();
        services.AddJobCallbacks();
        _services = services.BuildServiceProvider();
    }

    private JobCallbackDelivery Delivery => _services.GetRequiredService<JobCallbackDelivery>();
    private JobCallbackStore Store => _services.GetRequiredService<JobCallbackStore>();

    private static JobCallbackRecord Pending(DateTimeOffset firstAttempt, DateTimeOffset? next = null) => new()
    {
        JobId = "0123456789abcdef0123456789abcdef",
        Url = "https://example.org/hook",
        DeliveryId = "d1",
        CreatedAt = firstAttempt,
        FirstAttemptAt = firstAttempt,
        Body = "{}",
        Attempts = 7,
        NextAttemptAt = next,
        LastError = "the receiver answered 503 Service Unavailable",
    };

    [Fact]
    public async Task DeliverAsync_WindowOver_GivesUpAndMovesTheRecordToFailed()
    {
        var record = Pending(_time.GetUtcNow() - TimeSpan.FromMinutes(61));
        await Store.SaveAsync(record, CancellationToken.None);

        var outcome = await Delivery.DeliverAsync(record.JobId, null, CancellationToken.None);

        Assert.Equal(JobCallbackOutcome.GivenUp, outcome);
        Assert.Null(await Store.GetPendingAsync(record.JobId, CancellationToken.None));
        var closed = await Store.GetClosedAsync(record.JobId, CancellationToken.None);
        Assert.Equal(7, closed!.Attempts);
        Assert.Null(closed.DeliveredAt);
    }

    [Fact]
    public async Task DeliverAsync_NextTryNotDue_WaitsWithoutPosting()
    {
        var record = Pending(_time.GetUtcNow() - TimeSpan.FromMinutes(5), _time.GetUtcNow() + TimeSpan.FromSeconds(40));
        await Store.SaveAsync(record, CancellationToken.None);

        Assert.Equal(JobCallbackOutcome.NotDue, await Delivery.DeliverAsync(record.JobId, null, CancellationToken.None));
        Assert.Equal(record, await Store.GetPendingAsync(record.JobId, CancellationToken.None));
    }

    [Fact]
    public async Task DeliverAsync_JobStillRunning_NothingSent()
    {
        var jobs = _services.GetRequiredService<JobService>();
        var job = await jobs.SubmitAsync([new SubmittedManuscript("a.txt", Encoding.UTF8.GetBytes("Lienz, June 1945."))]);
        await Delivery.RegisterAsync(job.Id, "https://example.org/hook", CancellationToken.None);

        Assert.Equal(JobCallbackOutcome.JobNotComplete, await Delivery.DeliverAsync(job.Id, null, CancellationToken.None));
        var pending = await Store.GetPendingAsync(job.Id, CancellationToken.None);
        Assert.Null(pending!.Body);
        Assert.Equal(0, pending.Attempts);
    }

    [Theory]
    [InlineData(true, "503")]
    [InlineData(false, "no public address")]
    public Task Pipeline_ReceiverRefusing_RetriesWithGrowingDelaysAndSavesEachTry(bool localService, string reason) =>
        new JobCallbackDeliveryTests(localService ? CallbackUrlPolicy.LocalService : CallbackUrlPolicy.PublicOnly).RetriesAsync(reason);

    private async Task RetriesAsync(string reason)
    {
        // A receiver that refuses every POST, on loopback (the memory host's policy would refuse it; the pipeline does not care).
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                _ = await stream.ReadAsync(buffer);
                await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        });
        var record = Pending(_time.GetUtcNow()) with { Url = $"http://127.0.0.1:{port}/hook", Attempts = 0, NextAttemptAt = null };
        await Store.SaveAsync(record, CancellationToken.None);

        var delivering = Delivery.DeliverAsync(record.JobId, null, CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var tries = 1; tries <= 4; tries++)
        {
            var saved = await WaitForAttemptsAsync(record.JobId, tries);
            delays.Add(saved.NextAttemptAt!.Value - _time.GetUtcNow());
            Assert.Contains(reason, saved.LastError);
            _time.Advance(saved.NextAttemptAt!.Value - _time.GetUtcNow());
        }

        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(JobCallbackOutcome.GivenUp, await delivering);
        Assert.True(delays[3] > delays[0] * 4, $"delays did not grow: {string.Join(", ", delays)}");
    }

    private async Task<JobCallbackRecord> WaitForAttemptsAsync(string jobId, int attempts)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await Store.GetPendingAsync(jobId, CancellationToken.None) is { } record && record.Attempts >= attempts)
            {
                return record;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"try {attempts} was never saved");
    }

    [Fact]
    public void Signer_VerifiesItsOwnSignatureOnlyWithTheSameSecretAndBody()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"x"}""");
        var signature = JobCallbackSigner.Sign("k", body);

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(JobCallbackSigner.Verify("k", body, signature));
        Assert.False(JobCallbackSigner.Verify("other", body, signature));
        Assert.False(JobCallbackSigner.Verify("k", Encoding.UTF8.GetBytes("""{"id":"y"}"""), signature));
        Assert.False(JobCallbackSigner.Verify("k", body, null));
    }
}
