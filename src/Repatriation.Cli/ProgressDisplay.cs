using System.Globalization;
using Repatriation.Core.Reports;
using Spectre.Console;

namespace Repatriation.Cli;

/// <summary>
/// Progress through the inputs of one `check`, on standard error: a Spectre.Console bar on a terminal, one plain
/// line per manuscript when standard error is redirected (CI logs), nothing when the caller gave its own writer.
/// Only for runs of more than one manuscript.
/// </summary>
internal abstract class ProgressDisplay
{
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public static ProgressDisplay For(TextWriter stderr, int total) =>
        total <= 1 || !ReferenceEquals(stderr, Console.Error) ? new Quiet(stderr)
        : IsTerminal(stderr) ? new Bar(stderr, total)
        : new Lines(stderr, total);

    /// <summary>Runs the loop over the manuscripts with this display around it.</summary>
    public abstract void Run(Action<IProgress> body);

    internal interface IProgress
    {
        /// <summary><paramref name="done"/> manuscripts finished; <paramref name="summary"/> is the one just finished.</summary>
        void Report(int done, string current, ReportSummary? summary = null);

        /// <summary>A line (an error) shown without tearing the bar.</summary>
        void WriteLine(string line);
    }

    private sealed class Quiet(TextWriter stderr) : ProgressDisplay, IProgress
    {
        public override void Run(Action<IProgress> body) => body(this);

        public void Report(int done, string current, ReportSummary? summary = null)
        {
        }

        public void WriteLine(string line) => stderr.WriteLine(line);
    }

    private sealed class Lines(TextWriter stderr, int total) : ProgressDisplay, IProgress
    {
        public override void Run(Action<IProgress> body) => body(this);

        public void Report(int done, string current, ReportSummary? summary = null)
        {
            if (summary is not null)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{total}] {current}: {summary.Claims} claims, {summary.Open} open, {summary.Dismissed} dismissed"));
            }
        }

        public void WriteLine(string line) => stderr.WriteLine(line);
    }

    private sealed class Bar(TextWriter stderr, int total) : ProgressDisplay
    {
        private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });

        public override void Run(Action<IProgress> body) =>
            _console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("checking", maxValue: total);
                    body(new Reporter(_console, task));
                });

        private sealed class Reporter(IAnsiConsole console, ProgressTask task) : IProgress
        {
            public void Report(int done, string current, ReportSummary? summary = null)
            {
                task.Value = done;
                var name = current.Length > 40 ? "…" + current[^39..] : current;
                task.Description = Markup.Escape(name);
            }

            public void WriteLine(string line) => console.MarkupLine("[red]" + Markup.Escape(line) + "[/]");
        }
    }
}
