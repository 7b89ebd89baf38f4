namespace Repatriation.Core.Reports;

/// <summary>
/// Where a report goes while the text is being checked: the header first, then each claim in text order, then the
/// totals (which only the last claim completes). A writer behind it writes each claim out and keeps nothing of it
/// but counts, so a book-length manuscript's report is never held whole.
/// </summary>
public interface IReportSink
{
    void Begin(ReportHeader header);

    void Claim(ClaimResult claim);

    void End(ReportTotals totals);
}

/// <summary>A report format written to one output: one report sink per manuscript, then <see cref="Complete"/>.</summary>
public interface IReportWriter : IDisposable
{
    /// <summary>The sink for the next manuscript; <paramref name="text"/> is its checked text (the HTML page shows it).</summary>
    IReportSink Report(string? text = null);

    /// <summary>Closes what spans every report (a JSON array, a SARIF log, an HTML page) and flushes.</summary>
    void Complete();
}

/// <summary>What a report says before its claims: who checked, against which fact set, which document.</summary>
public sealed record ReportHeader(ServiceInfo Service, FactSetInfo FactSet, DocumentInfo Document)
{
    public static ReportHeader Of(CheckReport report) => new(report.Service, report.FactSet, report.Document);
}

/// <summary>What a report says after its claims: the counts, per section, the manuscript's inconsistencies, the baseline's gone claims.</summary>
public sealed record ReportTotals(
    ReportSummary Summary,
    IReadOnlyList<SectionSummary>? Sections = null,
    IReadOnlyList<ConsistencyFinding>? Consistency = null,
    IReadOnlyList<AbsentClaim>? AbsentClaims = null)
{
    public static ReportTotals Of(CheckReport report) => new(report.Summary, report.Sections, report.Consistency, report.AbsentClaims);
}

/// <summary>Sinks for reports already held whole, and for collecting a streamed one.</summary>
public static class ReportSinks
{
    /// <summary>Hands a whole report to a sink, as a check would have streamed it.</summary>
    public static void Replay(CheckReport report, IReportSink sink)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sink);
        sink.Begin(ReportHeader.Of(report));
        foreach (var claim in report.Claims)
        {
            sink.Claim(claim);
        }

        sink.End(ReportTotals.Of(report));
    }

    /// <summary>Several sinks fed from one check (a job writes JSON, SARIF and HTML at once).</summary>
    public static IReportSink Tee(params IReportSink[] sinks) => new TeeSink(sinks);

    private sealed class TeeSink(IReportSink[] sinks) : IReportSink
    {
        public void Begin(ReportHeader header)
        {
            foreach (var sink in sinks)
            {
                sink.Begin(header);
            }
        }

        public void Claim(ClaimResult claim)
        {
            foreach (var sink in sinks)
            {
                sink.Claim(claim);
            }
        }

        public void End(ReportTotals totals)
        {
            foreach (var sink in sinks)
            {
                sink.End(totals);
            }
        }
    }
}

/// <summary>Keeps every claim: the whole report, for callers that need it in memory (tests, evaluation, LanguageTool).</summary>
public sealed class CollectingReportSink : IReportSink
{
    private readonly List<ClaimResult> _claims = [];
    private ReportHeader? _header;
    private ReportTotals? _totals;

    public void Begin(ReportHeader header) => _header = header;

    public void Claim(ClaimResult claim) => _claims.Add(claim);

    public void End(ReportTotals totals) => _totals = totals;

    public CheckReport Report => _header is null || _totals is null
        ? throw new InvalidOperationException("The report has not ended yet.")
        : new CheckReport
        {
            Service = _header.Service,
            FactSet = _header.FactSet,
            Document = _header.Document,
            Summary = _totals.Summary,
            Claims = _claims,
            Sections = _totals.Sections,
            Consistency = _totals.Consistency,
            AbsentClaims = _totals.AbsentClaims,
        };
}
