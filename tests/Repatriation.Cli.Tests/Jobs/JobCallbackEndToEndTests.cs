using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Repatriation.Cli.Tests.Jobs;

/// <summary>
/// Job callbacks end to end: a real `serve` process (the repatriation executable) over a real Azurite, and a
/// receiver on loopback in this test that checks each POST's signature the way the README tells receivers to.
/// </summary>
public sealed class JobCallbackEndToEndTests(AzuriteJobsFixture azurite) : IClassFixture<AzuriteJobsFixture>
{
    private const string Secret = "test-callback-secret-7f3a";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    private Dictionary<string, string> Environment() => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Jobs__Queue"] = "q" + _suffix,
        ["Jobs__ManuscriptsContainer"] = "m" + _suffix,
        ["Jobs__ReportsContainer"] = "r" + _suffix,
        ["Jobs__JobsContainer"] = "j" + _suffix,
        ["Jobs__PollSeconds"] = "0.1",
        ["Jobs__DropFolderPollSeconds"] = "5",
        ["Jobs__VisibilityTimeoutSeconds"] = "2",
        ["Jobs__CallbackSecret"] = Secret,
        ["Jobs__CallbackRetrySeconds"] = "0.2",
        ["Jobs__CallbackMaxDelaySeconds"] = "0.5",
    };

    private static object Job(string callbackUrl) => new
    {
        callbackUrl,
        manuscripts = new object[]
        {
            new { name = "chapter-1.txt", text = "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens. Some 50,000,000 people were returned in 1812 according to Churchill." },
            new { name = "chapter-2.md", text = "# Lienz\n\nAbout 2,272,000 people were repatriated from the western zones.\n" },
        },
    };

    /// <summary>Submits <see cref="Job"/> to <paramref name="serve"/>; the job is accepted, and its id is returned.</summary>
    private static async Task<string> SubmitJobAsync(ServeProcess serve, string callbackUrl)
    {
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/jobs", Job(callbackUrl));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Callback_JobCompletes_OneSignedPostThatVerifies()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var serve = await ServeProcess.StartAsync(Environment());

        var jobId = await SubmitJobAsync(serve, receiver.Url);

        var delivery = await receiver.WaitForAcceptedAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Single(receiver.Received);
        AssertSignedSummary(delivery, jobId);
    }

    [Fact]
    public async Task Callback_ReceiverDownThenServeRestarted_DeliveredOnceByTheNextServeWithTheSameDeliveryId()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Answer = HttpStatusCode.ServiceUnavailable;
        string jobId;
        await using (var first = await ServeProcess.StartAsync(Environment()))
        {
            jobId = await SubmitJobAsync(first, receiver.Url);

            // The job completes and its callback is refused at least twice: a retry is pending when serve dies.
            Assert.True(await Eventually(() => receiver.Received.Count >= 2, TimeSpan.FromSeconds(90)), "serve never tried the callback twice");
            first.Kill();
        }

        var refused = receiver.Received.Count;
        receiver.Answer = HttpStatusCode.OK;
        await using var second = await ServeProcess.StartAsync(Environment());

        var delivery = await receiver.WaitForAcceptedAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        AssertSignedSummary(delivery, jobId);
        Assert.Single(receiver.Received, r => r.Accepted);
        Assert.Equal(refused + 1, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.DeliveryId).Distinct());
        Assert.Single(receiver.Received.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct());
        var blobs = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("j" + _suffix);
        Assert.True((await blobs.GetBlobClient($"callbacks/delivered/{jobId}.json").ExistsAsync()).Value);
        Assert.False((await blobs.GetBlobClient($"callbacks/pending/{jobId}.json").ExistsAsync()).Value);
    }

    [Fact]
    public async Task Callback_ServeKilledRightAfterSubmitting_NextServeDeliversExactlyOnce()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        string jobId;
        await using (var first = await ServeProcess.StartAsync(Environment()))
        {
            jobId = await SubmitJobAsync(first, receiver.Url);
            first.Kill();
        }

        await using var second = await ServeProcess.StartAsync(Environment());
        var delivery = await receiver.WaitForAcceptedAsync(TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        AssertSignedSummary(delivery, jobId);
        Assert.Single(receiver.Received, r => r.Accepted);
    }

    [Fact]
    public async Task SubmitJob_ServeRefusesHttpToAnotherHost_400()
    {
        await using var serve = await ServeProcess.StartAsync(Environment());
        using var client = new HttpClient { BaseAddress = serve.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/jobs", Job("http://example.org/hook"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("http to a loopback address", await response.Content.ReadAsStringAsync());
    }

    /// <summary>What a receiver does (README, "Job callbacks"): HMAC-SHA256 of the raw body with the shared secret.</summary>
    private static void AssertSignedSummary(ReceivedCallback delivery, string jobId)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), delivery.Body));
        Assert.Equal(expected, delivery.Signature);
        Assert.NotEqual("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("another secret"), delivery.Body)), delivery.Signature);
        Assert.False(string.IsNullOrEmpty(delivery.DeliveryId));

        var body = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("job.completed", body["event"]!.GetValue<string>());
        Assert.Equal(delivery.DeliveryId, body["deliveryId"]!.GetValue<string>());
        Assert.Equal(jobId, body["id"]!.GetValue<string>());
        Assert.Equal("completed", body["state"]!.GetValue<string>());
        Assert.Equal($"/api/jobs/{jobId}", body["location"]!.GetValue<string>());
        var manuscripts = body["manuscripts"]!.AsArray();
        Assert.Equal(["chapter-1.txt", "chapter-2.md"], manuscripts.Select(m => m!["name"]!.GetValue<string>()));
        Assert.All(manuscripts, m =>
        {
            Assert.Equal("done", m!["state"]!.GetValue<string>());
            Assert.True(m["summary"]!["claims"]!.GetValue<int>() > 0);
            Assert.NotNull(m["summary"]!["open"]);
            Assert.Contains(m["reports"]!["blobs"]!.AsArray(), b => b!.GetValue<string>().EndsWith(".report.json", StringComparison.Ordinal));
        });
        Assert.True(manuscripts[0]!["summary"]!["flagged"]!.GetValue<int>() > 0);
    }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private sealed record ReceivedCallback(byte[] Body, string? Signature, string? DeliveryId, bool Accepted);

    /// <summary>A callback receiver on a free loopback port: records every POST and answers with <see cref="Answer"/>.</summary>
    private sealed class CallbackReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<ReceivedCallback> _received = new();

        private CallbackReceiver(WebApplication app)
        {
            _app = app;
        }

        public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

        public string Url { get; private set; } = "";

        public IReadOnlyList<ReceivedCallback> Received => _received.ToList();

        public static async Task<CallbackReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new CallbackReceiver(app);
            app.MapPost("/hooks/jobs", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                var answer = receiver.Answer;
                receiver._received.Enqueue(new ReceivedCallback(
                    body.ToArray(),
                    context.Request.Headers["X-Repatriation-Signature"].FirstOrDefault(),
                    context.Request.Headers["X-Repatriation-Delivery"].FirstOrDefault(),
                    answer == HttpStatusCode.OK));
                context.Response.StatusCode = (int)answer;
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = address.TrimEnd('/') + "/hooks/jobs";
            return receiver;
        }

        public async Task<ReceivedCallback> WaitForAcceptedAsync(TimeSpan timeout)
        {
            Assert.True(await Eventually(() => _received.Any(r => r.Accepted), timeout), $"no callback was accepted within {timeout} ({_received.Count} refused)");
            return _received.First(r => r.Accepted);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>`repatriation serve` as its own process, on a free loopback port, with the given environment.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServeProcess(Process process)
        {
            _process = process;
        }

        public Uri BaseAddress { get; private set; } = null!;

        public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "repatriation.dll"));
            start.ArgumentList.Add("serve");
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("serve did not start");
            var serve = new ServeProcess(process);
            var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (serve._output)
                {
                    serve._output.AppendLine(e.Data);
                }

                const string Marker = "Serving the checker on ";
                if (e.Data.StartsWith(Marker, StringComparison.Ordinal))
                {
                    var url = e.Data[Marker.Length..].Split([' ', ','], 2)[0];
                    ready.TrySetResult(new Uri(url));
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (serve._output)
                {
                    serve._output.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var started = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            if (started != ready.Task)
            {
                await serve.DisposeAsync();
                throw new InvalidOperationException($"serve did not come up: {serve.Output}");
            }

            serve.BaseAddress = await ready.Task;
            return serve;
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Ends the process at once, as a crash or a pulled plug would: no graceful shutdown.</summary>
        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        public ValueTask DisposeAsync()
        {
            Kill();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
