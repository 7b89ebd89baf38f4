namespace Repatriation.Core.Matching;

/// <summary>Which rule of the matcher reached a verdict (the first step of its reason path).</summary>
public enum ReadingRule : byte
{
    None,
    /// <summary>A figure read by a measure's terms (or its action's) near it, or named in the sentences before.</summary>
    FigureByTerms,
    /// <summary>A figure that a fact gives exactly, in the claim's scope.</summary>
    FigureByValue,
    /// <summary>A date read as the period of a figure beside it.</summary>
    DatePeriod,
    /// <summary>A date read against an event (a date measure) named near it.</summary>
    DateEvent,
    /// <summary>A date read against an act named near it.</summary>
    DateAct,
    /// <summary>A year read against a work's title near it.</summary>
    DateWorkYear,
    /// <summary>A year read against a work of the person an attribution in the sentence names.</summary>
    DateAuthorYear,
    /// <summary>A date read against the one event the fact set dates at a place named near it (support only).</summary>
    DatePlace,
    /// <summary>A date read against the act an attribution names by its person and verb (support only).</summary>
    DatePersonAct,
    /// <summary>A date read against an event or act named in the sentences before (support only).</summary>
    DateContext,
    /// <summary>A quotation matched by its words.</summary>
    Quote,
    /// <summary>An attribution of quoted words to a person.</summary>
    AttributionQuote,
    /// <summary>An attribution of a work named beside it.</summary>
    AttributionWork,
    /// <summary>"Title is a book written by X": the described title's author.</summary>
    AttributionDescribedWork,
    /// <summary>Authorship with no title: any work of the person.</summary>
    AttributionAnyWork,
    /// <summary>An attribution of an act (signed, ordered…).</summary>
    AttributionAct,
    /// <summary>"According to X, N": whose estimate the figure is.</summary>
    AttributionEstimate,
    /// <summary>"X, then Y": an office.</summary>
    AttributionOffice,
}

/// <summary>What the reading rested on, and what weakened it (the rest of its reason path).</summary>
[Flags]
public enum ReadingTraits
{
    None = 0,
    /// <summary>The term naming the measure, event or act stood within the plain distance.</summary>
    Plain = 1 << 0,
    /// <summary>Named only in the sentences before (running context).</summary>
    Context = 1 << 1,
    /// <summary>Named only by the measure's action, with no group or place said.</summary>
    ActionOnly = 1 << 2,
    /// <summary>The measure's group or place was not said with the claim.</summary>
    ScopeUnsaid = 1 << 3,
    /// <summary>The claim names a wider group than the measure.</summary>
    ScopeBroader = 1 << 4,
    /// <summary>The claim names a part of the measure's group.</summary>
    ScopeNarrower = 1 << 5,
    /// <summary>The measure's place was only carried from the sentences before.</summary>
    PlaceCarried = 1 << 6,
    /// <summary>Another reading, as near, would have given another verdict.</summary>
    Rival = 1 << 7,
    /// <summary>The value was implausibly far off every fact of the measure.</summary>
    Implausible = 1 << 8,
    /// <summary>Another measure gives exactly this value.</summary>
    OtherMeasureValue = 1 << 9,
    /// <summary>A vague quantity ("thousands").</summary>
    Vague = 1 << 10,
    /// <summary>Named by its words apart (a loose or gapped name).</summary>
    Loose = 1 << 11,
    /// <summary>Named with words between its words in one clause.</summary>
    Gapped = 1 << 12,
    /// <summary>The year was inferred from earlier dates.</summary>
    InferredYear = 1 << 13,
    /// <summary>Decided by weak facts only.</summary>
    WeakOnly = 1 << 14,
    /// <summary>The sources record this very name as commonly but wrongly credited.</summary>
    KnownWrong = 1 << 15,
    /// <summary>Named only by a distinctive word of its name ("at Yalta").</summary>
    Keyword = 1 << 16,
    /// <summary>The speaker was taken from the sentence before.</summary>
    PersonFromContext = 1 << 17,
    /// <summary>The figure was weighed for the period a date beside it gives.</summary>
    Period = 1 << 18,
    /// <summary>The date opens its sentence.</summary>
    Fronted = 1 << 19,
    /// <summary>The value lies beyond rounding of every estimate, not merely overlapping one.</summary>
    Apart = 1 << 20,
    /// <summary>The measure was named by a term of its own (not only its action's, a group's or a place's).</summary>
    OwnTerm = 1 << 21,
    /// <summary>The figure's unit was not said (a bare count).</summary>
    UnitImplied = 1 << 22,
    /// <summary>Years apart from every date of the event read.</summary>
    YearsApart = 1 << 23,
    /// <summary>The value overlaps an estimate's hedge or the vague quantity's reach: near the sourced figure, not beyond it.</summary>
    Overlap = 1 << 24,
    /// <summary>The term naming the measure stands in another clause than the figure.</summary>
    AcrossClause = 1 << 25,
    /// <summary>The term naming the measure stands nearer another figure of the same kind in the sentence.</summary>
    OtherFigureNearer = 1 << 26,
    /// <summary>A percentage in brackets after a count ("5,716 people (1.8%)"): a share of the text's own whole.</summary>
    BracketedShare = 1 << 27,
}

/// <summary>
/// The reason path of a verdict: the rule that reached it, what it rested on, and the measure, event, act, work or
/// quotation it read the claim as. Kept for evaluation (which readings hold across sources) and for debugging; not
/// part of the report.
/// </summary>
public readonly record struct MatchReading(ReadingRule Rule, ReadingTraits Traits, string? Subject)
{
    public override string ToString()
    {
        var traits = Traits == ReadingTraits.None ? "" : "[" + Traits.ToString().Replace(", ", "+", StringComparison.Ordinal) + "]";
        return $"{Rule}{traits}{(Subject is null ? "" : ":" + Subject)}";
    }
}
