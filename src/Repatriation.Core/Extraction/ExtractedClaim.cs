namespace Repatriation.Core.Extraction;

public enum ClaimKind { Figure, Date, Attribution, Quote }

/// <summary>How precise a date claim is; decides how the report prints its value.</summary>
public enum DatePrecision { Day, Month, Season, Year, Decade }

/// <summary>
/// A normalised figure: the interval the words commit to. "about 2.3 million" keeps its qualifier;
/// "several million" becomes 2,000,000–9,999,999 with <see cref="Vague"/> set.
/// </summary>
public sealed record FigureValue(double Low, double High, string Unit, string? Qualifier, bool Vague = false)
{
    /// <summary>Rounding the writer's precision allows ("230,000" stands for 225,000–235,000).</summary>
    public double Tolerance { get; init; }

    /// <summary>No word said what is counted ("4,199,488 were repatriated"): a count of people by default, which any count measure may take.</summary>
    public bool UnitImplied { get; init; }
}

/// <summary>A normalised date or date range, inclusive at both ends.</summary>
public sealed record DateValue(DateOnly From, DateOnly To, DatePrecision Precision, string? Qualifier)
{
    /// <summary>The text gave a day and month only ("January 19"); the year was taken from the dates before it.</summary>
    public bool YearInferred { get; init; }
}

/// <summary>
/// One claim found in a text. Offsets are UTF-16 code units into the text given to the extractor.
/// </summary>
public sealed record ExtractedClaim
{
    public required ClaimKind Kind { get; init; }
    public required int Offset { get; init; }
    public required int Length { get; init; }
    public required string Text { get; init; }
    public required int SentenceOffset { get; init; }
    public required int SentenceLength { get; init; }
    public FigureValue? Figure { get; init; }
    public DateValue? Date { get; init; }
    /// <summary>The person named in the text for attributions and quotes, as written.</summary>
    public string? PersonText { get; init; }
    /// <summary>The person's id in the fact set, when the name resolves.</summary>
    public string? PersonId { get; init; }
    /// <summary>The person was named in the sentence before (a quotation whose speaker was introduced earlier).</summary>
    public bool PersonFromContext { get; init; }
    /// <summary>Attribution verb normalised: wrote, said, estimated, signed, ordered, issued, described, according-to, authored.</summary>
    public string? Verb { get; init; }
    /// <summary>What is attributed: a work title, the quoted words, the act's object; as written.</summary>
    public string? ObjectText { get; init; }
    /// <summary>The year printed with a work ("Tolstoy's book Victims of Yalta (1977)"), for authorship claims.</summary>
    public int? WorkYear { get; init; }
}
