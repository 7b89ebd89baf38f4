using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Cli.Bench;

/// <summary>
/// `bench check [--megabytes N] [--text dense|essay|both]`: checks N million characters (default 10) of claim-dense
/// generated text and of the sample essay repeated, writing the streamed JSON report to nowhere, and in the same run
/// counts the matches of a source-generated <c>\d[\d,.]*</c> over the same text: the cheapest pass that still looks
/// at every figure. Prints the time ratio (target ≤ 10) and the bytes the check allocates.
/// </summary>
internal static partial class CheckBenchmark
{
    public const double TargetRatio = 10;
    public static readonly IReadOnlyList<string> Texts = ["dense", "essay", "both"];

    [GeneratedRegex(@"\d[\d,.]*", RegexOptions.CultureInvariant, RegexBudget)]
    private static partial Regex Figures();

    // The baseline is held to the product's own budget, so it is the same kind of pattern the engine may use.
    private const int RegexBudget = Repatriation.Core.Input.RegexBudget.Milliseconds;

    public static int Run(int megabytes, string which, TextWriter stdout)
    {
        var snapshot = FactSetLoader.LoadShipped();
        var checker = new ClaimChecker();
        stdout.WriteLine($"bench check: {megabytes} M characters per text, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        foreach (var name in which == "both" ? ["dense", "essay"] : new[] { which })
        {
            var text = name == "dense" ? BenchText.Generate(megabytes * 1_000_000) : EssayText(megabytes * 1_000_000);
            RunOne(name, text, checker, snapshot, stdout);
        }

        return CommandLine.Clean;
    }

    /// <summary>samples/repatriation-essay.txt (embedded) repeated to at least <paramref name="characters"/>.</summary>
    public static string EssayText(int characters)
    {
        var essay = Essay();
        var builder = new StringBuilder(characters + essay.Length + 2);
        while (builder.Length < characters)
        {
            builder.Append(essay).Append("\n\n");
        }

        return builder.ToString();
    }

    public static string Essay()
    {
        const string Resource = "Repatriation.Cli.Bench.repatriation-essay.txt";
        using var stream = typeof(CheckBenchmark).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd();
    }

    private static void RunOne(string name, string text, ClaimChecker checker, FactSetSnapshot snapshot, TextWriter stdout)
    {
        var baseline = Figures();

        // Warm both paths so the timings compare steady states, not JIT: enough calls for the pattern's code to reach
        // its optimised tier (one call over a long text would run the unoptimised loop).
        for (var i = 0; i < 100; i++)
        {
            baseline.Count(text.AsSpan(0, Math.Min(text.Length, 20_000)));
        }

        StreamingReportWriter.WriteJson(Stream.Null, checker, new CheckRequest(text[..Math.Min(text.Length, 200_000)]), snapshot);

        var matches = 0;
        var scanTime = Best(30, () => matches = baseline.Count(text));

        // The check is timed twice and the better run kept; its allocations are counted on every thread it uses.
        ReportSummary? summary = null;
        long allocated = long.MaxValue;
        var checkTime = TimeSpan.MaxValue;
        for (var run = 0; run < 2; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            summary = StreamingReportWriter.WriteJson(Stream.Null, checker, new CheckRequest(text, "bench"), snapshot);
            var elapsed = watch.Elapsed;
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
            checkTime = elapsed < checkTime ? elapsed : checkTime;
        }

        var ratio = checkTime.TotalSeconds / scanTime.TotalSeconds;
        stdout.WriteLine($"{name}: {text.Length:N0} characters, {summary!.Claims:N0} claims ({summary.Flagged:N0} flagged); \\d[\\d,.]* finds {matches:N0}");
        stdout.WriteLine($"  baseline \\d[\\d,.]*: {scanTime.TotalMilliseconds,9:N1} ms ({text.Length / scanTime.TotalSeconds / 1e6,7:N1} M chars/s)");
        stdout.WriteLine($"  check + JSON:      {checkTime.TotalMilliseconds,9:N1} ms ({text.Length / checkTime.TotalSeconds / 1e6,7:N2} M chars/s), {allocated / 1e6:N0} MB allocated per run ({(double)allocated / text.Length:N0} bytes per character)");
        stdout.WriteLine($"  time ratio check/baseline: {ratio:N1} (target <= {TargetRatio:N0}) {(ratio <= TargetRatio ? "met" : "missed")}");
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

    /// <summary>The machine's 1-minute load average, so a figure can be read against what else was running.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
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
