namespace Repatriation.Core.Rules;

/// <summary>
/// The distances and thresholds of the rules file, typed. Distances count words between two places in a
/// sentence, with a comma and a clause break counted as extra words (see <see cref="CommaPenalty"/>).
/// </summary>
public sealed record RuleNumbers
{
    /// <summary>A measure's term further than this from a figure does not name what the figure counts.</summary>
    public int FigureTermMaxDistance { get; init; }
    /// <summary>Readings of a figure named within this many words of the nearest are weighed together.</summary>
    public int FigureReadingSlack { get; init; }
    /// <summary>A date further than this from a figure does not bound its period.</summary>
    public int PeriodMaxDistance { get; init; }
    /// <summary>An event named further than this from a date is another part of the sentence.</summary>
    public int DateEventMaxDistance { get; init; }
    /// <summary>A date is called wrong for an event only when the event is named within this many words.</summary>
    public int DateDisagreeMaxDistance { get; init; }
    /// <summary>Readings of a date within this many words of the nearest are weighed together.</summary>
    public int DateReadingSlack { get; init; }
    /// <summary>A year is checked against a work's year when the title stands within this many words.</summary>
    public int WorkYearMaxDistance { get; init; }
    /// <summary>A title this close to an attribution is what the attribution credits.</summary>
    public int WorkTitleMaxDistance { get; init; }
    /// <summary>How many words before a year a publication cue ("published", "edition") may stand.</summary>
    public int PublicationCueLookback { get; init; }
    /// <summary>Extra distance for a comma between two places in a sentence.</summary>
    public int CommaPenalty { get; init; }
    /// <summary>Extra distance for a clause break (";", ":", a dash) between two places in a sentence.</summary>
    public int ClauseBreakPenalty { get; init; }
    /// <summary>A group named within this many words after a figure is what it counts ("230,000 repatriated persons").</summary>
    public int GroupNounMaxGap { get; init; }
    /// <summary>Groups named within this many words of a figure are its scope.</summary>
    public int GroupMaxDistance { get; init; }
    /// <summary>A place named within this many words after a figure is where it was counted ("332,792 from Austria").</summary>
    public int PlaceNounMaxGap { get; init; }
    /// <summary>A place further than this from a figure belongs to another clause.</summary>
    public int PlaceMaxDistance { get; init; }
    /// <summary>A date that opens its sentence ("On 28 May 1946 the officers were…") is this share as far from what its clause names.</summary>
    public double FrontedDateWeight { get; init; }
    /// <summary>A loose name whose words stand in order within this many words in one clause is named, if with words between.</summary>
    public int GappedTermSpan { get; init; }
    /// <summary>A reading by such a name is worth this share.</summary>
    public double GappedTermFactor { get; init; }
    /// <summary>"X, headed by Name": the share of an office's meaningful words the sentence before must hold to name it.</summary>
    public double HeadedOfficeWordShare { get; init; }
    /// <summary>Where the sentences before name no place, a place named this many characters back in the paragraph is the scene.</summary>
    public int PlaceContextCharacters { get; init; }
    /// <summary>A vague quantity within this factor of the facts is loose (imprecise), beyond it wrong.</summary>
    public double VagueFactor { get; init; }
    /// <summary>"about N" in a text allows this share either side.</summary>
    public double ClaimAboutMargin { get; init; }
    /// <summary>"about N" in a source allows this share either side.</summary>
    public double FactAboutMargin { get; init; }
    /// <summary>A source's "more than N" reaches up to this multiple of N.</summary>
    public double FactMoreThanFactor { get; init; }

    /// <summary>A figure or date this close to another war or era's name (and nearer than the subject) is about it.</summary>
    public int OtherMatterMaxDistance { get; init; }

    /// <summary>contradicted, imprecise and misattributed are given only to readings at least this sure; below, unsupported.</summary>
    public double StrongThreshold { get; init; }
    /// <summary>How sure a reading is whose measure, event or act was named only in the sentences before, or by its words apart.</summary>
    public double ContextReadingConfidence { get; init; }
    /// <summary>How sure a reading is whose term stands as far from the claim as a term may (nearer is surer, up to 1).</summary>
    public double FarReadingConfidence { get; init; }
    /// <summary>A term this close to the claim names its measure plainly (confidence 1).</summary>
    public int PlainTermDistance { get; init; }
    /// <summary>A reading is worth this share when another reading, as near, would have given another verdict.</summary>
    public double RivalReadingFactor { get; init; }
    /// <summary>A reading is worth this share when the claim names no group or place where the measure has one.</summary>
    public double UnsaidScopeFactor { get; init; }
    /// <summary>A figure more than this many times off every fact of the measure read is more likely about something else.</summary>
    public double ImplausibleRatio { get; init; }
    /// <summary>A date whose year the text left to be inferred from earlier dates is worth this share.</summary>
    public double InferredYearFactor { get; init; }

    /// <summary>A reading that calls a precise figure wrong is worth this share when another measure gives that very value.</summary>
    public double OtherMeasureValueFactor { get; init; }
    /// <summary>A reading that calls a vague quantity ("thousands") wrong is worth this share.</summary>
    public double VagueReadingFactor { get; init; }
    /// <summary>A date this many years or more from every date of the event read is more likely about another event.</summary>
    public int ImplausibleYearsApart { get; init; }

    /// <summary>How far back (in characters, about two sentences) a sentence's running context reaches within its paragraph.</summary>
    public int ContextCharacters { get; init; }

    /// <summary>A figure reading resting only on the measure's action ("hanged"), with no group or place said, is worth this share.</summary>
    public double ActionOnlyFactor { get; init; }

    /// <summary>Names of the numbers read, for the test that every number in the file is used.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "figureTermMaxDistance", "figureReadingSlack", "periodMaxDistance", "dateEventMaxDistance", "dateDisagreeMaxDistance",
        "dateReadingSlack", "workYearMaxDistance", "workTitleMaxDistance", "publicationCueLookback", "commaPenalty",
        "clauseBreakPenalty", "groupNounMaxGap", "groupMaxDistance", "placeNounMaxGap", "placeMaxDistance", "vagueFactor",
        "claimAboutMargin", "factAboutMargin", "factMoreThanFactor", "otherMatterMaxDistance", "strongThreshold",
        "contextReadingConfidence", "farReadingConfidence", "plainTermDistance", "rivalReadingFactor", "unsaidScopeFactor",
        "implausibleRatio", "inferredYearFactor", "otherMeasureValueFactor", "vagueReadingFactor", "implausibleYearsApart",
        "contextCharacters", "actionOnlyFactor", "frontedDateWeight", "gappedTermSpan", "gappedTermFactor", "headedOfficeWordShare", "placeContextCharacters",
    ];

    internal static RuleNumbers From(Func<string, double> number)
    {
        int Int(string name) => (int)Math.Round(number(name));
        return new RuleNumbers
        {
            FigureTermMaxDistance = Int("figureTermMaxDistance"),
            FigureReadingSlack = Int("figureReadingSlack"),
            PeriodMaxDistance = Int("periodMaxDistance"),
            DateEventMaxDistance = Int("dateEventMaxDistance"),
            DateDisagreeMaxDistance = Int("dateDisagreeMaxDistance"),
            DateReadingSlack = Int("dateReadingSlack"),
            WorkYearMaxDistance = Int("workYearMaxDistance"),
            WorkTitleMaxDistance = Int("workTitleMaxDistance"),
            PublicationCueLookback = Int("publicationCueLookback"),
            CommaPenalty = Int("commaPenalty"),
            ClauseBreakPenalty = Int("clauseBreakPenalty"),
            GroupNounMaxGap = Int("groupNounMaxGap"),
            GroupMaxDistance = Int("groupMaxDistance"),
            PlaceNounMaxGap = Int("placeNounMaxGap"),
            PlaceMaxDistance = Int("placeMaxDistance"),
            VagueFactor = number("vagueFactor"),
            ClaimAboutMargin = number("claimAboutMargin"),
            FactAboutMargin = number("factAboutMargin"),
            FactMoreThanFactor = number("factMoreThanFactor"),
            OtherMatterMaxDistance = Int("otherMatterMaxDistance"),
            StrongThreshold = number("strongThreshold"),
            ContextReadingConfidence = number("contextReadingConfidence"),
            FarReadingConfidence = number("farReadingConfidence"),
            PlainTermDistance = Int("plainTermDistance"),
            RivalReadingFactor = number("rivalReadingFactor"),
            UnsaidScopeFactor = number("unsaidScopeFactor"),
            ImplausibleRatio = number("implausibleRatio"),
            InferredYearFactor = number("inferredYearFactor"),
            OtherMeasureValueFactor = number("otherMeasureValueFactor"),
            VagueReadingFactor = number("vagueReadingFactor"),
            ImplausibleYearsApart = Int("implausibleYearsApart"),
            ContextCharacters = Int("contextCharacters"),
            ActionOnlyFactor = number("actionOnlyFactor"),
            FrontedDateWeight = number("frontedDateWeight"),
            GappedTermSpan = Int("gappedTermSpan"),
            GappedTermFactor = number("gappedTermFactor"),
            HeadedOfficeWordShare = number("headedOfficeWordShare"),
            PlaceContextCharacters = Int("placeContextCharacters"),
        };
    }
}
