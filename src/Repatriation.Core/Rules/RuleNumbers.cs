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

    /// <summary>Names of the numbers read, for the test that every number in the file is used.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "figureTermMaxDistance", "figureReadingSlack", "periodMaxDistance", "dateEventMaxDistance", "dateDisagreeMaxDistance",
        "dateReadingSlack", "workYearMaxDistance", "workTitleMaxDistance", "publicationCueLookback", "commaPenalty",
        "clauseBreakPenalty", "groupNounMaxGap", "groupMaxDistance", "placeNounMaxGap", "placeMaxDistance", "vagueFactor",
        "claimAboutMargin", "factAboutMargin", "factMoreThanFactor", "otherMatterMaxDistance",
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
        };
    }
}
