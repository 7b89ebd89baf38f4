namespace Repatriation.Core.Facts;

/// <summary>
/// The curated fact set: one JSON document (see facts/factset.schema.json). Everything a verdict
/// rests on is here, and every fact, work, quotation and act cites at least one source.
/// </summary>
public sealed record FactSet
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public IReadOnlyList<Person> People { get; init; } = [];
    /// <summary>Generic verbs shared by many measures ("repatriated", "handed over"), declared once.</summary>
    public IReadOnlyList<MeasureAction> Actions { get; init; } = [];
    /// <summary>Who is counted (all repatriates, POWs, civilians, Cossacks…), as a hierarchy.</summary>
    public IReadOnlyList<Population> Populations { get; init; } = [];
    /// <summary>Where (Lienz, Fort Dix, Dachau…), as a hierarchy.</summary>
    public IReadOnlyList<Place> Places { get; init; } = [];
    /// <summary>What is measured. A measure fixes its scope (population, place); facts give its values.</summary>
    public IReadOnlyList<Measure> Measures { get; init; } = [];
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<Work> Works { get; init; } = [];
    public IReadOnlyList<Quotation> Quotations { get; init; } = [];
    public IReadOnlyList<Act> Acts { get; init; } = [];
    /// <summary>Offices people held at the time (Minister Resident, commander of V Corps), so "X, then Y" is checkable.</summary>
    public IReadOnlyList<OfficeHeld> Offices { get; init; } = [];
}

/// <summary>A publication or document; <see cref="SourceRef"/> adds the page a fact was read on.</summary>
public sealed record Source
{
    public required string Id { get; init; }
    public required string Author { get; init; }
    public required string Title { get; init; }
    public int? Year { get; init; }
    public string? Publisher { get; init; }
    public string? Page { get; init; }
    /// <summary>archival, scholarly, reference, press, popular or weak.</summary>
    public string? Reliability { get; init; }
    /// <summary>Public pages where the team read the statement (for re-checking).</summary>
    public IReadOnlyList<string> SeenAt { get; init; } = [];
}

public sealed record SourceRef
{
    /// <summary>Id of an entry in <see cref="FactSet.Sources"/>.</summary>
    public required string Source { get; init; }
    public string? Page { get; init; }
}

public sealed record Person
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Surname alone, titles, transliterations, peerage names: every way texts name the person.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Role { get; init; }
}

public sealed record Population
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Phrases a text uses for this group ("prisoners of war", "POWs").</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>The wider group this one belongs to (POWs belong to all repatriates).</summary>
    public string? Parent { get; init; }
}

public sealed record Place
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Terms { get; init; } = [];
    public string? Parent { get; init; }
}

public static class MeasureKinds
{
    public const string Count = "count";
    public const string Percentage = "percentage";
    public const string Amount = "amount";
    public const string Date = "date";
    public static readonly IReadOnlyList<string> All = [Count, Percentage, Amount, Date];
}

/// <summary>
/// The closed list of measure units (the schema enforces it). A figure is compared only with measures of its own
/// unit; the engine types the figures it reads with the same words.
/// </summary>
public static class MeasureUnits
{
    public const string Persons = "persons";
    public const string Trains = "trains";
    public const string Camps = "camps";
    public const string Ships = "ships";
    public const string Volumes = "volumes";
    public const string Documents = "documents";
    public const string Kilometres = "km";
    public const string Years = "years";
    public const string Percent = "percent";
    public const string PoundsSterling = "GBP";
    public const string UsDollars = "USD";
    public const string Roubles = "RUB";
    public const string Date = "date";

    /// <summary>Counted things (kind count), lengths and durations.</summary>
    public static readonly IReadOnlyList<string> Counts = [Persons, Trains, Camps, Ships, Volumes, Documents, Kilometres, Years];

    /// <summary>Money (kind amount), by ISO 4217 currency code.</summary>
    public static readonly IReadOnlyList<string> Currencies = [PoundsSterling, UsDollars, Roubles];

    public static readonly IReadOnlyList<string> All = [.. Counts, Percent, .. Currencies, Date];

    /// <summary>The units a measure of <paramref name="kind"/> may have.</summary>
    public static IReadOnlyList<string> ForKind(string kind) => kind switch
    {
        MeasureKinds.Count => Counts,
        MeasureKinds.Percentage => [Percent],
        MeasureKinds.Amount => Currencies,
        MeasureKinds.Date => [Date],
        _ => [],
    };
}

/// <summary>
/// A generic verb of the subject ("repatriated", "died", "handed to the NKVD") with every phrase texts use for it.
/// Many measures share an action; each measure adds its population, place, period and its own specific terms.
/// </summary>
public sealed record MeasureAction
{
    public required string Id { get; init; }
    /// <summary>What the action is, as a suggestion names it ("returned to their own country").</summary>
    public required string Name { get; init; }
    public IReadOnlyList<string> Terms { get; init; } = [];
    public string? Description { get; init; }
}

public sealed record Measure
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>count, percentage, amount (money) or date.</summary>
    public required string Kind { get; init; }
    /// <summary>What one unit of the value is: one of <see cref="MeasureUnits.All"/> (persons, trains, percent, GBP, date…).</summary>
    public string? Unit { get; init; }
    /// <summary>
    /// Phrases specific to this measure ("Operation Keelhaul", "special settlement", "Fort Dix riot"). Generic verbs
    /// shared by many measures belong to the measure's <see cref="Action"/>, not here.
    /// </summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>Id of the action counted or dated ("repatriated", "died"); its terms name this measure too.</summary>
    public string? Action { get; init; }
    /// <summary>Id of the population counted; null when the measure is not about a group of people.</summary>
    public string? Population { get; init; }
    /// <summary>Id of the place the measure is limited to, if any.</summary>
    public string? Place { get; init; }
    /// <summary>True when facts split the measure by period (per year) so that periods add up.</summary>
    public bool Periodic { get; init; }
    /// <summary>True when texts usually leave the place unsaid ("handed over" means by the Western Allies).</summary>
    public bool PlaceImplied { get; init; }
    public string? Description { get; init; }
}

/// <summary>A numeric interval; an exact value has Low == High.</summary>
public sealed record FactValue
{
    public required decimal Low { get; init; }
    public required decimal High { get; init; }
    /// <summary>How the source words it: about, at least, more than, up to, nearly…</summary>
    public string? Qualifier { get; init; }
}

/// <summary>A date interval written as ISO prefixes: "1945", "1945-02" or "1945-02-11".</summary>
public sealed record FactDate
{
    public required string From { get; init; }
    public string? To { get; init; }
}

public sealed record Fact
{
    public required string Id { get; init; }
    /// <summary>Id of the measure this fact gives a value for.</summary>
    public required string Measure { get; init; }
    /// <summary>The fact in the team's own words.</summary>
    public required string Statement { get; init; }
    /// <summary>For count, percentage and amount measures.</summary>
    public FactValue? Value { get; init; }
    /// <summary>For date measures.</summary>
    public FactDate? Date { get; init; }
    /// <summary>The period a count covers ("1945", or "1944" to "1946-03-01" for "by 1 March 1946").</summary>
    public FactDate? Period { get; init; }
    /// <summary>Id of the person who gives this estimate (for disputed measures), if a person.</summary>
    public string? EstimateBy { get; init; }
    /// <summary>Who gives it, as the suggestion should name them ("Krivosheev", "The Black Book of Communism").</summary>
    public string? EstimateByName { get; init; }
    public required IReadOnlyList<SourceRef> Sources { get; init; }
    /// <summary>
    /// True when the fact rests on popular or weak sources (blogs, blurbs, abstracts, popular sites): it may bear a
    /// claim out but never refutes one, leads the evidence or supplies a suggestion.
    /// </summary>
    public bool Weak { get; init; }
    /// <summary>
    /// True for a scholarly or archival figure that others dispute (the <see cref="Note"/> names who). It is an
    /// ordinary estimate otherwise: unlike a weak fact it can show a claim wrong.
    /// </summary>
    public bool Contested { get; init; }
    public string? Note { get; init; }
}

public sealed record Work
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> AlternativeTitles { get; init; } = [];
    /// <summary>Person ids of the authors.</summary>
    public required IReadOnlyList<string> Authors { get; init; }
    public int? Year { get; init; }
    /// <summary>Other years sources give (first edition vs copyright line).</summary>
    public IReadOnlyList<int> AlternativeYears { get; init; } = [];
    public string? Publisher { get; init; }
    public required IReadOnlyList<SourceRef> Sources { get; init; }
    public string? Note { get; init; }
}

public static class QuotationStatuses
{
    public const string Verified = "verified";
    public const string SecondHand = "second-hand";
    /// <summary>Commonly ascribed to the speaker, but no primary source is known.</summary>
    public const string Apocryphal = "apocryphal";
    public static readonly IReadOnlyList<string> All = [Verified, SecondHand, Apocryphal];
}

public sealed record Quotation
{
    public required string Id { get; init; }
    /// <summary>The exact wording as read in the cited source.</summary>
    public required string Text { get; init; }
    /// <summary>Person id of the speaker or writer (for apocryphal quotations, the person it is usually pinned on).</summary>
    public required string Speaker { get; init; }
    /// <summary>Work id, when the words come from a work in the fact set.</summary>
    public string? Work { get; init; }
    public string? Context { get; init; }
    /// <summary>verified, second-hand or apocryphal.</summary>
    public string Status { get; init; } = QuotationStatuses.Verified;
    public required IReadOnlyList<SourceRef> Sources { get; init; }
    public string? Note { get; init; }
}

/// <summary>Who signed, ordered, issued, wrote or estimated what.</summary>
public sealed record Act
{
    public required string Id { get; init; }
    /// <summary>signed, ordered, issued, wrote, said, estimated, executed…</summary>
    public required string Verb { get; init; }
    public required string Description { get; init; }
    /// <summary>Phrases naming the object of the act ("Yalta agreement", "Order No. 270").</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>Person ids who did it.</summary>
    public required IReadOnlyList<string> Actors { get; init; }
    /// <summary>Person ids often but wrongly credited with it.</summary>
    public IReadOnlyList<string> WronglyCredited { get; init; } = [];
    public FactDate? Date { get; init; }
    public required IReadOnlyList<SourceRef> Sources { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// An office a person held at the time ("Minister Resident in the Mediterranean", "commander of V Corps",
/// "signatory for the United States"), so that "Macmillan, then Minister Resident" can be checked.
/// </summary>
public sealed record OfficeHeld
{
    public required string Id { get; init; }
    /// <summary>Person id of the holder.</summary>
    public required string Person { get; init; }
    /// <summary>The office in the team's words ("Minister Resident in the Mediterranean").</summary>
    public required string Office { get; init; }
    /// <summary>Every way texts name the office ("Minister Resident", "V Corps commander").</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>The government, army or body the office belongs to.</summary>
    public string? Organisation { get; init; }
    /// <summary>When the person took the office (ISO prefix), if a source says.</summary>
    public string? From { get; init; }
    /// <summary>When the person left it (ISO prefix), if a source says.</summary>
    public string? To { get; init; }
    /// <summary>A date or period at which the sources show the person in office (the act they are named in).</summary>
    public FactDate? HeldOn { get; init; }
    public required IReadOnlyList<SourceRef> Sources { get; init; }
    public string? Note { get; init; }
}
