using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Repatriation.Cli.Bench;

/// <summary>
/// `bench serve [--requests N] [--concurrency C]`: starts `serve` on a loopback port and, in the same run,
/// loads GET /api/health (the baseline: no work but routing and a small JSON body) and POST /api/check
/// with a ~10 KB article, with bounded request counts from C concurrent HttpClient workers. Reports
/// throughput and p50/p99 latency of both and the check/health throughput ratio (target ≥ 0.25).
/// </summary>
internal static class ServeBenchmark
{
    public const double TargetRatio = 0.25;
    private const string ArticleResource = "Repatriation.Cli.Bench.serve-bench-article.txt";

    private const int Rounds = 5;

    public sealed record Phase(string Name, int Requests, int Errors, TimeSpan Elapsed, double[] SortedLatenciesMs)
    {
        public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;
        public double P50Ms => Percentile(SortedLatenciesMs, 0.50);
        public double P99Ms => Percentile(SortedLatenciesMs, 0.99);
    }

    private static int Share(int total, int round) => total / Rounds + (round < total % Rounds ? 1 : 0);

    private static Phase Combine(IReadOnlyList<Phase> rounds)
    {
        var latencies = rounds.SelectMany(r => r.SortedLatenciesMs).ToArray();
        Array.Sort(latencies);
        return new Phase(
            rounds[0].Name,
            rounds.Sum(r => r.Requests),
            rounds.Sum(r => r.Errors),
            TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
            latencies);
    }

    public static string Article()
    {
        using var stream = typeof(ServeBenchmark).Assembly.GetManifestResourceStream(ArticleResource)
            ?? throw new InvalidOperationException($"The embedded resource {ArticleResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task<int> RunAsync(int checkRequests, int concurrency, TextWriter stdout)
    {
        var healthRequests = checkRequests * 4;
        var article = Article();
        var body = JsonSerializer.Serialize(new { text = article, name = "serve-bench-article.txt" });

        // Per-request logs would measure the console, not the service.
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false })
        {
            BaseAddress = host.BaseAddress,
        };

        HttpRequestMessage Health() => new(HttpMethod.Get, "/api/health");
        HttpRequestMessage Check() => new(HttpMethod.Post, "/api/check")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };

        var (claims, flagged) = await ProbeAsync(client, Check());

        // Warm both routes (JIT, connection pool) before anything is timed.
        await RunPhaseAsync(client, "warm-up", Math.Min(200, healthRequests), concurrency, Health);
        await RunPhaseAsync(client, "warm-up", Math.Min(100, checkRequests), concurrency, Check);

        // Alternate short rounds of each, so a burst of load from elsewhere on the machine hits both alike.
        var healthRounds = new List<Phase>();
        var checkRounds = new List<Phase>();
        for (var round = 0; round < Rounds; round++)
        {
            healthRounds.Add(await RunPhaseAsync(client, "GET /api/health", Share(healthRequests, round), concurrency, Health));
            checkRounds.Add(await RunPhaseAsync(client, "POST /api/check", Share(checkRequests, round), concurrency, Check));
        }

        var health = Combine(healthRounds);
        var check = Combine(checkRounds);
        var ratio = check.RequestsPerSecond / health.RequestsPerSecond;

        await stdout.WriteLineAsync(
            $"bench serve: {host.BaseAddress} concurrency {concurrency}, article {Encoding.UTF8.GetByteCount(article):N0} bytes ({claims} claims, {flagged} flagged), {Environment.ProcessorCount} cores shared by client and server");
        foreach (var phase in new[] { health, check })
        {
            await stdout.WriteLineAsync(
                $"{phase.Name,-16} {phase.Requests,6:N0} requests in {Rounds} rounds, {phase.Errors} errors, {phase.RequestsPerSecond,9:N0} req/s, p50 {phase.P50Ms,7:N2} ms, p99 {phase.P99Ms,7:N2} ms");
        }

        await stdout.WriteLineAsync(
            $"ratio check/health throughput: {ratio:N3} (target >= {TargetRatio:N2}: {(ratio >= TargetRatio ? "met" : "NOT met")})");
        return health.Errors + check.Errors == 0 ? CommandLine.Clean : CommandLine.Flagged;
    }

    private static async Task<(int Claims, int Flagged)> ProbeAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var summary = report.RootElement.GetProperty("summary");
        return (summary.GetProperty("claims").GetInt32(), summary.GetProperty("flagged").GetInt32());
    }

    private static async Task<Phase> RunPhaseAsync(
        HttpClient client, string name, int requests, int concurrency, Func<HttpRequestMessage> create)
    {
        var latencies = new double[requests];
        var next = -1;
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var sent = Stopwatch.GetTimestamp();
                using var request = create();
                using var response = await client.SendAsync(request);
                // Read the whole body: the client pays for what the server sends.
                await response.Content.CopyToAsync(Stream.Null);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        return new Phase(name, requests, errors, elapsed, latencies);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
