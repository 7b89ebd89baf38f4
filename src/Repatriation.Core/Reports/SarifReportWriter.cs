using System.Text;
using System.Text.Json;
using Repatriation.Core.Review;

namespace Repatriation.Core.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning viewers and CI: one run, one rule per flagged status, one result per
/// flagged claim (supported claims are not results). Regions use the report's offsets, lines and columns,
/// which refer to the checked text (the artifact's properties say whether that is the file's own text).
/// <para>
/// Written to a stream as the claims come: the run's results first, then its artifacts (each with its report's
/// summary, known only after the last claim), so nothing but one artifact per report is held.
/// </para>
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    private const int FlushBytes = 32 * 1024;

    private static readonly IReadOnlyList<(string Status, string Name, string Description)> Rules =
    [
        (ClaimStatuses.Disputed, "DisputedClaim", "The claim matches one sourced estimate, but the fact set holds other estimates of the same measure that disagree."),
        (ClaimStatuses.Imprecise, "ImpreciseClaim", "The right measure, but the wording overstates or narrows what the sources give."),
        (ClaimStatuses.Contradicted, "ContradictedClaim", "A fact of the same measure and scope gives a value or date the claim is incompatible with."),
        (ClaimStatuses.Unsupported, "UnsupportedClaim", "No fact in the fact set speaks to this claim."),
        (ClaimStatuses.Misattributed, "MisattributedClaim", "The words, work, act or estimate exist in the fact set but belong to someone else."),
    ];

    private readonly Utf8JsonWriter _writer;
    private readonly List<Artifact> _artifacts = [];
    private FactSetInfo? _factSet;
    private int _reports;
    private bool _runStarted;
    private bool _completed;

    public SarifReportWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ReportJson.Options.Encoder });
        _writer.WriteStartObject();
        _writer.WriteString("$schema", SchemaUri);
        _writer.WriteString("version", "2.1.0");
        _writer.WritePropertyName("runs");
        _writer.WriteStartArray();
    }

    public static string Write(CheckReport report) => Write([report]);

    /// <summary>One log with one run covering every report (one artifact each), as a string (tests, small answers).</summary>
    public static string Write(IReadOnlyList<CheckReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var writer = new SarifReportWriter(buffer))
        {
            foreach (var report in reports)
            {
                ReportSinks.Replay(report, writer.Report());
            }

            writer.Complete();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public IReportSink Report(string? text = null) => new Sink(this, _reports++);

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        StartRun(null);
        _writer.WriteEndArray();
        _writer.WritePropertyName("artifacts");
        _writer.WriteStartArray();
        foreach (var artifact in _artifacts)
        {
            WriteArtifact(artifact);
        }

        _writer.WriteEndArray();
        if (_factSet is { } factSet)
        {
            _writer.WritePropertyName("properties");
            _writer.WriteStartObject();
            _writer.WritePropertyName("factSet");
            ReportJsonParts.WriteFactSet(_writer, factSet);
            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The run's tool and column kind come from its first report (or the defaults when there is none); its results follow.</summary>
    private void StartRun(ReportHeader? first)
    {
        if (_runStarted)
        {
            return;
        }

        _runStarted = true;
        _factSet = first?.FactSet;
        _writer.WriteStartObject();
        _writer.WritePropertyName("tool");
        _writer.WriteStartObject();
        _writer.WritePropertyName("driver");
        _writer.WriteStartObject();
        _writer.WriteString("name", first?.Service.Name ?? Checking.ClaimChecker.ServiceName);
        _writer.WriteString("version", first?.Service.Version ?? Checking.ClaimChecker.ServiceVersion);
        _writer.WritePropertyName("rules");
        _writer.WriteStartArray();
        foreach (var rule in Rules)
        {
            WriteRule(rule);
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteString("columnKind", first?.Document.StringIndexType == StringIndexTypes.UnicodeCodePoint ? "unicodeCodePoints" : "utf16CodeUnits");
        _writer.WritePropertyName("results");
        _writer.WriteStartArray();
    }

    private void WriteRule((string Status, string Name, string Description) rule)
    {
        var severity = ClaimStatuses.SeverityOf(rule.Status);
        _writer.WriteStartObject();
        _writer.WriteString("id", rule.Status);
        _writer.WriteString("name", rule.Name);
        WriteText("shortDescription", $"Claim is {rule.Status}.");
        WriteText("fullDescription", rule.Description);
        _writer.WritePropertyName("defaultConfiguration");
        _writer.WriteStartObject();
        _writer.WriteString("level", LevelOf(severity));
        _writer.WriteEndObject();
        _writer.WritePropertyName("properties");
        _writer.WriteStartObject();
        _writer.WriteString("severity", severity);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void WriteText(string name, string text)
    {
        _writer.WritePropertyName(name);
        _writer.WriteStartObject();
        _writer.WriteString("text", text);
        _writer.WriteEndObject();
    }

    private void WriteResult(ClaimResult claim, string uri, int artifactIndex)
    {
        var w = _writer;
        w.WriteStartObject();
        w.WriteString("ruleId", claim.Status);
        w.WriteString("level", LevelOf(claim.Severity));
        w.WriteString("kind", "fail");
        WriteText("message", claim.Suggestion is null ? claim.Message : $"{claim.Message} Suggestion: {claim.Suggestion}");
        WriteStartPhysicalLocation(uri, artifactIndex);
        w.WritePropertyName("region");
        w.WriteStartObject();
        w.WriteNumber("startLine", claim.Line);
        w.WriteNumber("startColumn", claim.Column);
        w.WriteNumber("charOffset", claim.Offset);
        w.WriteNumber("charLength", claim.Length);
        WriteText("snippet", claim.Text);
        w.WriteEndObject();
        WriteEndPhysicalLocation();
        WriteFingerprints(claim.Id);

        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WriteString("status", claim.Status);
        w.WriteString("kind", claim.Kind);
        w.WriteString("severity", claim.Severity);
        w.WriteString("claimId", claim.Id);
        w.WriteString("sentence", claim.Sentence);
        if (claim.Person is not null)
        {
            w.WriteString("person", claim.Person);
        }

        if (claim.Value is not null)
        {
            w.WritePropertyName("value");
            ReportJsonParts.WriteValue(w, claim.Value);
        }

        w.WritePropertyName("evidence");
        ReportJsonParts.WriteEvidence(w, claim.Evidence);
        if (claim.Suggestion is not null)
        {
            w.WriteString("suggestion", claim.Suggestion);
        }

        if (claim.Location is not null)
        {
            w.WritePropertyName("location");
            ReportJsonParts.WriteLocation(w, claim.Location);
        }

        w.WriteEndObject();

        if (RuleIndex(claim.Status) is var ruleIndex and >= 0)
        {
            w.WriteNumber("ruleIndex", ruleIndex);
        }

        if (claim.Baseline is { } state)
        {
            w.WriteString("baselineState", state);
        }

        if (claim.Decision is { } decision)
        {
            // An editor's dismissal made outside the text: SARIF viewers (and GitHub code scanning) show it as suppressed.
            w.WritePropertyName("suppressions");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", decision.Reason ?? "dismissed by an editor");
            if (decision.By is not null || decision.At is not null)
            {
                w.WritePropertyName("properties");
                w.WriteStartObject();
                if (decision.By is not null)
                {
                    w.WriteString("by", decision.By);
                }

                if (decision.At is { } at)
                {
                    w.WriteString("at", at.ToString("O"));
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>A baseline result this run no longer finds (baselineState "absent"): kind pass, level none.</summary>
    private void WriteAbsentResult(string claimId, string kind, string status, string text, string uri, int artifactIndex)
    {
        var w = _writer;
        w.WriteStartObject();
        if (status.Length > 0)
        {
            w.WriteString("ruleId", status);
        }

        w.WriteString("kind", "pass");
        w.WriteString("level", "none");
        WriteText("message", $"No longer flagged since the baseline: \"{text}\".");
        WriteStartPhysicalLocation(uri, artifactIndex);
        WriteEndPhysicalLocation();
        WriteFingerprints(claimId);
        w.WriteString("baselineState", BaselineStates.Absent);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WriteString("claimId", claimId);
        w.WriteString("kind", kind);
        if (status.Length > 0)
        {
            w.WriteString("status", status);
        }

        w.WriteEndObject();
        if (RuleIndex(status) is var ruleIndex and >= 0)
        {
            w.WriteNumber("ruleIndex", ruleIndex);
        }

        w.WriteEndObject();
    }

    /// <summary>Opens <c>locations[0].physicalLocation</c> and writes its artifact; a region may follow.</summary>
    private void WriteStartPhysicalLocation(string uri, int artifactIndex)
    {
        var w = _writer;
        w.WritePropertyName("locations");
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("physicalLocation");
        w.WriteStartObject();
        WriteArtifactLocation(uri, artifactIndex);
    }

    private void WriteEndPhysicalLocation()
    {
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
    }

    private void WriteArtifactLocation(string uri, int artifactIndex)
    {
        _writer.WritePropertyName("artifactLocation");
        _writer.WriteStartObject();
        _writer.WriteString("uri", uri);
        _writer.WriteNumber("index", artifactIndex);
        _writer.WriteEndObject();
    }

    /// <summary>
    /// The claim id is the fingerprint: it survives edits elsewhere in the text, so code scanning follows a flag
    /// across revisions, and a decision or a baseline finds its claim again.
    /// </summary>
    private void WriteFingerprints(string claimId)
    {
        _writer.WritePropertyName("partialFingerprints");
        _writer.WriteStartObject();
        _writer.WriteString("claimId/v1", claimId);
        _writer.WriteEndObject();
    }

    private void WriteArtifact(Artifact artifact)
    {
        _writer.WriteStartObject();
        _writer.WritePropertyName("location");
        _writer.WriteStartObject();
        _writer.WriteString("uri", artifact.Uri);
        _writer.WriteEndObject();
        _writer.WritePropertyName("properties");
        _writer.WriteStartObject();
        _writer.WriteString("format", artifact.Document.Format ?? "text");
        _writer.WriteString("checkedText", artifact.Document.CheckedText ?? "original");
        _writer.WriteNumber("characters", artifact.Document.Characters);
        _writer.WritePropertyName("summary");
        ReportJsonParts.WriteSummary(_writer, artifact.Summary);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void FlushIfFull()
    {
        if (_writer.BytesPending > FlushBytes)
        {
            _writer.Flush();
        }
    }

    private static int RuleIndex(string status)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Status == status)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record Artifact(string Uri, DocumentInfo Document, ReportSummary Summary);

    private sealed class Sink(SarifReportWriter owner, int index) : IReportSink
    {
        private ReportHeader? _header;
        private string _uri = "";

        public void Begin(ReportHeader header)
        {
            owner.StartRun(header);
            _header = header;
            _uri = UriOf(header.Document.Name, index);
        }

        public void Claim(ClaimResult claim)
        {
            if (claim.Status != ClaimStatuses.Supported)
            {
                owner.WriteResult(claim, _uri, index);
            }
            else if (claim.Baseline == BaselineStates.Updated)
            {
                // Flagged in the baseline, supported now: the baseline's result is gone from this run.
                owner.WriteAbsentResult(claim.Id, claim.Kind, "", claim.Text, _uri, index);
            }

            owner.FlushIfFull();
        }

        public void End(ReportTotals totals)
        {
            foreach (var gone in totals.AbsentClaims ?? [])
            {
                if (gone.Status != ClaimStatuses.Supported)
                {
                    owner.WriteAbsentResult(gone.Id, gone.Kind, gone.Status, gone.Text, _uri, index);
                }
            }

            owner._artifacts.Add(new Artifact(_uri, _header!.Document, totals.Summary));
            owner.FlushIfFull();
        }
    }

    /// <summary>SARIF levels: error, warning, note (info is a note).</summary>
    public static string LevelOf(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        _ => "none",
    };

    /// <summary>A relative URI reference for the document's name (path separators kept, the rest escaped).</summary>
    public static string UriOf(string? name, int index)
    {
        if (string.IsNullOrEmpty(name) || name == "-")
        {
            return index == 0 ? "stdin" : $"stdin-{index + 1}";
        }

        var parts = name.Replace('\\', '/').Split('/');
        return string.Join('/', parts.Select(p => p is "." or ".." ? p : Uri.EscapeDataString(p)));
    }
}
