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

public sealed record Measure
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>count, percentage, amount (money) or date.</summary>
    public required string Kind { get; init; }
    /// <summary>persons, percent, GBP, date…</summary>
    public string? Unit { get; init; }
    /// <summary>Phrases that name what is measured ("handed over", "repatriated", "sent to the Gulag", "Yalta agreement").</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
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
    /// <summary>True where the dossier calls the figure weak, second-hand or from a popular page.</summary>
    public bool Weak { get; init; }
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
