using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// `bench [check] [--megabytes N] [--semantic]`: checks a generated text of N million characters (default 10) and, in the same
/// run, times a single-pass regex scan of it; reports the time ratio and the peak memory the check adds.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var megabytes = Positive("--megabytes", "Millions of characters of generated text to check.", 10);
        var semantic = new Option<bool>("--semantic") { Description = "Instead: check the text without and then with sentence similarity, and print both times and the memory the model adds." };
        var check = new Command("check", "Checks a generated text and, in the same run, times a regex scan of it; prints the time ratio and the peak memory the check adds.") { megabytes, semantic };
        check.SetAction(result => result.GetValue(semantic)
            ? SemanticBenchmark.Run(result.GetValue(megabytes), context.Stdout)
            : RunCheck(result.GetValue(megabytes), context.Stdout));

        var requests = Positive("--requests", "POST /api/check requests to time (GET /api/health gets four times as many).", 2000);
        var concurrency = Positive("--concurrency", "Requests in flight at once.", Math.Max(4, Environment.ProcessorCount * 2));
        var serve = new Command("serve", "Starts `serve` on a loopback port and times POST /api/check against GET /api/health in the same run.") { requests, concurrency };
        serve.SetAction((result, _) => Bench.ServeBenchmark.RunAsync(result.GetValue(requests), result.GetValue(concurrency), context.Stdout));

        var manuscripts = AtLeast("--manuscripts", "How many book-length manuscripts to write and check.", 100, 10);
        var characters = AtLeast("--characters", "Characters per manuscript.", 500_000, 1000);
        var batch = new Command("batch", "Checks N manuscripts through `check DIR --output DIR` against the same text as one document; prints the throughput ratio and peak heap.") { manuscripts, characters };
        batch.SetAction((result, _) => BatchBenchmark.RunAsync(result.GetValue(manuscripts), result.GetValue(characters), context.Stdout));

        // `bench` alone (or with --megabytes) is `bench check`, as it always was.
        var bench = new Command("bench", "Benchmarks, each measured as a ratio against a baseline timed in the same run (build with -c Release).") { megabytes, check, serve, batch };
        bench.SetAction(result => RunCheck(result.GetValue(megabytes), context.Stdout));
        return bench;
    }

    private static Option<int> Positive(string name, string description, int defaultValue) => AtLeast(name, description, defaultValue, 1);

    private static Option<int> AtLeast(string name, string description, int defaultValue, int minimum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result =>
        {
            // A value that is not a number is already an error of its own; GetValueOrDefault would throw on it.
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && value < minimum)
            {
                result.AddError($"{name} must be at least {minimum}");
            }
        });
        return option;
    }

    private static int RunCheck(int megabytes, TextWriter stdout)
    {
        var snapshot = FactSetLoader.LoadShipped();
        var factSetBytes = Encoding.UTF8.GetByteCount(ShippedFactSet.ReadJson());
        var text = BenchText.Generate(megabytes * 1_000_000);
        var checker = new ClaimChecker();

        // Warm both paths so the timings compare steady states, not JIT.
        var scan = new Regex(@"[0-9]+", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        scan.Count(text.AsSpan(0, 100_000));
        StreamingReportWriter.WriteJson(Stream.Null, checker, new CheckRequest(text[..200_000]), snapshot);

        var scanTime = Best(3, () => scan.Count(text));
        ReportSummary? summary = null;
        var checkTime = Best(1, () => summary = StreamingReportWriter.WriteJson(Stream.Null, checker, new CheckRequest(text, "bench"), snapshot));

        // Memory is measured in a second pass, apart from the timing: every few thousand claims a full collection
        // reads what is really held (the text, the fact set and whatever the check keeps), not garbage awaiting GC.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peakHeld = before;
        var seen = 0;
        checker.Stream(new CheckRequest(text, "bench"), snapshot, _ =>
        {
            if (++seen % 5_000 == 0)
            {
                peakHeld = Math.Max(peakHeld, GC.GetTotalMemory(forceFullCollection: true));
            }
        });
        var peakExtra = Math.Max(0, peakHeld - before);

        var textBytes = (long)text.Length * sizeof(char);
        var ratio = checkTime.TotalSeconds / scanTime.TotalSeconds;
        var memoryBudget = 4 * textBytes + factSetBytes;
        stdout.WriteLine($"text: {text.Length:N0} characters ({textBytes:N0} bytes in memory), {summary!.Claims:N0} claims ({summary.Flagged:N0} flagged)");
        stdout.WriteLine($"regex scan: {scanTime.TotalMilliseconds:N0} ms ({text.Length / scanTime.TotalSeconds / 1e6:N0} M chars/s)");
        stdout.WriteLine($"check:      {checkTime.TotalMilliseconds:N0} ms ({text.Length / checkTime.TotalSeconds / 1e6:N1} M chars/s)");
        stdout.WriteLine($"time ratio check/scan: {ratio:N1} (target <= 10) {(ratio <= 10 ? "met" : "missed")}");
        stdout.WriteLine($"peak memory held by the check beyond the text and fact set: {peakExtra / 1e6:N1} MB = {(double)peakExtra / textBytes:N2} x text size (budget 4 x text + fact set = {memoryBudget / 1e6:N1} MB) {(peakExtra <= memoryBudget ? "met" : "missed")}");
        return CommandLine.Clean;
    }

    private static TimeSpan Best(int runs, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}

/// <summary>Builds a long text from paragraphs written for the benchmark, with the figures varied so it is not one repeat.</summary>
internal static class BenchText
{
    private static readonly string[] Paragraphs =
    [
        "At the Yalta Conference in February 1945 the Western Allies and the Soviet Union agreed on the return of liberated citizens. By 1 March 1946 the repatriation administration counted 4,199,488 repatriates, of whom 1,539,475 were former prisoners of war.",
        "Between 1946 and 1948 several million civilians were said to have been forcibly repatriated, though the yearly figures show 195,273 in 1946 and 30,346 in 1947. According to Krivosheev, 233,400 returned prisoners of war were convicted.",
        "At Fort Dix on 29 June 1945 three prisoners took their own lives. At Plattling on 24 February 1946 some 1,590 men of the 2nd Division were handed over, and Nikolai Tolstoy described the guards as “visibly shamefaced”.",
        "Nicholas Bethell's The Last Secret (1974) told the British side of the story. Order No. 270 was issued on 16 August 1941, and the amnesty decree of 17 September 1955 freed many who had served with the Germans.",
        "A local history society recorded about 120 visitors at its spring meeting in 1998, when a plaque was unveiled; nearly half of them had travelled from abroad.",
    ];

    public static string Generate(int characters)
    {
        var builder = new StringBuilder(characters + 1024);
        var round = 0;
        while (builder.Length < characters)
        {
            foreach (var paragraph in Paragraphs)
            {
                // Vary one number per paragraph so the text is not one block repeated verbatim.
                builder.Append(paragraph.Replace("120 visitors", $"{100 + round % 900} visitors", StringComparison.Ordinal)).Append("\n\n");
            }

            round++;
        }

        return builder.ToString();
    }
}
