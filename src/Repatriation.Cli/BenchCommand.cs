using System.CommandLine;

namespace Repatriation.Cli;

/// <summary>
/// `bench [check|memory|serve|batch]`: each target of issue 11 measured as a ratio against a baseline measured in the
/// same run (see each benchmark's class). `bench` alone is `bench check`. `bench check --semantic` instead times the
/// check without and then with sentence similarity (see <see cref="SemanticBenchmark"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var megabytes = Positive("--megabytes", "Millions of characters of each text to check.", 10);
        var text = new Option<string>("--text")
        {
            Description = "Which text: claim-dense generated prose, the sample essay repeated, or both.",
            DefaultValueFactory = _ => "both",
            HelpName = "dense|essay|both",
        };
        text.AcceptOnlyFromAmong([.. Bench.CheckBenchmark.Texts]);
        var semantic = new Option<bool>("--semantic") { Description = "Instead: check the dense text without and then with sentence similarity, and print both times and the memory the model adds." };
        var check = new Command("check", "Checks each text (streamed JSON report) and, in the same run, a source-generated \\d[\\d,.]* pass over it; prints the time ratio and the bytes allocated.") { megabytes, text, semantic };
        check.SetAction(result => result.GetValue(semantic)
            ? SemanticBenchmark.Run(result.GetValue(megabytes), context.Stdout)
            : Bench.CheckBenchmark.Run(result.GetValue(megabytes), result.GetValue(text) ?? "both", context.Stdout));

        var memoryMegabytes = Positive("--megabytes", "Millions of characters of the file given to `check`.", 10);
        var postMegabytes = Positive("--post-megabytes", "Millions of characters of the body POSTed to /api/check.", 5);
        var memoryText = new Option<string>("--text")
        {
            Description = "Which text: claim-dense generated prose, the sample essay repeated, or both.",
            DefaultValueFactory = _ => "dense",
            HelpName = "dense|essay|both",
        };
        memoryText.AcceptOnlyFromAmong([.. Bench.CheckBenchmark.Texts]);
        var memory = new Command("memory", "Runs `check --format json|sarif` on a large and a tiny file and POSTs a large text to `serve`, each a process of its own; prints the peak resident memory the text adds.") { memoryMegabytes, postMegabytes, memoryText };
        memory.SetAction((result, _) => Bench.MemoryBenchmark.RunAsync(result.GetValue(memoryMegabytes), result.GetValue(postMegabytes), result.GetValue(memoryText) ?? "dense", context.Stdout));

        var requests = Positive("--requests", "POST /api/check requests to time (GET /api/health gets four times as many).", 2000);
        var concurrency = Positive("--concurrency", "Requests in flight at once.", Math.Max(4, Environment.ProcessorCount * 2));
        var serve = new Command("serve", "Starts `serve` on a loopback port and times POST /api/check against GET /api/health in the same run.") { requests, concurrency };
        serve.SetAction((result, _) => Bench.ServeBenchmark.RunAsync(result.GetValue(requests), result.GetValue(concurrency), context.Stdout));

        var manuscripts = AtLeast("--manuscripts", "How many book-length manuscripts to write and check.", 100, 10);
        var characters = AtLeast("--characters", "Characters per manuscript.", 500_000, 1000);
        var batch = new Command("batch", "Checks N manuscripts through `check DIR --output DIR` against the same text as one document; prints the throughput ratio and peak heap.") { manuscripts, characters };
        batch.SetAction((result, _) => BatchBenchmark.RunAsync(result.GetValue(manuscripts), result.GetValue(characters), context.Stdout));

        // `bench` alone (or with --megabytes) is `bench check`, as it always was.
        var bench = new Command("bench", "Benchmarks, each measured as a ratio against a baseline timed in the same run (build with -c Release).") { megabytes, text, check, memory, serve, batch };
        bench.SetAction(result => Bench.CheckBenchmark.Run(result.GetValue(megabytes), result.GetValue(text) ?? "both", context.Stdout));
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
}
