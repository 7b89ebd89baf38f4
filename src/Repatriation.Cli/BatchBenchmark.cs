using System.Diagnostics;

namespace Repatriation.Cli;

/// <summary>
/// `bench batch [--manuscripts N] [--characters N]`: N book-length manuscripts (default 100 of 500,000
/// characters) checked through the `check DIR --output DIR` code path, against the same text checked as one
/// document through the same path in the same run. Reports the throughput ratio (target >= 0.9) and the peak
/// memory of a batch of N/10 and of N manuscripts, which should be the same: manuscripts are read, checked,
/// written and released one at a time. Peak memory is the live managed heap above what was held before the run,
/// also taken per manuscript (the first tenth against the last: flat when nothing accumulates).
/// </summary>
internal static class BatchBenchmark
{
    public static async Task<int> RunAsync(int manuscripts, int characters, TextWriter stdout)
    {
        var root = Directory.CreateTempSubdirectory("repatriation-bench-batch-");
        try
        {
            var books = Path.Combine(root.FullName, "books");
            var small = Path.Combine(root.FullName, "small");
            Directory.CreateDirectory(books);
            Directory.CreateDirectory(small);
            long totalCharacters = 0;
            await using (var whole = new StreamWriter(Path.Combine(root.FullName, "whole.txt")))
            {
                for (var i = 0; i < manuscripts; i++)
                {
                    var text = BenchManuscripts.Generate(characters, i);
                    totalCharacters += text.Length;
                    // Two folders deep, as a publisher's submissions are kept.
                    var file = Path.Combine(books, $"author-{i % 10:00}", $"book-{i:000}.txt");
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllTextAsync(file, text);
                    if (i < manuscripts / 10)
                    {
                        await File.WriteAllTextAsync(Path.Combine(small, $"book-{i:000}.txt"), text);
                    }

                    await whole.WriteAsync(text);
                }
            }

            stdout.WriteLine($"{manuscripts} manuscripts of ~{characters:N0} characters ({totalCharacters:N0} in all), written to {root.FullName}");

            // Warm the engine and the writers so the timings compare steady states, not JIT.
            await Check(Path.Combine(small, "book-000.txt"), Path.Combine(root.FullName, "warm"));

            // Timings alternate and keep the best of two, so neither side gets the warmer machine.
            var batchTime = TimeSpan.MaxValue;
            var wholeTime = TimeSpan.MaxValue;
            for (var run = 0; run < 2; run++)
            {
                batchTime = Min(batchTime, await Time(() => Check(books, Path.Combine(root.FullName, $"out-batch-{run}"))));
                wholeTime = Min(wholeTime, await Time(() => Check(Path.Combine(root.FullName, "whole.txt"), Path.Combine(root.FullName, $"out-whole-{run}"))));
            }

            // Memory is measured in runs of its own: the sampler collects garbage to see what is really held.
            var smallPeak = await PeakLiveHeap(() => Check(small, Path.Combine(root.FullName, "mem-small")));
            var held = new List<(int Done, long Bytes)>();
            var perManuscript = new List<long>(manuscripts);
            var heldBaseline = GC.GetTotalMemory(forceFullCollection: true);
            long sincePrevious = 0;
            CheckCommand.ManuscriptFinished = done =>
            {
                // The most held while this manuscript was read, checked and written: flat when nothing accumulates.
                perManuscript.Add(Interlocked.Exchange(ref sincePrevious, 0));
                if (done == 1 || done % (manuscripts / 10) == 0)
                {
                    held.Add((done, GC.GetTotalMemory(forceFullCollection: true) - heldBaseline));
                }
            };
            long batchPeak;
            try
            {
                batchPeak = await PeakLiveHeap(() => Check(books, Path.Combine(root.FullName, "mem-batch")), sample =>
                {
                    long seen;
                    while (sample > (seen = Interlocked.Read(ref sincePrevious)) && Interlocked.CompareExchange(ref sincePrevious, sample, seen) != seen)
                    {
                    }
                });
            }
            finally
            {
                CheckCommand.ManuscriptFinished = null;
            }

            var wholePeak = await PeakLiveHeap(() => Check(Path.Combine(root.FullName, "whole.txt"), Path.Combine(root.FullName, "mem-whole")));
            var workingSet = Process.GetCurrentProcess().PeakWorkingSet64;

            var ratio = wholeTime.TotalSeconds / batchTime.TotalSeconds;
            stdout.WriteLine($"one document:  {wholeTime.TotalSeconds,8:N1} s  {totalCharacters / wholeTime.TotalSeconds / 1e6,6:N2} M chars/s  peak live heap {wholePeak / 1e6,8:N1} MB");
            stdout.WriteLine($"batch of {manuscripts,3}: {batchTime.TotalSeconds,8:N1} s  {totalCharacters / batchTime.TotalSeconds / 1e6,6:N2} M chars/s  peak live heap {batchPeak / 1e6,8:N1} MB");
            stdout.WriteLine($"batch of {manuscripts / 10,3}:                            peak live heap {smallPeak / 1e6,8:N1} MB");
            stdout.WriteLine($"throughput ratio batch / one document: {ratio:N2} (target >= 0.9) {(ratio >= 0.9 ? "met" : "missed")}");
            stdout.WriteLine($"peak heap, {manuscripts} vs {manuscripts / 10} manuscripts: {(double)batchPeak / smallPeak:N2} x (1 means it does not grow with the number of manuscripts)");
            stdout.WriteLine("live heap held between manuscripts (after N done, MB): " + string.Join("  ", held.Select(h => $"{h.Done}: {h.Bytes / 1e6:N2}")));
            var tenth = Math.Max(1, perManuscript.Count / 10);
            var first = perManuscript.Take(tenth).ToList();
            var last = perManuscript.Skip(perManuscript.Count - tenth).ToList();
            stdout.WriteLine($"peak live heap per manuscript (MB): first {tenth} mean {first.Average() / 1e6:N1} max {first.Max() / 1e6:N1}, last {tenth} mean {last.Average() / 1e6:N1} max {last.Max() / 1e6:N1}, " +
                $"all max {perManuscript.Max() / 1e6:N1}; last/first {last.Average() / Math.Max(1, first.Average()):N2} (1 means flat)");
            stdout.WriteLine($"process peak working set over the whole benchmark: {workingSet / 1e6:N0} MB");
            return CommandLine.Clean;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static async Task Check(string path, string output)
    {
        var code = await CommandLine.RunAsync(["check", path, "--output", output, "--format", "json", "--fail-on", "none"], TextReader.Null, TextWriter.Null, TextWriter.Null);
        if (code != CommandLine.Clean)
        {
            throw new InvalidOperationException($"check {path} exited {code}");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task<TimeSpan> Time(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed;
    }

    /// <summary>The most managed memory held at once while <paramref name="run"/> works: a sampler thread forces a collection every 5 ms and reads what survives.</summary>
    private static async Task<long> PeakLiveHeap(Func<Task> run, Action<long>? onSample = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        var running = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref running))
            {
                var live = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                peak = Math.Max(peak, live);
                onSample?.Invoke(live);
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        sampler.Start();
        await run();
        Volatile.Write(ref running, false);
        sampler.Join();
        return Math.Max(peak, 1);
    }
}
