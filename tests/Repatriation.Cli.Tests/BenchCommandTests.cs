namespace Repatriation.Cli.Tests;

/// <summary>`bench check` and `bench memory` on small texts: their plumbing and what they print, never their figures (no timed tests).</summary>
public sealed class BenchCommandTests
{
    private static async Task<(int Code, string Out)> Bench(params string[] args)
    {
        var stdout = new StringWriter();
        var code = await CommandLine.RunAsync(["bench", .. args], TextReader.Null, stdout, TextWriter.Null);
        return (code, stdout.ToString());
    }

    [Fact]
    public async Task BenchCheck_Essay_RatioAgainstTheGeneratedPatternAndBytesAllocated()
    {
        var (code, output) = await Bench("check", "--megabytes", "1", "--text", "essay");

        Assert.Equal(0, code);
        Assert.Contains("essay: 1,00", output);
        Assert.DoesNotContain("dense: ", output);
        Assert.Matches(@"time ratio check/baseline: [\d,.]+ \(target <= 10\)", output);
        Assert.Matches(@"MB allocated per run", output);
    }

    [SkippableFact]
    public async Task BenchMemory_SmallTexts_PeakOfEveryProcessAgainstItsTinyInput()
    {
        Skip.IfNot(File.Exists("/proc/self/status"), "bench memory reads /proc");

        var (code, output) = await Bench("memory", "--megabytes", "1", "--post-megabytes", "1", "--text", "essay");

        Assert.Equal(0, code);
        Assert.Matches(@"check --format json +essay 1\.0 MB: peak +[\d,]+ MB, tiny input +[\d,]+ MB, extra +[\d,]+ MB = +[\d.]+ x text", output);
        Assert.Contains("check --format sarif", output);
        Assert.Matches(@"POST /api/check essay 1\.0 MB: .*; 200, ", output);
    }
}
