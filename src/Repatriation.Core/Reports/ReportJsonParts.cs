using System.Text.Json;
using Repatriation.Core.Review;

namespace Repatriation.Core.Reports;

/// <summary>
/// The report's parts written by hand with <see cref="Utf8JsonWriter"/>: the same names and values the serializer
/// gives the records (camelCase, nulls kept where the contract lists them, omitted where the records say so), without
/// reflection and without building a string. A test compares both on every part.
/// </summary>
public static class ReportJsonParts
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Offset = JsonEncodedText.Encode("offset");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Sentence = JsonEncodedText.Encode("sentence");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Person = JsonEncodedText.Encode("person");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText EvidenceName = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText Suggestion = JsonEncodedText.Encode("suggestion");
    private static readonly JsonEncodedText ConfidenceName = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText DecisionName = JsonEncodedText.Encode("decision");
    private static readonly JsonEncodedText Baseline = JsonEncodedText.Encode("baseline");
    private static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
    private static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
    private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText Qualifier = JsonEncodedText.Encode("qualifier");
    private static readonly JsonEncodedText FactId = JsonEncodedText.Encode("factId");
    private static readonly JsonEncodedText Statement = JsonEncodedText.Encode("statement");
    private static readonly JsonEncodedText EstimateBy = JsonEncodedText.Encode("estimateBy");
    private static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");
    private static readonly JsonEncodedText Part = JsonEncodedText.Encode("part");
    private static readonly JsonEncodedText Paragraph = JsonEncodedText.Encode("paragraph");
    private static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText By = JsonEncodedText.Encode("by");
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText Claims = JsonEncodedText.Encode("claims");
    private static readonly JsonEncodedText Flagged = JsonEncodedText.Encode("flagged");
    private static readonly JsonEncodedText Supported = JsonEncodedText.Encode("supported");
    private static readonly JsonEncodedText Disputed = JsonEncodedText.Encode("disputed");
    private static readonly JsonEncodedText Imprecise = JsonEncodedText.Encode("imprecise");
    private static readonly JsonEncodedText Contradicted = JsonEncodedText.Encode("contradicted");
    private static readonly JsonEncodedText Unsupported = JsonEncodedText.Encode("unsupported");
    private static readonly JsonEncodedText Misattributed = JsonEncodedText.Encode("misattributed");
    private static readonly JsonEncodedText Dismissed = JsonEncodedText.Encode("dismissed");
    private static readonly JsonEncodedText Open = JsonEncodedText.Encode("open");
    private static readonly JsonEncodedText StaleDecisions = JsonEncodedText.Encode("staleDecisions");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Etag = JsonEncodedText.Encode("etag");
    private static readonly JsonEncodedText Characters = JsonEncodedText.Encode("characters");
    private static readonly JsonEncodedText StringIndexType = JsonEncodedText.Encode("stringIndexType");
    private static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
    private static readonly JsonEncodedText CheckedText = JsonEncodedText.Encode("checkedText");
    private static readonly JsonEncodedText SummaryName = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText Measure = JsonEncodedText.Encode("measure");
    private static readonly JsonEncodedText Places = JsonEncodedText.Encode("places");
    private static readonly JsonEncodedText ClaimId = JsonEncodedText.Encode("claimId");
    private static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");

    /// <summary>One claim as an object (the contract's claims[] item).</summary>
    public static void WriteClaim(Utf8JsonWriter writer, ClaimResult claim)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, claim.Id);
        writer.WriteString(Kind, claim.Kind);
        writer.WriteString(Status, claim.Status);
        writer.WriteString(Severity, claim.Severity);
        writer.WriteNumber(Offset, claim.Offset);
        writer.WriteNumber(Length, claim.Length);
        writer.WriteNumber(Line, claim.Line);
        writer.WriteNumber(Column, claim.Column);
        writer.WriteString(Text, claim.Text);
        writer.WriteString(Sentence, claim.Sentence);
        writer.WritePropertyName(Value);
        WriteValue(writer, claim.Value);
        writer.WriteString(Person, claim.Person);
        writer.WriteString(Message, claim.Message);
        writer.WritePropertyName(EvidenceName);
        WriteEvidence(writer, claim.Evidence);
        writer.WriteString(Suggestion, claim.Suggestion);
        writer.WriteNumber(ConfidenceName, claim.Confidence);
        if (claim.Location is { } location)
        {
            writer.WritePropertyName(Location);
            WriteLocation(writer, location);
        }

        if (claim.Decision is { } decision)
        {
            writer.WritePropertyName(DecisionName);
            WriteDecision(writer, decision);
        }

        if (claim.Baseline is { } baseline)
        {
            writer.WriteString(Baseline, baseline);
        }

        writer.WriteEndObject();
    }

    /// <summary>A value object, or null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ReportValue? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName(Low);
        WriteScalar(writer, value.Low);
        writer.WritePropertyName(High);
        WriteScalar(writer, value.High);
        writer.WriteString(Unit, value.Unit);
        writer.WriteString(Qualifier, value.Qualifier);
        writer.WriteEndObject();
    }

    /// <summary>The evidence array (facts and their sources).</summary>
    public static void WriteEvidence(Utf8JsonWriter writer, IReadOnlyList<Evidence> evidence)
    {
        writer.WriteStartArray();
        foreach (var item in evidence)
        {
            writer.WriteStartObject();
            writer.WriteString(FactId, item.FactId);
            writer.WriteString(Statement, item.Statement);
            writer.WritePropertyName(Value);
            WriteValue(writer, item.Value);
            writer.WriteString(EstimateBy, item.EstimateBy);
            writer.WritePropertyName(Sources);
            writer.WriteStartArray();
            foreach (var source in item.Sources)
            {
                writer.WriteStartObject();
                writer.WriteString(Author, source.Author);
                writer.WriteString(Title, source.Title);
                WriteNumberOrNull(writer, Year, source.Year);
                writer.WriteString(Page, source.Page);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteLocation(Utf8JsonWriter writer, ClaimLocation? location)
    {
        if (location is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(Part, location.Part);
        writer.WriteNumber(Paragraph, location.Paragraph);
        writer.WriteNumber(Offset, location.Offset);
        WriteNumberOrNull(writer, Note, location.Note);
        writer.WriteEndObject();
    }

    public static void WriteDecision(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, decision.Id);
        writer.WriteString(DecisionName, decision.DecisionKind);
        writer.WriteString(Reason, decision.Reason);
        writer.WriteString(By, decision.By);
        if (decision.At is { } at)
        {
            writer.WriteString(At, at);
        }
        else
        {
            writer.WriteNull(At);
        }

        writer.WriteEndObject();
    }

    /// <summary>The summary's counts, and the stale decisions when the record has them (the report level only).</summary>
    public static void WriteSummary(Utf8JsonWriter writer, ReportSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Claims, summary.Claims);
        writer.WriteNumber(Flagged, summary.Flagged);
        writer.WriteNumber(Supported, summary.Supported);
        writer.WriteNumber(Disputed, summary.Disputed);
        writer.WriteNumber(Imprecise, summary.Imprecise);
        writer.WriteNumber(Contradicted, summary.Contradicted);
        writer.WriteNumber(Unsupported, summary.Unsupported);
        writer.WriteNumber(Misattributed, summary.Misattributed);
        writer.WriteNumber(Dismissed, summary.Dismissed);
        writer.WriteNumber(Open, summary.Open);
        if (summary.StaleDecisions is { } stale)
        {
            writer.WritePropertyName(StaleDecisions);
            writer.WriteStartArray();
            foreach (var decision in stale)
            {
                WriteDecision(writer, decision);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteService(Utf8JsonWriter writer, ServiceInfo service)
    {
        writer.WriteStartObject();
        writer.WriteString(Name, service.Name);
        writer.WriteString(Version, service.Version);
        writer.WriteEndObject();
    }

    public static void WriteFactSet(Utf8JsonWriter writer, FactSetInfo factSet)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, factSet.Id);
        writer.WriteString(Version, factSet.Version);
        writer.WriteString(Etag, factSet.Etag);
        writer.WriteEndObject();
    }

    public static void WriteDocument(Utf8JsonWriter writer, DocumentInfo document)
    {
        writer.WriteStartObject();
        writer.WriteString(Name, document.Name);
        writer.WriteNumber(Characters, document.Characters);
        writer.WriteString(StringIndexType, document.StringIndexType);
        if (document.Format is { } format)
        {
            writer.WriteString(Format, format);
        }

        if (document.CheckedText is { } checkedText)
        {
            writer.WriteString(CheckedText, checkedText);
        }

        writer.WriteEndObject();
    }

    public static void WriteSections(Utf8JsonWriter writer, IReadOnlyList<SectionSummary> sections)
    {
        writer.WriteStartArray();
        foreach (var section in sections)
        {
            writer.WriteStartObject();
            writer.WriteString(Title, section.Title);
            writer.WriteNumber(Offset, section.Offset);
            writer.WriteNumber(Line, section.Line);
            writer.WritePropertyName(SummaryName);
            WriteSummary(writer, section.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteConsistency(Utf8JsonWriter writer, IReadOnlyList<ConsistencyFinding> findings)
    {
        writer.WriteStartArray();
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString(Measure, finding.Measure);
            writer.WriteString(Name, finding.Name);
            writer.WriteString(Message, finding.Message);
            writer.WritePropertyName(Places);
            writer.WriteStartArray();
            foreach (var place in finding.Places)
            {
                writer.WriteStartObject();
                writer.WriteString(ClaimId, place.ClaimId);
                writer.WriteString(Text, place.Text);
                writer.WriteNumber(Offset, place.Offset);
                writer.WriteNumber(Line, place.Line);
                writer.WriteNumber(Column, place.Column);
                writer.WritePropertyName(Location);
                WriteLocation(writer, place.Location);
                writer.WriteString(Section, place.Section);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteAbsentClaims(Utf8JsonWriter writer, IReadOnlyList<AbsentClaim> absent)
    {
        writer.WriteStartArray();
        foreach (var claim in absent)
        {
            writer.WriteStartObject();
            writer.WriteString(Id, claim.Id);
            writer.WriteString(Kind, claim.Kind);
            writer.WriteString(Status, claim.Status);
            writer.WriteString(Text, claim.Text);
            WriteNumberOrNull(writer, Line, claim.Line);
            WriteNumberOrNull(writer, Column, claim.Column);
            writer.WriteString(Baseline, claim.Baseline);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A value's low or high end: a whole number, a fraction, an ISO date, or null for an open end.</summary>
    private static void WriteScalar(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            default:
                throw new NotSupportedException($"A report value's end is a number, an ISO date or null, not {value.GetType().Name}.");
        }
    }
}
