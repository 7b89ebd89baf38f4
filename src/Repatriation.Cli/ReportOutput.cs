using System.Text;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// Where reports go as they are made. With --output each report is written to its own file at once and
/// released; on standard output JSON reports stream as an array, text reports one after another, and SARIF
/// and HTML (one log or page for all inputs) are written at the end.
/// </summary>
internal sealed class ReportOutput
{
    private readonly CheckOptions _options;
    private readonly TextWriter _stdout;
    private readonly bool _singleObject;
    private readonly bool _colour;
    private readonly ReportNames _names = new();
    private readonly List<CheckReport> _held = [];
    private readonly List<string> _heldTexts = [];
    private int _written;

    public ReportOutput(CheckOptions options, TextWriter stdout, bool singleObject)
    {
        _options = options;
        _stdout = stdout;
        _singleObject = singleObject;
        _colour = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (options.Output is not null)
        {
            Directory.CreateDirectory(options.Output);
        }
    }

    /// <summary>The report files written under --output, relative to it.</summary>
    public List<string> Files { get; } = [];

    public void Add(CheckReport report, string text, InputFile input)
    {
        if (_options.Output is not null)
        {
            var name = _names.For(input, ExtensionOf(_options.Format));
            var path = Path.Combine(_options.Output, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Render(report, text, _options.Format, _options.OnlyNew), new UTF8Encoding(false));
            Files.Add(name);
            return;
        }

        switch (_options.Format)
        {
            case "json" when _singleObject:
                _stdout.WriteLine(ReportJson.Serialize(report));
                break;
            case "json":
                _stdout.Write(_written == 0 ? "[\n" : ",\n");
                _stdout.Write(ReportJson.Serialize(report));
                break;
            case "text":
                _stdout.Write(TextReportWriter.Write(report, _colour, onlyNew: _options.OnlyNew) + Inconsistencies(report));
                break;
            default:
                _held.Add(report);
                _heldTexts.Add(text);
                break;
        }

        _written++;
    }

    public void Complete()
    {
        if (_options.Output is not null)
        {
            return;
        }

        switch (_options.Format)
        {
            case "json" when !_singleObject:
                _stdout.WriteLine(_written == 0 ? "[]" : "\n]");
                break;
            case "sarif":
                _stdout.WriteLine(SarifReportWriter.Write(_held));
                break;
            case "html" when _held.Count > 0:
                _stdout.Write(HtmlReportWriter.Write(_held, _heldTexts));
                break;
        }
    }

    private static string Render(CheckReport report, string text, string format, bool onlyNew) => format switch
    {
        "json" => ReportJson.Serialize(report),
        "sarif" => SarifReportWriter.Write(report),
        "html" => HtmlReportWriter.Write([report], [text]),
        _ => TextReportWriter.Write(report, colour: false, onlyNew: onlyNew) + Inconsistencies(report),
    };

    /// <summary>Manuscript-level findings the per-claim text report does not show: one line each.</summary>
    private static string Inconsistencies(CheckReport report) =>
        report.Consistency is { Count: > 0 } findings
            ? string.Concat(findings.Select(f => $"  INCONSISTENT  {f.Message}{Environment.NewLine}"))
            : "";

    private static string ExtensionOf(string format) => format switch
    {
        "json" => ".report.json",
        "sarif" => ".sarif",
        "html" => ".report.html",
        _ => ".report.txt",
    };
}
