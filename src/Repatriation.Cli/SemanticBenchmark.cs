using System.Diagnostics;
using Repatriation.Cli.Bench;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Semantic;

namespace Repatriation.Cli;

/// <summary>
/// `bench check --semantic`: the same generated text checked without and then with sentence similarity, in one run;
/// prints both times (per claim and per million characters), the model's load time, the time to embed the fact set,
/// and the memory the model adds (peak resident set and managed heap).
/// </summary>
internal static class SemanticBenchmark
{
    public static int Run(int megabytes, TextWriter stdout)
    {
        var snapshot = FactSetLoader.LoadShipped();
        var text = BenchText.Generate(megabytes * 1_000_000);
        var plain = new ClaimChecker();
        StreamingReportWriter.WriteJson(Stream.Null, plain, new CheckRequest(text[..200_000]), snapshot);

        var (heapPlain, rssPlain) = Memory();
        var watch = Stopwatch.StartNew();
        var plainSummary = StreamingReportWriter.WriteJson(Stream.Null, plain, new CheckRequest(text, "bench"), snapshot);
        var plainTime = watch.Elapsed;
        var peakPlain = PeakResident();

        watch.Restart();
        var reader = SemanticServiceExtensions.CreateReader();
        var loadTime = watch.Elapsed;
        watch.Restart();
        var entries = reader.Prepare(snapshot.Compiled);
        var indexTime = watch.Elapsed;
        var (heapModel, rssModel) = Memory();

        var semantic = new ClaimChecker(reader);
        StreamingReportWriter.WriteJson(Stream.Null, semantic, new CheckRequest(text[..2_000]), snapshot);
        var (warmSentences, warmTime) = reader.Usage;
        watch.Restart();
        var semanticSummary = StreamingReportWriter.WriteJson(Stream.Null, semantic, new CheckRequest(text, "bench"), snapshot);
        var semanticTime = watch.Elapsed;
        var (sentences, embedTime) = reader.Usage;
        sentences -= warmSentences;
        embedTime -= warmTime;
        var peakSemantic = PeakResident();

        double PerClaim(TimeSpan t, int claims) => t.TotalMilliseconds / Math.Max(1, claims);
        double PerMillion(TimeSpan t) => t.TotalSeconds / (text.Length / 1e6);
        stdout.WriteLine($"text: {text.Length:N0} characters; without: {plainSummary.Claims:N0} claims ({plainSummary.Flagged:N0} flagged); with: {semanticSummary.Claims:N0} claims ({semanticSummary.Flagged:N0} flagged)");
        stdout.WriteLine($"check without semantic: {plainTime.TotalMilliseconds:N0} ms = {PerClaim(plainTime, plainSummary.Claims):N3} ms/claim, {PerMillion(plainTime):N2} s per million characters");
        stdout.WriteLine($"check with semantic:    {semanticTime.TotalMilliseconds:N0} ms = {PerClaim(semanticTime, semanticSummary.Claims):N3} ms/claim, {PerMillion(semanticTime):N2} s per million characters ({semanticTime / plainTime:N1} x)");
        stdout.WriteLine($"  sentences embedded: {sentences:N0} ({embedTime.TotalMilliseconds / Math.Max(1, sentences):N1} ms each, {embedTime.TotalMilliseconds:N0} ms in all)");
        stdout.WriteLine($"model load: {loadTime.TotalMilliseconds:N0} ms; fact set embedded once: {entries:N0} texts in {indexTime.TotalMilliseconds:N0} ms");
        stdout.WriteLine($"memory without: heap {heapPlain / 1e6:N0} MB, resident {rssPlain / 1e6:N0} MB, peak resident {peakPlain / 1e6:N0} MB");
        stdout.WriteLine($"memory with:    heap {heapModel / 1e6:N0} MB, resident {rssModel / 1e6:N0} MB (model and fact vectors loaded), peak resident {peakSemantic / 1e6:N0} MB");
        return CommandLine.Clean;
    }

    private static (long Heap, long Resident) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }

    private static long PeakResident()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
