using System.Text.Json;

namespace Repatriation.Core.Reports;

/// <summary>
/// The check report as JSON, written to a stream claim by claim while the text is checked: service, fact set and
/// document first, then the claims, then the summary and what only the whole text shows (sections, inconsistencies,
/// the baseline's gone claims). The contract fixes names, not their order, so the counts can follow the claims.
/// One report is one object; with <see cref="JsonReportLayout.Array"/> reports follow each other in an array.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>Pending bytes are handed to the stream past this size, so the writer's buffer stays small.</summary>
    private const int FlushBytes = 32 * 1024;

    private readonly Utf8JsonWriter _writer;
    private readonly JsonReportLayout _layout;
    private int _reports;
    private bool _completed;

    public JsonReportWriter(Stream output, JsonReportLayout layout = JsonReportLayout.Object, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = ReportJson.Options.Encoder });
        _layout = layout;
        if (layout == JsonReportLayout.Array)
        {
            _writer.WriteStartArray();
        }
    }

    public IReportSink Report(string? text = null)
    {
        if (_layout == JsonReportLayout.Object && _reports > 0)
        {
            throw new InvalidOperationException("This writer holds one report; use JsonReportLayout.Array for several.");
        }

        _reports++;
        return new Sink(this);
    }

    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_layout == JsonReportLayout.Array)
        {
            _writer.WriteEndArray();
        }

        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private void FlushIfFull()
    {
        if (_writer.BytesPending > FlushBytes)
        {
            _writer.Flush();
        }
    }

    /// <summary>The report's top-level property names, encoded once rather than for every report.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Service = JsonEncodedText.Encode("service");
        public static readonly JsonEncodedText FactSet = JsonEncodedText.Encode("factSet");
        public static readonly JsonEncodedText Document = JsonEncodedText.Encode("document");
        public static readonly JsonEncodedText Claims = JsonEncodedText.Encode("claims");
        public static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
        public static readonly JsonEncodedText Consistency = JsonEncodedText.Encode("consistency");
        public static readonly JsonEncodedText Sections = JsonEncodedText.Encode("sections");
        public static readonly JsonEncodedText AbsentClaims = JsonEncodedText.Encode("absentClaims");
    }

    private sealed class Sink(JsonReportWriter owner) : IReportSink
    {
        private Utf8JsonWriter Writer => owner._writer;

        public void Begin(ReportHeader header)
        {
            Writer.WriteStartObject();
            Writer.WritePropertyName(Names.Service);
            ReportJsonParts.WriteService(Writer, header.Service);
            Writer.WritePropertyName(Names.FactSet);
            ReportJsonParts.WriteFactSet(Writer, header.FactSet);
            Writer.WritePropertyName(Names.Document);
            ReportJsonParts.WriteDocument(Writer, header.Document);
            Writer.WritePropertyName(Names.Claims);
            Writer.WriteStartArray();
        }

        public void Claim(ClaimResult claim)
        {
            ReportJsonParts.WriteClaim(Writer, claim);
            owner.FlushIfFull();
        }

        public void End(ReportTotals totals)
        {
            Writer.WriteEndArray();
            Writer.WritePropertyName(Names.Summary);
            ReportJsonParts.WriteSummary(Writer, totals.Summary);
            if (totals.Consistency is { } consistency)
            {
                Writer.WritePropertyName(Names.Consistency);
                ReportJsonParts.WriteConsistency(Writer, consistency);
            }

            if (totals.Sections is { } sections)
            {
                Writer.WritePropertyName(Names.Sections);
                ReportJsonParts.WriteSections(Writer, sections);
            }

            if (totals.AbsentClaims is { } absent)
            {
                Writer.WritePropertyName(Names.AbsentClaims);
                ReportJsonParts.WriteAbsentClaims(Writer, absent);
            }

            Writer.WriteEndObject();
            owner.FlushIfFull();
        }
    }
}

public enum JsonReportLayout
{
    /// <summary>One report, one JSON object.</summary>
    Object,

    /// <summary>A JSON array of reports, in the order they are checked.</summary>
    Array,
}
