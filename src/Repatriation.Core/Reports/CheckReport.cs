using System.Text.Json.Serialization;
using Repatriation.Core.Review;

namespace Repatriation.Core.Reports;

/// <summary>The contract's check report (../shared/CONTRACT.md): field names are fixed.</summary>
public sealed record CheckReport
{
    public required ServiceInfo Service { get; init; }
    public required FactSetInfo FactSet { get; init; }
    public required DocumentInfo Document { get; init; }
    public required ReportSummary Summary { get; init; }
    public required IReadOnlyList<ClaimResult> Claims { get; init; }

    /// <summary>Extra: places where one manuscript gives the same measure different values (see ManuscriptChecker).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConsistencyFinding>? Consistency { get; init; }

    /// <summary>Extra: claims by status per heading or chapter, when the manuscript has headings.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SectionSummary>? Sections { get; init; }

    /// <summary>With a baseline: the baseline's claims that this check no longer finds (`baseline: "absent"`).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AbsentClaim>? AbsentClaims { get; init; }
}

public sealed record ServiceInfo(string Name, string Version);

public sealed record FactSetInfo(string Id, string Version, string? Etag);

public sealed record DocumentInfo(string? Name, int Characters, string StringIndexType)
{
    /// <summary>Extra: text, markdown, html or docx.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Format { get; init; }

    /// <summary>
    /// Extra: "original" when offsets are the submitted file's own, "extracted" when they refer to the text
    /// taken out of its markup (HTML, .docx), whose length is <see cref="Characters"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CheckedText { get; init; }
}

public sealed record ReportSummary
{
    public int Claims { get; init; }
    public int Flagged { get; init; }
    public int Supported { get; init; }
    public int Disputed { get; init; }
    public int Imprecise { get; init; }
    public int Contradicted { get; init; }
    public int Unsupported { get; init; }
    public int Misattributed { get; init; }

    /// <summary>Flagged claims an editor dismissed through a decisions file; they keep their status.</summary>
    public int Dismissed { get; init; }

    /// <summary>Flagged claims still to deal with: <see cref="Flagged"/> − <see cref="Dismissed"/>. Exit codes count these.</summary>
    public int Open { get; init; }

    /// <summary>Decisions whose claim this check no longer finds (the report level only; null in sections).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Decision>? StaleDecisions { get; init; }

    public static ReportSummary From(IReadOnlyList<ClaimResult> claims)
    {
        int Count(string status) => claims.Count(c => c.Status == status);
        var supported = Count(ClaimStatuses.Supported);
        var dismissed = claims.Count(c => c.Decision is not null && c.Status != ClaimStatuses.Supported);
        return new ReportSummary
        {
            Dismissed = dismissed,
            Open = claims.Count - supported - dismissed,
            Claims = claims.Count,
            Flagged = claims.Count - supported,
            Supported = supported,
            Disputed = Count(ClaimStatuses.Disputed),
            Imprecise = Count(ClaimStatuses.Imprecise),
            Contradicted = Count(ClaimStatuses.Contradicted),
            Unsupported = Count(ClaimStatuses.Unsupported),
            Misattributed = Count(ClaimStatuses.Misattributed),
        };
    }
}

public static class ClaimStatuses
{
    public const string Supported = "supported";
    public const string Disputed = "disputed";
    public const string Imprecise = "imprecise";
    public const string Contradicted = "contradicted";
    public const string Unsupported = "unsupported";
    public const string Misattributed = "misattributed";
    public static readonly IReadOnlyList<string> All = [Supported, Disputed, Imprecise, Contradicted, Unsupported, Misattributed];

    public static string SeverityOf(string status) => status switch
    {
        Supported => "none",
        Disputed => "info",
        Imprecise or Unsupported => "warning",
        Contradicted or Misattributed => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown claim status."),
    };
}

public static class ClaimKinds
{
    public const string Figure = "figure";
    public const string Date = "date";
    public const string Attribution = "attribution";
    public const string Quote = "quote";
}

public static class StringIndexTypes
{
    public const string Utf16CodeUnit = "Utf16CodeUnit";
    public const string UnicodeCodePoint = "UnicodeCodePoint";
}

public sealed record ClaimResult
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required string Severity { get; init; }
    public required int Offset { get; init; }
    public required int Length { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }
    public required string Text { get; init; }
    public required string Sentence { get; init; }
    /// <summary>Figures and dates; null otherwise. Years are numbers, finer dates ISO strings.</summary>
    public ReportValue? Value { get; init; }
    public string? Person { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<Evidence> Evidence { get; init; }
    public string? Suggestion { get; init; }

    /// <summary>
    /// How sure the checker is (0–1) of the reading that decided the status: the measure, event, work or act the claim
    /// was matched with, its scope, and the margin to the next reading. A strong status (contradicted, imprecise,
    /// misattributed) is given only above a calibrated threshold; for an unsupported claim it is how sure the checker
    /// is that no fact speaks to it.
    /// </summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>Extra: where the claim sits in a structured document (.docx part, paragraph, offset in it, note).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClaimLocation? Location { get; init; }

    /// <summary>An editor's decision on this claim (from a decisions file); the status is unchanged by it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Decision? Decision { get; init; }

    /// <summary>With a baseline: new, unchanged or updated (same id, another status); see <see cref="BaselineStates"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Baseline { get; init; }
}

/// <summary>A claim of the baseline report that the current check no longer finds.</summary>
public sealed record AbsentClaim(string Id, string Kind, string Status, string Text, int? Line, int? Column)
{
    public string Baseline => BaselineStates.Absent;
}

/// <summary>Offset counts the report's stringIndexType units into the paragraph.</summary>
public sealed record ClaimLocation(string Part, int Paragraph, int Offset, int? Note);

/// <summary>One measure (or dated event) given different values in two places of one manuscript.</summary>
public sealed record ConsistencyFinding
{
    /// <summary>The measure's id in the fact set, or the fact id for a dated event.</summary>
    public required string Measure { get; init; }
    public required string Name { get; init; }
    public required string Message { get; init; }
    public required IReadOnlyList<ConsistencyPlace> Places { get; init; }
}

public sealed record ConsistencyPlace(string ClaimId, string Text, int Offset, int Line, int Column, ClaimLocation? Location, string? Section);

/// <summary>Claims by status in one heading's or chapter's stretch of the text.</summary>
public sealed record SectionSummary(string Title, int Offset, int Line, ReportSummary Summary);

/// <summary>
/// low/high are numbers for figures and years, ISO date strings ("1945-02-11") for finer dates; an open end
/// ("at least 20%" has no upper bound) is null.
/// </summary>
public sealed record ReportValue
{
    public required object? Low { get; init; }
    public required object? High { get; init; }
    public required string Unit { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Qualifier { get; init; }
}

public sealed record Evidence
{
    public required string FactId { get; init; }
    public required string Statement { get; init; }
    public ReportValue? Value { get; init; }
    /// <summary>Who gives this estimate, for disputed measures.</summary>
    public string? EstimateBy { get; init; }
    public required IReadOnlyList<EvidenceSource> Sources { get; init; }
}

public sealed record EvidenceSource(string Author, string Title, int? Year, string? Page);
