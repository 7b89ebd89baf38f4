namespace Repatriation.Core.Rules;

/// <summary>A word list from the rules file; lookups take spans so checking a neighbouring word allocates nothing.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words, bool caseSensitive)
    {
        _set = new HashSet<string>(words, caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        Items = [.. _set];
    }

    public IReadOnlyList<string> Items { get; }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    public bool Contains(string word) => _set.Contains(word);
}

/// <summary>A map of forms to their base form ("wrote", "writes", "writing" → "wrote").</summary>
public sealed class FormMap
{
    private readonly Dictionary<string, string> _map;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public FormMap(IReadOnlyDictionary<string, IReadOnlyList<string>> forms)
    {
        _map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (baseForm, list) in forms)
        {
            foreach (var form in list)
            {
                _map.TryAdd(form, baseForm);
            }
        }

        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IEnumerable<string> Forms => _map.Keys;

    public IEnumerable<string> BaseForms => _map.Values.Distinct(StringComparer.Ordinal);

    public string? BaseOf(ReadOnlySpan<char> form) => _lookup.TryGetValue(form, out var baseForm) ? baseForm : null;
}

/// <summary>
/// The engine's word lists, by purpose. Each property names its list in the rules file; a test checks that every
/// list in the file is read here and that each has examples.
/// </summary>
public sealed class Lexicon
{
    private readonly IReadOnlyDictionary<string, WordRule> _rules;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    internal Lexicon(IReadOnlyDictionary<string, WordRule> rules)
    {
        _rules = rules;
        Stop = Set("nameStopWords");
        Ranks = Set("ranks");
        NonPerson = Set("notPersonNames");
        CountNouns = Set("countNounsAfterYear");
        IdentifierPrefixes = Set("identifierPrefixes");
        CapitalisedIdentifierPrefixes = Set("capitalisedIdentifierPrefixes");
        HalfOfPeriod = Set("halfOfPeriod");
        SuperlativeAfterMost = Set("superlativeAfterMost");
        BeforeSuperlativeMost = Set("beforeSuperlativeMost");
        ParticleVerbs = Set("particleVerbs");
        TitleTimeWords = Set("timeWordsBeforeYear");
        NameParticles = Set("nameParticles");
        NameTitles = Set("nameAbbreviations");
        RoleNouns = Set("roleNouns");
        SpeakerDeterminers = Set("unnamedSpeakerDeterminers");
        SpeakerNouns = Set("unnamedSpeakerNouns");
        TitleCues = Set("titleCues");
        TitleFunctionWords = Set("titleSmallWords");
        AmbiguousVerbForms = Set("verbFormsAlsoNouns");
        WorkNouns = Set("workNouns");
        PhraseBoundaries = Set("phraseBoundaries");
        GenericActWords = Set("genericActWords");
        TermFunctionWords = Set("eventFunctionWords");
        ActVerbs = Set("actVerbs");
        PublicationCues = Set("publicationCues");
        TopicWords = Set("topicWords");
        ReportingVerbs = Map("reportingVerbs");
        VerbAdverbs = Set("adverbsBetweenNameAndVerb");
        UnitNouns = Map("unitNouns");
        CurrencyWordsBefore = Map("currencyWordsBefore");
        ActKinVerbs = Map("actKinVerbs");
        DurationUnits = Map("durationUnits");
        FactorWords = Set("factorWords");
        AgeCues = Set("ageCues");
        PartitiveDeterminers = Set("partitiveDeterminers");
        PartitivePronouns = Set("partitivePronouns");
        CountedPhraseStops = Set("countedPhraseStops");
        PersonNounSuffixes = Set("personNounSuffixes");
        MetadataLineCues = Set("metadataLineCues");
        EditionWords = Set("editionWords");
        OtherMatters = Set("otherMatters");
        OtherMatterKeys = Set("otherMatterKeys");
        VerbParticles = Set("verbParticles");
        DocumentNouns = Set("documentNouns");
        IrregularVerbForms = Set("irregularVerbForms");
        Auxiliaries = Set("auxiliaries");
        NotVerbsAfterNames = Set("notVerbsAfterNames");
        AscriptionVerbs = Set("ascriptionVerbs");
        EstimateVerbs = Set("estimateVerbs");
        OfficeJoiners = Set("officeJoiners");
        RelayingVerbs = Set("relayingVerbs");
        YearPrepositions = Set("yearPrepositions");
        AppositionStarts = Set("appositionStarts");
        FrontedDateWords = Set("frontedDateWords");
        TemporalRelationWords = Set("temporalRelationWords");
        StrongVetoTraits = Set("strongVetoTraits");
        PartOfSpanPrecisions = Set("partOfSpanPrecisions");
        GenericGroupNouns = Set("genericGroupNouns");
        LeadershipVerbs = Set("leadershipVerbs");
        HeldPeriodPrecisions = Set("heldPeriodPrecisions");
    }

    /// <summary>Names of the lists read, for the test that every list in the file is used.</summary>
    public IReadOnlyCollection<string> Read => _read;

    public WordSet Stop { get; }
    public WordSet Ranks { get; }
    public WordSet NonPerson { get; }
    public WordSet CountNouns { get; }
    public WordSet IdentifierPrefixes { get; }
    public WordSet CapitalisedIdentifierPrefixes { get; }
    public WordSet HalfOfPeriod { get; }
    public WordSet SuperlativeAfterMost { get; }
    public WordSet BeforeSuperlativeMost { get; }
    public WordSet ParticleVerbs { get; }
    public WordSet TitleTimeWords { get; }
    public WordSet NameParticles { get; }
    public WordSet NameTitles { get; }
    public WordSet RoleNouns { get; }
    public WordSet SpeakerDeterminers { get; }
    public WordSet SpeakerNouns { get; }
    public WordSet TitleCues { get; }
    public WordSet TitleFunctionWords { get; }
    public WordSet AmbiguousVerbForms { get; }
    public WordSet WorkNouns { get; }
    public WordSet PhraseBoundaries { get; }
    public WordSet GenericActWords { get; }
    public WordSet TermFunctionWords { get; }
    public WordSet ActVerbs { get; }
    public WordSet PublicationCues { get; }
    public WordSet TopicWords { get; }
    public FormMap ReportingVerbs { get; }
    public WordSet VerbAdverbs { get; }
    public FormMap UnitNouns { get; }

    /// <summary>"pounds 1.5m": words before a figure that give its currency.</summary>
    public FormMap CurrencyWordsBefore { get; }

    /// <summary>"alleged", "claimed" for "accused": verbs that name the same kind of act.</summary>
    public FormMap ActKinVerbs { get; }
    public FormMap DurationUnits { get; }
    public WordSet FactorWords { get; }
    public WordSet AgeCues { get; }
    public WordSet PartitiveDeterminers { get; }
    public WordSet PartitivePronouns { get; }
    public WordSet CountedPhraseStops { get; }
    public WordSet PersonNounSuffixes { get; }
    public WordSet MetadataLineCues { get; }
    public WordSet EditionWords { get; }
    public WordSet OtherMatters { get; }
    public WordSet OtherMatterKeys { get; }
    public WordSet VerbParticles { get; }
    public WordSet DocumentNouns { get; }
    public WordSet IrregularVerbForms { get; }
    public WordSet Auxiliaries { get; }
    public WordSet NotVerbsAfterNames { get; }
    public WordSet AscriptionVerbs { get; }
    public WordSet EstimateVerbs { get; }
    public WordSet OfficeJoiners { get; }
    public WordSet RelayingVerbs { get; }
    public WordSet YearPrepositions { get; }

    /// <summary>"Victims of Yalta, which came out in 1974": words that after a comma open a description of the name before it.</summary>
    public WordSet AppositionStarts { get; }

    /// <summary>"On 28 May 1946 …": words before a date that opens its sentence.</summary>
    public WordSet FrontedDateWords { get; }

    /// <summary>"weeks after the Lienz handovers": words that set a date apart from the event named beside it.</summary>
    public WordSet TemporalRelationWords { get; }

    /// <summary>
    /// What a reading rested on that bars a strong verdict however sure it looks (<see cref="Matching.ReadingTraits"/>
    /// names: another measure gives this very figure, the act named only by a keyword…): such a claim is unsupported
    /// with the closest fact named.
    /// </summary>
    public WordSet StrongVetoTraits { get; }

    /// <summary>Date precisions ("Year", "Month", "Season") at which one unit holding part of an event's span is not called imprecise.</summary>
    public WordSet PartOfSpanPrecisions { get; }

    /// <summary>Nouns for people in general ("people", "persons"): a group named only by them is no wider group than a measure's.</summary>
    public WordSet GenericGroupNouns { get; }

    /// <summary>"headed by", "chaired by": verbs that say the person led the body named before them (an office).</summary>
    public WordSet LeadershipVerbs { get; }

    /// <summary>Precisions ("Day", "Month") of a fact's single date within which a claim's date is that fact's date.</summary>
    public WordSet HeldPeriodPrecisions { get; }

    private WordSet Set(string name)
    {
        var rule = Rule(name);
        return new WordSet(rule.Words, rule.CaseSensitive);
    }

    private FormMap Map(string name) => new(Rule(name).Forms);

    private WordRule Rule(string name)
    {
        _read.Add(name);
        return _rules.TryGetValue(name, out var rule) ? rule : throw new InvalidDataException($"The rules file has no word list '{name}'.");
    }
}
