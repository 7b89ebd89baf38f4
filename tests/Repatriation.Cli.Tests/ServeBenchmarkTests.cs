using System.Text;

namespace Repatriation.Cli.Tests;

/// <summary>The benchmark's plumbing, with a handful of requests: figures are reported, never asserted on (no timed tests).</summary>
public sealed class ServeBenchmarkTests
{
    [Fact]
    public void Article_IsAboutTenKilobytesOfTheTopic()
    {
        var article = Bench.ServeBenchmark.Article();

        Assert.InRange(Encoding.UTF8.GetByteCount(article), 9_000, 12_000);
        Assert.Contains("Lienz", article);
        Assert.Contains("Yalta", article);
    }

    [Fact]
    public async Task RunAsync_SmallRun_ReportsBothRoutesAndTheRatio()
    {
        var stdout = new StringWriter();

        var code = await CommandLine.RunAsync(["bench", "serve", "--requests", "10", "--concurrency", "2"], TextReader.Null, stdout, TextWriter.Null);

        Assert.Equal(0, code);
        var output = stdout.ToString();
        Assert.Contains("GET /api/health", output);
        Assert.Contains("POST /api/check", output);
        Assert.Contains("0 errors", output);
        Assert.Matches(@"ratio check/health throughput: \d", output);
    }

    [Fact]
    public async Task RunAsync_BadOption_Exits2()
    {
        var stderr = new StringWriter();

        var code = await CommandLine.RunAsync(["bench", "serve", "--requests", "many"], TextReader.Null, TextWriter.Null, stderr);

        Assert.Equal(2, code);
        Assert.Contains("--requests", stderr.ToString());
    }
}
