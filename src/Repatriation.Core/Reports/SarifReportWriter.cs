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
        _writer.WriteString(Names.Schema, SchemaUri);
        _writer.WriteString(Names.Version, "2.1.0");
        _writer.WritePropertyName(Names.Runs);
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
        _writer.WritePropertyName(Names.Artifacts);
        _writer.WriteStartArray();
        foreach (var artifact in _artifacts)
        {
            WriteArtifact(artifact);
        }

        _writer.WriteEndArray();
        if (_factSet is { } factSet)
        {
            _writer.WritePropertyName(Names.Properties);
            _writer.WriteStartObject();
            _writer.WritePropertyName(Names.FactSet);
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
        _writer.WritePropertyName(Names.Tool);
        _writer.WriteStartObject();
        _writer.WritePropertyName(Names.Driver);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Name, first?.Service.Name ?? Checking.ClaimChecker.ServiceName);
        _writer.WriteString(Names.Version, first?.Service.Version ?? Checking.ClaimChecker.ServiceVersion);
        _writer.WritePropertyName(Names.Rules);
        _writer.WriteStartArray();
        foreach (var rule in Rules)
        {
            WriteRule(rule);
        }

        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteString(Names.ColumnKind, first?.Document.StringIndexType == StringIndexTypes.UnicodeCodePoint ? "unicodeCodePoints" : "utf16CodeUnits");
        _writer.WritePropertyName(Names.Results);
        _writer.WriteStartArray();
    }

    private void WriteRule((string Status, string Name, string Description) rule)
    {
        var severity = ClaimStatuses.SeverityOf(rule.Status);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Id, rule.Status);
        _writer.WriteString(Names.Name, rule.Name);
        WriteText(Names.ShortDescription, $"Claim is {rule.Status}.");
        WriteText(Names.FullDescription, rule.Description);
        _writer.WritePropertyName(Names.DefaultConfiguration);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Level, LevelOf(severity));
        _writer.WriteEndObject();
        _writer.WritePropertyName(Names.Properties);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Severity, severity);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    private void WriteText(JsonEncodedText name, string text)
    {
        _writer.WritePropertyName(name);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Text, text);
        _writer.WriteEndObject();
    }

    private void WriteResult(ClaimResult claim, string uri, int artifactIndex)
    {
        var w = _writer;
        w.WriteStartObject();
        w.WriteString(Names.RuleId, claim.Status);
        w.WriteString(Names.Level, LevelOf(claim.Severity));
        w.WriteString(Names.Kind, "fail");
        WriteText(Names.Message, claim.Suggestion is null ? claim.Message : $"{claim.Message} Suggestion: {claim.Suggestion}");
        WriteStartPhysicalLocation(uri, artifactIndex);
        w.WritePropertyName(Names.Region);
        w.WriteStartObject();
        w.WriteNumber(Names.StartLine, claim.Line);
        w.WriteNumber(Names.StartColumn, claim.Column);
        w.WriteNumber(Names.CharOffset, claim.Offset);
        w.WriteNumber(Names.CharLength, claim.Length);
        WriteText(Names.Snippet, claim.Text);
        w.WriteEndObject();
        WriteEndPhysicalLocation();
        WriteFingerprints(claim.Id);

        w.WritePropertyName(Names.Properties);
        w.WriteStartObject();
        w.WriteString(Names.Status, claim.Status);
        w.WriteString(Names.Kind, claim.Kind);
        w.WriteString(Names.Severity, claim.Severity);
        w.WriteString(Names.ClaimId, claim.Id);
        w.WriteString(Names.Sentence, claim.Sentence);
        if (claim.Person is not null)
        {
            w.WriteString(Names.Person, claim.Person);
        }

        if (claim.Value is not null)
        {
            w.WritePropertyName(Names.Value);
            ReportJsonParts.WriteValue(w, claim.Value);
        }

        w.WritePropertyName(Names.Evidence);
        ReportJsonParts.WriteEvidence(w, claim.Evidence);
        if (claim.Suggestion is not null)
        {
            w.WriteString(Names.Suggestion, claim.Suggestion);
        }

        if (claim.Location is not null)
        {
            w.WritePropertyName(Names.Location);
            ReportJsonParts.WriteLocation(w, claim.Location);
        }

        w.WriteEndObject();

        if (RuleIndex(claim.Status) is var ruleIndex and >= 0)
        {
            w.WriteNumber(Names.RuleIndex, ruleIndex);
        }

        if (claim.Baseline is { } state)
        {
            w.WriteString(Names.BaselineState, state);
        }

        if (claim.Decision is { } decision)
        {
            // An editor's dismissal made outside the text: SARIF viewers (and GitHub code scanning) show it as suppressed.
            w.WritePropertyName(Names.Suppressions);
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString(Names.Kind, "external");
            w.WriteString(Names.Status, "accepted");
            w.WriteString(Names.Justification, decision.Reason ?? "dismissed by an editor");
            if (decision.By is not null || decision.At is not null)
            {
                w.WritePropertyName(Names.Properties);
                w.WriteStartObject();
                if (decision.By is not null)
                {
                    w.WriteString(Names.By, decision.By);
                }

                if (decision.At is { } at)
                {
                    w.WriteString(Names.At, at.ToString("O"));
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
            w.WriteString(Names.RuleId, status);
        }

        w.WriteString(Names.Kind, "pass");
        w.WriteString(Names.Level, "none");
        WriteText(Names.Message, $"No longer flagged since the baseline: \"{text}\".");
        WriteStartPhysicalLocation(uri, artifactIndex);
        WriteEndPhysicalLocation();
        WriteFingerprints(claimId);
        w.WriteString(Names.BaselineState, BaselineStates.Absent);
        w.WritePropertyName(Names.Properties);
        w.WriteStartObject();
        w.WriteString(Names.ClaimId, claimId);
        w.WriteString(Names.Kind, kind);
        if (status.Length > 0)
        {
            w.WriteString(Names.Status, status);
        }

        w.WriteEndObject();
        if (RuleIndex(status) is var ruleIndex and >= 0)
        {
            w.WriteNumber(Names.RuleIndex, ruleIndex);
        }

        w.WriteEndObject();
    }

    /// <summary>Opens <c>locations[0].physicalLocation</c> and writes its artifact; a region may follow.</summary>
    private void WriteStartPhysicalLocation(string uri, int artifactIndex)
    {
        var w = _writer;
        w.WritePropertyName(Names.Locations);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName(Names.PhysicalLocation);
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
        _writer.WritePropertyName(Names.ArtifactLocation);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Uri, uri);
        _writer.WriteNumber(Names.Index, artifactIndex);
        _writer.WriteEndObject();
    }

    /// <summary>
    /// The claim id is the fingerprint: it survives edits elsewhere in the text, so code scanning follows a flag
    /// across revisions, and a decision or a baseline finds its claim again.
    /// </summary>
    private void WriteFingerprints(string claimId)
    {
        _writer.WritePropertyName(Names.PartialFingerprints);
        _writer.WriteStartObject();
        _writer.WriteString(Names.ClaimIdV1, claimId);
        _writer.WriteEndObject();
    }

    private void WriteArtifact(Artifact artifact)
    {
        _writer.WriteStartObject();
        _writer.WritePropertyName(Names.Location);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Uri, artifact.Uri);
        _writer.WriteEndObject();
        _writer.WritePropertyName(Names.Properties);
        _writer.WriteStartObject();
        _writer.WriteString(Names.Format, artifact.Document.Format ?? "text");
        _writer.WriteString(Names.CheckedText, artifact.Document.CheckedText ?? "original");
        _writer.WriteNumber(Names.Characters, artifact.Document.Characters);
        _writer.WritePropertyName(Names.Summary);
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

    /// <summary>The SARIF property names, encoded once rather than on every result.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText ArtifactLocation = JsonEncodedText.Encode("artifactLocation");
        public static readonly JsonEncodedText Artifacts = JsonEncodedText.Encode("artifacts");
        public static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
        public static readonly JsonEncodedText BaselineState = JsonEncodedText.Encode("baselineState");
        public static readonly JsonEncodedText By = JsonEncodedText.Encode("by");
        public static readonly JsonEncodedText CharLength = JsonEncodedText.Encode("charLength");
        public static readonly JsonEncodedText CharOffset = JsonEncodedText.Encode("charOffset");
        public static readonly JsonEncodedText Characters = JsonEncodedText.Encode("characters");
        public static readonly JsonEncodedText CheckedText = JsonEncodedText.Encode("checkedText");
        public static readonly JsonEncodedText ClaimId = JsonEncodedText.Encode("claimId");
        public static readonly JsonEncodedText ClaimIdV1 = JsonEncodedText.Encode("claimId/v1");
        public static readonly JsonEncodedText ColumnKind = JsonEncodedText.Encode("columnKind");
        public static readonly JsonEncodedText DefaultConfiguration = JsonEncodedText.Encode("defaultConfiguration");
        public static readonly JsonEncodedText Driver = JsonEncodedText.Encode("driver");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText FactSet = JsonEncodedText.Encode("factSet");
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText FullDescription = JsonEncodedText.Encode("fullDescription");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
        public static readonly JsonEncodedText Justification = JsonEncodedText.Encode("justification");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
        public static readonly JsonEncodedText Locations = JsonEncodedText.Encode("locations");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText PartialFingerprints = JsonEncodedText.Encode("partialFingerprints");
        public static readonly JsonEncodedText Person = JsonEncodedText.Encode("person");
        public static readonly JsonEncodedText PhysicalLocation = JsonEncodedText.Encode("physicalLocation");
        public static readonly JsonEncodedText Properties = JsonEncodedText.Encode("properties");
        public static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
        public static readonly JsonEncodedText Results = JsonEncodedText.Encode("results");
        public static readonly JsonEncodedText RuleId = JsonEncodedText.Encode("ruleId");
        public static readonly JsonEncodedText RuleIndex = JsonEncodedText.Encode("ruleIndex");
        public static readonly JsonEncodedText Rules = JsonEncodedText.Encode("rules");
        public static readonly JsonEncodedText Runs = JsonEncodedText.Encode("runs");
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("$schema");
        public static readonly JsonEncodedText Sentence = JsonEncodedText.Encode("sentence");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText ShortDescription = JsonEncodedText.Encode("shortDescription");
        public static readonly JsonEncodedText Snippet = JsonEncodedText.Encode("snippet");
        public static readonly JsonEncodedText StartColumn = JsonEncodedText.Encode("startColumn");
        public static readonly JsonEncodedText StartLine = JsonEncodedText.Encode("startLine");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Suggestion = JsonEncodedText.Encode("suggestion");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText Suppressions = JsonEncodedText.Encode("suppressions");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Tool = JsonEncodedText.Encode("tool");
        public static readonly JsonEncodedText Uri = JsonEncodedText.Encode("uri");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    }
}
