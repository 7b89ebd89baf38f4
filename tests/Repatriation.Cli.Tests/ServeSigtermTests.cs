using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Repatriation.Cli.Tests;

/// <summary>The real `serve` process, stopped with SIGTERM while it checks a long hostile text.</summary>
public sealed partial class ServeSigtermTests
{
    [SkippableFact]
    public async Task Serve_SigtermDuringALongCheck_StopsTheCheckAndExits()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "repatriation.dll"), "serve", "--urls", "http://127.0.0.1:0"])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["AzureWebJobsStorage"] = null;
        using var serve = Process.Start(start)!;
        try
        {
            var errors = serve.StandardError.ReadToEndAsync();
            string? line;
            Match address;
            do
            {
                line = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                address = Address().Match(line ?? "");
            }
            while (line is not null && !address.Success);

            Assert.True(address.Success, "serve did not say where it listens");
            var drain = serve.StandardOutput.ReadToEndAsync();
            using var client = new HttpClient { BaseAddress = new Uri(address.Value), Timeout = TimeSpan.FromMinutes(5) };
            // 1 MB of bare figures: the densest shape there is, many seconds of work even in bounded windows.
            var text = string.Concat(Enumerable.Repeat("1 ", 500_000));
            var check = client.PostAsync("/api/check", new StringContent(text, Encoding.UTF8, "text/plain"));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(check.IsCompleted, "the check should still be running when the signal comes");

            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            // The host's own shutdown timeout is 30 s: a check that ignored the signal would hold the process that long.
            await serve.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, serve.ExitCode);
            try
            {
                using var response = await check;
                Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // The connection closed with the server: also an answer nobody mistakes for a report.
            }

            await drain;
            Assert.DoesNotContain("   at ", await errors);
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
