using System.Globalization;
using System.Text;
using Repatriation.Core.Review;

namespace Repatriation.Core.Reports;

/// <summary>
/// The readable report: one line per claim (location, status, the claim, the message) with the
/// deciding source and the suggestion beneath. ANSI colours only when asked (a terminal). Written as the claims
/// come; dismissed claims, listed apart after the open ones, are set aside in a <see cref="SpillStream"/>.
/// </summary>
public sealed class TextReportWriter : IReportWriter
{
    private readonly TextWriter _output;
    private readonly bool _colour;
    private readonly bool _includeSupported;
    private readonly bool _onlyNew;
    private readonly bool _withInconsistencies;

    /// <param name="onlyNew">Only flags that are new since the baseline (`check --only-new`); the summary line stays whole.</param>
    /// <param name="withInconsistencies">After each report's summary, one line per inconsistency within the manuscript.</param>
    public TextReportWriter(TextWriter output, bool colour, bool includeSupported = true, bool onlyNew = false, bool withInconsistencies = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _colour = colour;
        _includeSupported = includeSupported;
        _onlyNew = onlyNew;
        _withInconsistencies = withInconsistencies;
    }

    /// <param name="onlyNew">Only flags that are new since the baseline (`check --only-new`); the summary line stays whole.</param>
    public static string Write(CheckReport report, bool colour, bool includeSupported = true, bool onlyNew = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringWriter();
        using (var writer = new TextReportWriter(text, colour, includeSupported, onlyNew))
        {
            ReportSinks.Replay(report, writer.Report());
            writer.Complete();
        }

        return text.ToString();
    }

    public IReportSink Report(string? text = null) => new Sink(this);

    public void Complete() => _output.Flush();

    public void Dispose()
    {
    }

    private bool Shown(ClaimResult claim) =>
        (_includeSupported && !_onlyNew || claim.Status != ClaimStatuses.Supported)
        && (!_onlyNew || claim.Baseline == BaselineStates.New);

    /// <summary>One report: its open claims as they come, the dismissed ones set aside and written after them.</summary>
    private sealed class Sink(TextReportWriter owner) : IReportSink
    {
        private SpillStream? _dismissedSpill;
        private StreamWriter? _dismissed;
        private int _dismissedCount;

        private TextWriter Output => owner._output;

        public void Begin(ReportHeader header)
        {
            var name = header.Document.Name ?? "(text)";
            Output.WriteLine(Paint($"{name}", "1", owner._colour) +
                $"  fact set {header.FactSet.Id} {header.FactSet.Version}{(header.FactSet.Etag is null ? "" : $" (etag {header.FactSet.Etag})")}");
        }

        public void Claim(ClaimResult claim)
        {
            if (!owner.Shown(claim))
            {
                return;
            }

            if (claim.Decision is null)
            {
                WriteClaim(Output, claim, owner._colour);
                foreach (var source in claim.Evidence.SelectMany(e => e.Sources).Distinct().Take(3))
                {
                    Output.Write("              source: ");
                    Output.WriteLine(Cite(source));
                }

                if (claim.Suggestion is not null)
                {
                    Output.Write("              suggest: ");
                    Output.WriteLine(claim.Suggestion);
                }
            }
            else if (claim.Status != ClaimStatuses.Supported)
            {
                // Dismissed claims apart, each with the editor's reason: seen, decided, not to be read again.
                _dismissedSpill ??= new SpillStream();
                _dismissed ??= new StreamWriter(_dismissedSpill, new UTF8Encoding(false), 4 * 1024, leaveOpen: true) { NewLine = Output.NewLine };
                _dismissedCount++;
                WriteClaim(_dismissed, claim, colour: false);
                var decision = claim.Decision;
                _dismissed.Write("              dismissed: ");
                _dismissed.Write(decision.Reason ?? "(no reason given)");
                if (decision.By is not null || decision.At is not null)
                {
                    _dismissed.Write($" ({string.Join(", ", new[] { decision.By, decision.At?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.Where(p => p is not null))})");
                }

                _dismissed.WriteLine();
            }
        }

        public void End(ReportTotals totals)
        {
            if (_dismissedCount > 0)
            {
                Output.WriteLine($"  dismissed ({_dismissedCount}):");
                _dismissed!.Flush();
                _dismissedSpill!.CopyTo(Output);
                _dismissed.Dispose();
                _dismissedSpill.Dispose();
            }

            if (!owner._onlyNew && totals.AbsentClaims is { Count: > 0 } absent)
            {
                Output.WriteLine($"  gone since the baseline ({absent.Count}): " + string.Join("; ", absent.Select(a => $"{a.Status} \"{OneLine(a.Text)}\"")));
            }

            var s = totals.Summary;
            if (s.StaleDecisions is { Count: > 0 } stale)
            {
                Output.WriteLine($"  stale decisions ({stale.Count}, their claims are gone): {string.Join(", ", stale.Select(d => d.Id))}");
            }

            Output.WriteLine($"  {s.Claims} claims, {s.Flagged} flagged ({s.Open} open, {s.Dismissed} dismissed): {s.Supported} supported, {s.Disputed} disputed, {s.Imprecise} imprecise, {s.Contradicted} contradicted, {s.Unsupported} unsupported, {s.Misattributed} misattributed");
            if (owner._withInconsistencies && totals.Consistency is { Count: > 0 } findings)
            {
                // Manuscript-level findings the per-claim lines do not show: one line each.
                foreach (var finding in findings)
                {
                    Output.WriteLine($"  INCONSISTENT  {finding.Message}");
                }
            }
        }
    }

    private static void WriteClaim(TextWriter output, ClaimResult claim, bool colour)
    {
        var builder = new StringBuilder();
        AppendClaim(builder, claim, colour);
        output.Write(builder);
    }

    private static void AppendClaim(StringBuilder builder, ClaimResult claim, bool colour)
    {
        var status = Paint(claim.Status.ToUpperInvariant().PadRight(13), ColourOf(claim.Status), colour);
        builder.Append($"  {claim.Line}:{claim.Column}".PadRight(10)).Append(status).Append(' ')
            .Append(claim.Kind.PadRight(12));
        if (claim.Baseline is BaselineStates.New or BaselineStates.Updated)
        {
            builder.Append('[').Append(claim.Baseline).Append("] ");
        }

        builder.Append('"').Append(OneLine(claim.Text)).Append("\"  ").AppendLine(claim.Message);
    }

    public static string Cite(EvidenceSource source)
    {
        var cite = new StringBuilder(source.Author).Append(", ").Append(source.Title);
        if (source.Year is { } year)
        {
            cite.Append(" (").Append(year).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(source.Page))
        {
            cite.Append(", p. ").Append(source.Page);
        }

        return cite.ToString();
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string ColourOf(string status) => status switch
    {
        ClaimStatuses.Supported => "32",
        ClaimStatuses.Disputed => "36",
        ClaimStatuses.Imprecise or ClaimStatuses.Unsupported => "33",
        _ => "31",
    };

    private static string Paint(string text, string code, bool colour) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
