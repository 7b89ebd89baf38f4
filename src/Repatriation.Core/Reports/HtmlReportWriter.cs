using System.Globalization;
using System.Net;
using System.Text;

namespace Repatriation.Core.Reports;

/// <summary>
/// A self-contained HTML page an editor can open offline: summary, the checked text with every claim
/// highlighted by status, and a table of claims with message, sources and suggestion. No scripts, fonts or
/// images are fetched; everything from the manuscript or the fact set is HTML-escaped.
/// <para>
/// Written as the claims come: each claim's mark goes into the highlighted text and its row into the table at once,
/// both into <see cref="SpillStream"/>s (memory while small, a temporary file past that); the summary above them,
/// known after the last claim, is written first when the report ends, then the two parts are copied after it.
/// </para>
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private const string Style = """
        :root { color-scheme: light dark; --supported:#2e7d32; --disputed:#00838f; --imprecise:#b26a00; --unsupported:#8d6e00; --contradicted:#c62828; --misattributed:#ad1457; }
        body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
        h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { border: 1px solid #8884; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .text { white-space: pre-wrap; font-family: Georgia, serif; border: 1px solid #8884; padding: 1rem; line-height: 1.7; }
        mark { background: none; color: inherit; border-bottom: 3px solid; padding: 0 1px; }
        mark a { color: inherit; text-decoration: none; }
        .status { font-weight: 600; white-space: nowrap; }
        .supported { border-color: var(--supported); } .status.supported { color: var(--supported); }
        .disputed { border-color: var(--disputed); background: #00838f14; } .status.disputed { color: var(--disputed); }
        .imprecise { border-color: var(--imprecise); background: #b26a0014; } .status.imprecise { color: var(--imprecise); }
        .unsupported { border-color: var(--unsupported); background: #8d6e0014; } .status.unsupported { color: var(--unsupported); }
        .contradicted { border-color: var(--contradicted); background: #c6282818; } .status.contradicted { color: var(--contradicted); }
        .misattributed { border-color: var(--misattributed); background: #ad145718; } .status.misattributed { color: var(--misattributed); }
        td.status { border-color: #8884; }
        .muted { opacity: .75; font-size: 13px; }
        """;

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private readonly Stream _output;
    private readonly SpillStream? _body;
    private readonly StreamWriter _html;
    private string? _firstName;
    private int _reports;
    private bool _completed;

    /// <param name="title">The page's title; without one it is made from the reports (one name, or how many) and the
    /// page is written when it completes.</param>
    public HtmlReportWriter(Stream output, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        if (title is null)
        {
            _body = new SpillStream();
            _html = new StreamWriter(_body, Utf8, 16 * 1024, leaveOpen: true);
        }
        else
        {
            _html = new StreamWriter(output, Utf8, 16 * 1024, leaveOpen: true);
            WriteHead(_html, title);
        }
    }

    /// <summary>The page's title for one report of this name.</summary>
    public static string TitleFor(string? name) => $"Citation check: {name ?? "text"}";

    /// <summary>The page's title for <paramref name="count"/> reports: the one report's name, or how many there are.</summary>
    private static string TitleFor(int count, string? firstName) => count == 1 ? TitleFor(firstName) : $"Citation check: {count} manuscripts";

    public static string Write(CheckReport report) => Write([report]);

    /// <summary>The page for these reports, as a string (tests, small answers); hosts stream it.</summary>
    public static string Write(IReadOnlyList<CheckReport> reports, IReadOnlyList<string>? texts = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var writer = new HtmlReportWriter(buffer, TitleFor(reports.Count, reports.FirstOrDefault()?.Document.Name)))
        {
            for (var i = 0; i < reports.Count; i++)
            {
                ReportSinks.Replay(reports[i], writer.Report(texts is not null && i < texts.Count ? texts[i] : null));
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public IReportSink Report(string? text = null)
    {
        _reports++;
        return new Sink(this, text, $"d{_reports}");
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        _html.Write("</body>\n</html>\n");
        _html.Flush();
        if (_body is not null)
        {
            using var head = new StreamWriter(_output, Utf8, 4 * 1024, leaveOpen: true);
            WriteHead(head, TitleFor(_reports, _firstName));
            head.Flush();
            _body.CopyTo(_output, rewind: false);
        }

        _output.Flush();
    }

    public void Dispose()
    {
        _html.Dispose();
        _body?.Dispose();
    }

    private static void WriteHead(TextWriter html, string title)
    {
        html.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Write("<title>");
        E(html, title);
        html.Write("</title>\n<style>\n");
        html.Write(Style);
        html.Write("\n</style>\n</head>\n<body>\n");
    }

    /// <summary>One report's section of the page.</summary>
    private sealed class Sink : IReportSink
    {
        private readonly HtmlReportWriter _owner;
        private readonly string? _text;
        private readonly string _prefix;
        private readonly SpillStream? _marksSpill;
        private readonly StreamWriter? _marks;
        private readonly SpillStream _rowsSpill = new();
        private readonly StreamWriter _rows;
        private readonly SpillStream _dismissedSpill = new();
        private readonly StreamWriter _dismissed;
        private ReportHeader? _header;
        private bool _codePoints;
        private int _dismissedCount;

        // The highlighted text's progress: UTF-16 offset written so far, and a forward cursor from code points to UTF-16.
        private int _position;
        private int _cursorCodePoints;
        private int _cursorUtf16;

        public Sink(HtmlReportWriter owner, string? text, string prefix)
        {
            _owner = owner;
            _text = text;
            _prefix = prefix;
            if (text is not null)
            {
                _marksSpill = new SpillStream();
                _marks = new StreamWriter(_marksSpill, Utf8, 16 * 1024, leaveOpen: true);
            }

            _rows = new StreamWriter(_rowsSpill, Utf8, 16 * 1024, leaveOpen: true);
            _dismissed = new StreamWriter(_dismissedSpill, Utf8, 4 * 1024, leaveOpen: true);
        }

        public void Begin(ReportHeader header)
        {
            _header = header;
            _codePoints = header.Document.StringIndexType == StringIndexTypes.UnicodeCodePoint;
            _owner._firstName ??= header.Document.Name;
        }

        public void Claim(ClaimResult claim)
        {
            if (_text is not null)
            {
                Mark(claim);
            }

            if (claim.Decision is null || claim.Status == ClaimStatuses.Supported)
            {
                Row(claim);
            }
            else
            {
                DismissedRow(claim);
            }
        }

        /// <summary>The text up to the claim, then the claim marked; a claim overlapping an earlier one stays unmarked in the text (it is in the table).</summary>
        private void Mark(ClaimResult claim)
        {
            var text = _text!;
            var start = _codePoints ? Utf16Of(claim.Offset) : claim.Offset;
            var end = _codePoints ? Advance(text, start, claim.Length) : claim.Offset + claim.Length;
            if (start < _position || end > text.Length)
            {
                return;
            }

            var html = _marks!;
            EncodeText(html, text, _position, start);
            html.Write("<mark id=\"");
            html.Write(_prefix);
            html.Write('-');
            E(html, claim.Id);
            html.Write("\" class=\"");
            E(html, claim.Status);
            html.Write("\" title=\"");
            E(html, $"{claim.Status}: {claim.Message}");
            html.Write("\"><a href=\"#");
            html.Write(_prefix);
            html.Write("-row-");
            E(html, claim.Id);
            html.Write("\">");
            EncodeText(html, text, start, end);
            html.Write("</a></mark>");
            _position = end;
        }

        /// <summary>A code point offset as a UTF-16 one; claims come in text order, so the cursor only moves forward.</summary>
        private int Utf16Of(int codePoints)
        {
            var (n, i) = codePoints >= _cursorCodePoints ? (_cursorCodePoints, _cursorUtf16) : (0, 0);
            i = Advance(_text!, i, codePoints - n, out var walked);
            (_cursorCodePoints, _cursorUtf16) = (n + walked, i);
            return i;
        }

        private static int Advance(string text, int utf16, int codePoints) => Advance(text, utf16, codePoints, out _);

        /// <summary>The UTF-16 offset <paramref name="codePoints"/> code points after <paramref name="utf16"/> (a pair is one, as the report counts).</summary>
        private static int Advance(string text, int utf16, int codePoints, out int walked)
        {
            walked = 0;
            while (walked < codePoints && utf16 < text.Length)
            {
                utf16 += char.IsHighSurrogate(text[utf16]) && utf16 + 1 < text.Length && char.IsLowSurrogate(text[utf16 + 1]) ? 2 : 1;
                walked++;
            }

            return utf16;
        }

        private void Row(ClaimResult claim)
        {
            var html = _rows;
            StartRow(html, claim, "");
            if (claim.Location is { } location)
            {
                html.Write("<br><span class=\"muted\">");
                E(html, location.Part);
                if (location.Note is { } note)
                {
                    html.Write(' ');
                    html.Write(note.ToString(CultureInfo.CurrentCulture));
                }

                html.Write(", ¶");
                html.Write(location.Paragraph.ToString(CultureInfo.CurrentCulture));
                html.Write(" +");
                html.Write(location.Offset.ToString(CultureInfo.CurrentCulture));
                html.Write("</span>");
            }

            StatusCell(html, claim);
            E(html, claim.Kind);
            if (claim.Baseline is { } state && state != Review.BaselineStates.Unchanged)
            {
                html.Write("<br><span class=\"muted\">");
                E(html, state);
                html.Write("</span>");
            }

            html.Write("</td><td>");
            E(html, claim.Text);
            html.Write("</td><td>");
            E(html, claim.Message);
            html.Write("</td><td>");
            foreach (var source in DistinctSources(claim))
            {
                E(html, TextReportWriter.Cite(source));
                html.Write("<br>");
            }

            html.Write("</td><td>");
            E(html, claim.Suggestion ?? "");
            html.Write("</td></tr>\n");
        }

        private void DismissedRow(ClaimResult claim)
        {
            _dismissedCount++;
            var html = _dismissed;
            var decision = claim.Decision!;
            StartRow(html, claim, " class=\"dismissed\"");
            StatusCell(html, claim);
            E(html, claim.Text);
            html.Write("</td><td>");
            E(html, decision.Reason ?? "");
            html.Write("</td><td>");
            E(html, decision.By ?? "");
            html.Write("</td><td>");
            E(html, decision.At?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "");
            html.Write("</td></tr>\n");
        }

        /// <summary>Opens a claim's row (its anchor id, then the given attributes) and writes its where cell.</summary>
        private void StartRow(TextWriter html, ClaimResult claim, string attributes)
        {
            html.Write("<tr id=\"");
            html.Write(_prefix);
            html.Write("-row-");
            E(html, claim.Id);
            html.Write('"');
            html.Write(attributes);
            html.Write("><td>");
            WhereLink(html, claim, _text is not null);
        }

        /// <summary>Closes the previous cell and writes the status cell, its class the status; the next cell is open.</summary>
        private static void StatusCell(TextWriter html, ClaimResult claim)
        {
            html.Write("</td><td class=\"status ");
            E(html, claim.Status);
            html.Write("\">");
            E(html, claim.Status);
            html.Write("</td><td>");
        }

        private void WhereLink(TextWriter html, ClaimResult claim, bool linked)
        {
            if (linked)
            {
                html.Write("<a href=\"#");
                html.Write(_prefix);
                html.Write('-');
                E(html, claim.Id);
                html.Write("\">");
            }

            html.Write(claim.Line.ToString(CultureInfo.CurrentCulture));
            html.Write(':');
            html.Write(claim.Column.ToString(CultureInfo.CurrentCulture));
            if (linked)
            {
                html.Write("</a>");
            }
        }

        private static IEnumerable<EvidenceSource> DistinctSources(ClaimResult claim)
        {
            if (claim.Evidence.Count == 1 && claim.Evidence[0].Sources.Count <= 1)
            {
                return claim.Evidence[0].Sources;
            }

            return claim.Evidence.SelectMany(e => e.Sources).Distinct();
        }

        public void End(ReportTotals totals)
        {
            var header = _header ?? throw new InvalidOperationException("The report ended before it began.");
            var html = _owner._html;
            var s = totals.Summary;
            html.Write("<section>\n<h1>");
            E(html, header.Document.Name ?? "(text)");
            html.Write("</h1>\n<p class=\"muted\">Checked by ");
            E(html, header.Service.Name);
            html.Write(' ');
            E(html, header.Service.Version);
            html.Write(" against fact set ");
            E(html, header.FactSet.Id);
            html.Write(' ');
            E(html, header.FactSet.Version);
            if (header.FactSet.Etag is not null)
            {
                html.Write(" (etag ");
                E(html, header.FactSet.Etag);
                html.Write(')');
            }

            html.Write(". ");
            html.Write(header.Document.Characters.ToString("N0", CultureInfo.InvariantCulture));
            html.Write(" characters");
            if (header.Document.Format is not null)
            {
                html.Write(" of ");
                E(html, header.Document.Format);
            }

            if (header.Document.CheckedText == "extracted")
            {
                html.Write("; offsets refer to the text extracted from the document, shown below");
            }

            html.Write(".</p>\n<table>\n<tr><th>claims</th><th>flagged</th><th>open</th><th>dismissed</th>");
            foreach (var status in ClaimStatuses.All)
            {
                html.Write("<th class=\"status ");
                html.Write(status);
                html.Write("\">");
                html.Write(status);
                html.Write("</th>");
            }

            html.Write("</tr>\n<tr><td>");
            Cells(html, s.Claims, s.Flagged, s.Open, s.Dismissed, s.Supported, s.Disputed, s.Imprecise, s.Contradicted, s.Unsupported, s.Misattributed);
            html.Write("</td></tr>\n</table>\n");

            if (totals.Consistency is { Count: > 0 } findings)
            {
                html.Write("<h2>Inconsistent within the manuscript</h2>\n<ul>\n");
                foreach (var finding in findings)
                {
                    html.Write("<li>");
                    E(html, finding.Message);
                    html.Write("</li>\n");
                }

                html.Write("</ul>\n");
            }

            if (totals.Sections is { Count: > 0 } sections)
            {
                html.Write("<h2>By chapter</h2>\n<table>\n<tr><th>heading</th><th>line</th><th>claims</th><th>flagged</th><th>contradicted</th><th>misattributed</th><th>imprecise</th><th>unsupported</th><th>disputed</th></tr>\n");
                foreach (var section in sections)
                {
                    var t = section.Summary;
                    html.Write("<tr><td>");
                    E(html, section.Title);
                    html.Write("</td><td>");
                    Cells(html, section.Line, t.Claims, t.Flagged, t.Contradicted, t.Misattributed, t.Imprecise, t.Unsupported, t.Disputed);
                    html.Write("</td></tr>\n");
                }

                html.Write("</table>\n");
            }

            if (_text is not null)
            {
                EncodeText(_marks!, _text, _position, _text.Length);
                html.Write("<h2>Text</h2>\n<div class=\"text\">");
                Copy(_marks!, _marksSpill!, html);
                html.Write("</div>\n");
            }

            html.Write("<h2>Claims</h2>\n<table>\n<tr><th>where</th><th>status</th><th>kind</th><th>claim</th><th>message</th><th>sources</th><th>suggestion</th></tr>\n");
            Copy(_rows, _rowsSpill, html);
            html.Write("</table>\n");
            if (_dismissedCount > 0)
            {
                // Apart from the open claims, with the editor's reason: decided once, not to be read again.
                html.Write("<h2>Dismissed</h2>\n<table>\n<tr><th>where</th><th>status</th><th>claim</th><th>reason</th><th>by</th><th>when</th></tr>\n");
                Copy(_dismissed, _dismissedSpill, html);
                html.Write("</table>\n");
            }

            html.Write("</section>\n");
            _marks?.Dispose();
            _marksSpill?.Dispose();
            _rows.Dispose();
            _rowsSpill.Dispose();
            _dismissed.Dispose();
            _dismissedSpill.Dispose();
        }

        private static void Cells(TextWriter html, params ReadOnlySpan<int> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    html.Write("</td><td>");
                }

                html.Write(values[i].ToString(CultureInfo.CurrentCulture));
            }
        }

        /// <summary>A part written aside, placed here as bytes (both are UTF-8).</summary>
        private static void Copy(StreamWriter part, SpillStream spill, StreamWriter html)
        {
            part.Flush();
            html.Flush();
            spill.CopyTo(html.BaseStream, rewind: true);
        }
    }

    /// <summary>Part of the text, HTML-escaped, in pieces that never split a surrogate pair (each piece is escaped as a whole).</summary>
    private static void EncodeText(TextWriter html, string text, int from, int to)
    {
        const int Piece = 8 * 1024;
        while (from < to)
        {
            var end = Math.Min(to, from + Piece);
            if (end < to && char.IsHighSurrogate(text[end - 1]))
            {
                end++;
            }

            E(html, text.Substring(from, end - from));
            from = end;
        }
    }

    private static void E(TextWriter html, string value) => WebUtility.HtmlEncode(value, html);
}
