namespace Repatriation.Cli;

/// <summary>A one-line progress bar on standard error, drawn only when standard error is a terminal.</summary>
internal sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly TextWriter? _terminal;
    private readonly int _total;
    private bool _drawn;

    private ProgressBar(TextWriter? terminal, int total)
    {
        _terminal = terminal;
        _total = total;
    }

    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    public static ProgressBar ForStandardError(TextWriter stderr, int total) =>
        new(IsTerminal(stderr) && total > 1 ? stderr : null, total);

    public void Report(int done, string? current)
    {
        if (_terminal is null)
        {
            return;
        }

        var filled = _total == 0 ? Width : done * Width / _total;
        var name = current is null ? "" : current.Length > 40 ? "…" + current[^39..] : current;
        _terminal.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{_total} {name}".PadRight(Width + 60));
        _terminal.Flush();
        _drawn = true;
    }

    public void Clear()
    {
        if (_terminal is null || !_drawn)
        {
            return;
        }

        _terminal.Write("\r" + new string(' ', Width + 60) + "\r");
        _terminal.Flush();
        _drawn = false;
    }

    public void Dispose() => Clear();
}
