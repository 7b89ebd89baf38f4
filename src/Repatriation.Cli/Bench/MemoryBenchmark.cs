using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Repatriation.Core.Facts;

namespace Repatriation.Cli.Bench;

/// <summary>
/// `bench memory [--megabytes N] [--post-megabytes M] [--text dense|essay|both]`: the real command line and the real
/// `serve`, each in a process of its own, with their peak resident memory read from /proc/&lt;pid&gt;/status (VmHWM).
/// <list type="bullet">
/// <item>`check FILE --format json` and `--format sarif` on an N-million-character file, against the same command on
/// a tiny file in the same run: the difference is what the text costs.</item>
/// <item>`serve` (Api__MaxTextBytes raised to take it) answering POST /api/check with an M-million-character text/plain
/// body, against its own peak after small requests.</item>
/// </list>
/// The target is an extra peak within 4 times the text's size plus the fact set's; the ratio printed is extra peak /
/// text bytes (the file's, or the body's).
/// </summary>
internal static partial class MemoryBenchmark
{
    public const double TargetTimesText = 4;

    public static async Task<int> RunAsync(int megabytes, int postMegabytes, string which, TextWriter stdout)
    {
        if (!File.Exists("/proc/self/status"))
        {
            stdout.WriteLine("bench memory reads /proc/<pid>/status; this system has no /proc.");
            return CommandLine.UsageOrInputError;
        }

        var factSetBytes = Encoding.UTF8.GetByteCount(ShippedFactSet.ReadJson());
        var root = Directory.CreateTempSubdirectory("repatriation-bench-memory-");
        try
        {
            var tiny = Path.Combine(root.FullName, "tiny.txt");
            await File.WriteAllTextAsync(tiny, CheckBenchmark.Essay());
            stdout.WriteLine($"bench memory: {Environment.ProcessorCount} cores, load average {CheckBenchmark.LoadAverage()}, fact set {factSetBytes / 1e6:N1} MB; peak RSS (VmHWM) of child processes");
            foreach (var name in which == "both" ? ["dense", "essay"] : new[] { which })
            {
                var file = Path.Combine(root.FullName, $"{name}.txt");
                var text = Text(name, megabytes * 1_000_000);
                await File.WriteAllTextAsync(file, text);
                var textBytes = new FileInfo(file).Length;
                foreach (var format in (string[])["json", "sarif"])
                {
                    var small = await PeakOfCheckAsync(tiny, format);
                    var large = await PeakOfCheckAsync(file, format);
                    Print(stdout, $"check --format {format,-5} {name} {textBytes / 1e6:N1} MB", small.Peak, large.Peak, textBytes, factSetBytes,
                        $"{large.OutputBytes / 1e6:N0} MB written in {large.Elapsed.TotalSeconds:N1} s");
                }

                var body = Text(name, postMegabytes * 1_000_000);
                var (idle, peak, elapsed, status, answered) = await PeakOfServeAsync(body);
                var bodyBytes = Encoding.UTF8.GetByteCount(body);
                Print(stdout, $"POST /api/check {name} {bodyBytes / 1e6:N1} MB", idle, peak, bodyBytes, factSetBytes,
                    $"{status}, {answered / 1e6:N0} MB answered in {elapsed.TotalSeconds:N1} s");
            }

            return CommandLine.Clean;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static string Text(string name, int characters) =>
        name == "dense" ? BenchText.Generate(characters) : CheckBenchmark.EssayText(characters);

    private static void Print(TextWriter stdout, string what, long baseline, long peak, long textBytes, long factSetBytes, string detail)
    {
        var extra = Math.Max(0, peak - baseline);
        var budget = TargetTimesText * textBytes + factSetBytes;
        stdout.WriteLine(
            $"  {what}: peak {peak / 1e6,7:N0} MB, tiny input {baseline / 1e6,5:N0} MB, extra {extra / 1e6,7:N0} MB = {(double)extra / textBytes,6:N2} x text " +
            $"(budget 4 x text + fact set = {budget / 1e6:N0} MB) {(extra <= budget ? "met" : "missed")}; {detail}");
    }

    private sealed record CheckRun(long Peak, long OutputBytes, TimeSpan Elapsed);

    private static async Task<CheckRun> PeakOfCheckAsync(string file, string format)
    {
        var start = Child(["check", file, "--format", format, "--fail-on", "none"]);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the command line");
        var output = CountAsync(process.StandardOutput.BaseStream);
        var errors = process.StandardError.ReadToEndAsync();
        var peak = await WatchPeakAsync(process);
        var written = await output;
        if (process.ExitCode != CommandLine.Clean)
        {
            throw new InvalidOperationException($"check {file} --format {format} exited {process.ExitCode}: {await errors}");
        }

        return new CheckRun(peak, written, watch.Elapsed);
    }

    private static async Task<(long Idle, long Peak, TimeSpan Elapsed, string Status, long Answered)> PeakOfServeAsync(string body)
    {
        var port = FreePort();
        var start = Child(["serve", "--urls", $"http://127.0.0.1:{port}"]);
        start.Environment["Api__MaxTextBytes"] = (Encoding.UTF8.GetByteCount(body) + 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["AzureWebJobsStorage"] = null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start serve");
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            }
            while (line is not null && !line.StartsWith("Serving", StringComparison.Ordinal));

            if (line is null)
            {
                throw new InvalidOperationException($"serve did not start: {await errors}");
            }

            var drain = process.StandardOutput.ReadToEndAsync();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(30) };

            // Small requests first, so the idle peak holds the runtime, the fact set and the JIT, as a busy server does.
            var essay = CheckBenchmark.Essay();
            for (var i = 0; i < 20; i++)
            {
                using var small = await client.PostAsync("/api/check", new StringContent(essay, Encoding.UTF8, "text/plain"));
                await small.Content.CopyToAsync(Stream.Null);
            }

            var idle = Peak(process.Id);
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var answered = await CountAsync(await response.Content.ReadAsStreamAsync());
            var elapsed = watch.Elapsed;
            var peak = Peak(process.Id);
            return (idle, peak, elapsed, $"{(int)response.StatusCode}", answered);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls the child's VmHWM (its peak resident set, which only grows) until it exits; the last reading is its peak.</summary>
    private static async Task<long> WatchPeakAsync(Process process)
    {
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, Peak(process.Id));
            await Task.Delay(5);
        }

        await process.WaitForExitAsync();
        return peak;
    }

    /// <summary>VmHWM of a live process in bytes; 0 once it is gone.</summary>
    private static long Peak(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var match = KilobytesLine().Match(line);
                if (match.Success)
                {
                    return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }

    [GeneratedRegex(@"^VmHWM:\s+(\d+) kB", RegexOptions.None, Repatriation.Core.Input.RegexBudget.Milliseconds)]
    private static partial Regex KilobytesLine();

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>This command line again: the apphost as it runs, or `dotnet repatriation.dll`.</summary>
    private static ProcessStartInfo Child(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryBenchmark).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
