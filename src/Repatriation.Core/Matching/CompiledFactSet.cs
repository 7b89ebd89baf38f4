using Repatriation.Core.Facts;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Matching;

/// <summary>
/// Everything the engine derives from one fact-set version and one set of rules, built once when a snapshot
/// loads: the term index, the names of people and works, the units measures count in, and the matchers with
/// their evidence cache. Immutable and shared by every check of that version; nothing is cached on the side.
/// </summary>
/// <remarks>
/// Callers reach the derived data only through methods (<see cref="FindPerson"/>, <see cref="IsKnownWorkTitle"/>,
/// <see cref="HasUnit"/>, the term index's Find), so their representation can change (an automaton, bitsets,
/// struct arrays) without touching the extractor or the matcher.
/// </remarks>
public sealed class CompiledFactSet
{
    private readonly HashSet<string> _workTitles;
    private readonly Dictionary<Fact, Interval> _values = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<(double Low, double High, string Measure)>> _nominalByUnit = new(StringComparer.Ordinal);
    private readonly HashSet<string> _units;
    private readonly HashSet<string> _personWords;
    private readonly Dictionary<string, List<Act>> _actsByPerson = new(StringComparer.Ordinal);
    private readonly HashSet<int> _subjectYears = [];
    private readonly Dictionary<string, List<Work>> _worksByPerson = new(StringComparer.Ordinal);

    public CompiledFactSet(FactIndex index, EngineRules rules)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(rules);
        Index = index;
        Rules = rules;
        Numbers = rules.Numbers;
        Terms = new TermIndex(index, rules.Words);
        Mentions = new MentionIndex(index);
        Offices = new OfficeIndex(index.FactSet);
        _workTitles = new HashSet<string>(
            index.Works.Values.SelectMany(w => w.AlternativeTitles.Prepend(w.Title)).Select(FactIndex.NormaliseName), StringComparer.Ordinal);
        _units = new HashSet<string>(index.Measures.Values.Select(m => m.Unit ?? DefaultUnit(m.Kind)), StringComparer.Ordinal);
        foreach (var fact in index.FactSet.Facts)
        {
            if (fact.Value is not null)
            {
                _values[fact] = Interval.OfFact(fact.Value, Numbers);
                if (index.Measures.TryGetValue(fact.Measure, out var measure))
                {
                    var unit = measure.Unit ?? DefaultUnit(measure.Kind);
                    (_nominalByUnit.TryGetValue(unit, out var values) ? values : _nominalByUnit[unit] = []).Add(((double)fact.Value.Low, (double)fact.Value.High, measure.Id));
                }
            }
        }

        foreach (var values in _nominalByUnit.Values)
        {
            values.Sort((a, b) => a.Low.CompareTo(b.Low));
        }

        _personWords = new HashSet<string>(
            index.Populations.Values.SelectMany(p => p.Terms.Append(p.Name)).SelectMany(t => Tokenizer.Tokenize(t)).Select(t => t.Norm)
                .Where(w => !rules.Words.TermFunctionWords.Contains(w) && !rules.Words.CountedPhraseStops.Contains(w)),
            StringComparer.Ordinal);
        foreach (var act in index.FactSet.Acts)
        {
            foreach (var person in act.Actors.Concat(act.WronglyCredited).Distinct(StringComparer.Ordinal))
            {
                (_actsByPerson.TryGetValue(person, out var acts) ? acts : _actsByPerson[person] = []).Add(act);
            }
        }

        foreach (var work in index.FactSet.Works)
        {
            foreach (var author in work.Authors)
            {
                (_worksByPerson.TryGetValue(author, out var works) ? works : _worksByPerson[author] = []).Add(work);
            }
        }

        foreach (var fact in index.FactSet.Facts)
        {
            AddYears(fact.Date);
            AddYears(fact.Period);
        }

        foreach (var act in index.FactSet.Acts)
        {
            AddYears(act.Date);
        }

        foreach (var work in index.FactSet.Works)
        {
            foreach (var year in work.AlternativeYears.Concat(work.Year is { } y ? [y] : []))
            {
                _subjectYears.Add(year);
            }
        }

        // "Vlasov taken prisoner by the Germans", named by "captured by the Germans": a term that leaves out the person
        // the event happened to names it only where that person is mentioned nearby ("His son had been captured by the
        // Germans in 1941" is not Vlasov's capture).
        foreach (var measure in index.Measures.Values.Where(m => m.Kind == MeasureKinds.Date))
        {
            var people = Mentions.Find(measure.Name, 0, measure.Name.Length).Where(m => m.Kind == MentionKind.Person).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            if (people.Count == 0)
            {
                continue;
            }

            _protagonists[measure.Id] = people;
            foreach (var term in measure.Terms)
            {
                if (!Mentions.Find(term, 0, term.Length).Any(m => people.Contains(m.Id)))
                {
                    _termsWithoutProtagonist.Add((measure.Id, string.Join(' ', Tokenizer.Tokenize(term).Select(t => t.Norm))));
                }
            }
        }

        // A place where the fact set dates one event only ("Plattling": the handover) names that event well enough to
        // bear a date out.
        foreach (var group in index.Measures.Values.Where(m => m.Kind == MeasureKinds.Date && m.Place is not null).GroupBy(m => m.Place!))
        {
            if (group.Count() == 1)
            {
                _datedEventByPlace[group.Key] = group.First();
            }
        }

        Evidence = new EvidenceBuilder(index);
        Figures = new FigureMatcher(this);
        FigureOutcomes = new FigureOutcomes(index, Evidence);
        Dates = new DateMatcher(this);
        Attributions = new AttributionMatcher(this);
        Grader = new VerdictGrader(Numbers, rules.Words.StrongVetoTraits);
    }

    /// <summary>Compiles a fact set with the shipped rules (or the ones given).</summary>
    public static CompiledFactSet Compile(FactSet factSet, EngineRules? rules = null) =>
        new(new FactIndex(factSet), rules ?? EngineRules.Default);

    private readonly Dictionary<string, Measure> _datedEventByPlace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _protagonists = new(StringComparer.Ordinal);
    private readonly HashSet<(string Measure, string Term)> _termsWithoutProtagonist = [];

    /// <summary>
    /// The people an event happened to, when the term that named it leaves them out ("captured by the Germans" for
    /// Vlasov's capture); empty when the term names them or the event has none.
    /// </summary>
    internal IReadOnlySet<string> ProtagonistsUnsaid(string measureId, TermEntry term) =>
        _protagonists.TryGetValue(measureId, out var people) && _termsWithoutProtagonist.Contains((measureId, string.Join(' ', term.Tokens)))
            ? people
            : EmptySet;

    private static readonly HashSet<string> EmptySet = [];

    /// <summary>The one event the fact set dates at this place, if it dates exactly one there.</summary>
    internal Measure? DatedEventAt(string placeId) => _datedEventByPlace.GetValueOrDefault(placeId);

    public FactSet FactSet => Index.FactSet;
    public FactIndex Index { get; }
    public EngineRules Rules { get; }
    public RuleNumbers Numbers { get; }

    internal TermIndex Terms { get; }
    internal MentionIndex Mentions { get; }
    internal OfficeIndex Offices { get; }
    internal EvidenceBuilder Evidence { get; }
    internal FigureMatcher Figures { get; }
    internal FigureOutcomes FigureOutcomes { get; }
    internal DateMatcher Dates { get; }
    internal AttributionMatcher Attributions { get; }
    internal VerdictGrader Grader { get; }

    /// <summary>A fact's value with the room its qualifier gives ("about", "more than"), computed once.</summary>
    internal Interval ValueOf(Fact fact) => _values.TryGetValue(fact, out var value) ? value : Interval.OfFact(fact.Value!, Numbers);

    /// <summary>The dated acts of this verb the person did (not those wrongly credited to them).</summary>
    internal IEnumerable<Act> DatedActsOf(string personId, string verb) =>
        (_actsByPerson.TryGetValue(personId, out var list) ? list : [])
            .Where(a => a.Date is not null && a.Actors.Contains(personId) && string.Equals(a.Verb, verb, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when the fact set could check "person verb…" in this sentence: the person did (or is wrongly credited
    /// with) an act of that verb, or one named in the sentence, or wrote a work the sentence names.
    /// </summary>
    public bool IsCheckable(string personId, string verb, string text, Extraction.TextSpan sentence)
    {
        var acts = _actsByPerson.TryGetValue(personId, out var list) ? list : [];
        var works = _worksByPerson.TryGetValue(personId, out var written) ? written : [];
        if (acts.Count == 0 && works.Count == 0)
        {
            return false;
        }

        foreach (var act in acts)
        {
            if (string.Equals(act.Verb, verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var tokens = Tokenizer.Tokenize(text, sentence.Offset, sentence.Length);
        foreach (var hit in Terms.Find(tokens))
        {
            if ((hit.Entry.Owner == TermOwner.Act && acts.Any(a => a.Id == hit.Entry.OwnerId))
                || (hit.Entry.Owner == TermOwner.Work && works.Any(w => w.Id == hit.Entry.OwnerId)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when some fact of another measure than <paramref name="measureId"/>, counted in the same unit, gives a
    /// value inside the claim's interval: the figure is more likely that measure's ("1,539,475" is Zemskov's count of
    /// returned POWs, not a wrong count of those punished).
    /// </summary>
    internal bool OtherMeasureHolds(Interval claim, string unit, string measureId)
    {
        if (!_nominalByUnit.TryGetValue(unit, out var values))
        {
            return false;
        }

        int lo = 0, hi = values.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid].Low < claim.Low)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < values.Count && values[i].Low <= claim.High; i++)
        {
            if (values[i].High <= claim.High && values[i].Measure != measureId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The smallest figure any fact of this unit gives (infinity when none does).</summary>
    public double SmallestValue(string unit) =>
        _nominalByUnit.TryGetValue(unit, out var values) && values.Count > 0 ? values[0].Low : double.PositiveInfinity;

    /// <summary>True when some year from <paramref name="from"/> to <paramref name="to"/> is one a fact, act or work of the fact set touches.</summary>
    public bool TouchesSubjectYears(int from, int to)
    {
        for (var year = from; year <= to && year - from < 200; year++)
        {
            if (_subjectYears.Contains(year))
            {
                return true;
            }
        }

        return false;
    }

    private void AddYears(FactDate? date)
    {
        if (date is not null && FactDates.TryParse(date, out var span))
        {
            for (var year = span.From.Year; year <= span.To.Year && year - span.From.Year < 200; year++)
            {
                _subjectYears.Add(year);
            }
        }
    }

    /// <summary>Measures of this unit with a fact whose own figure lies inside the interval.</summary>
    internal IEnumerable<string> MeasuresHolding(Interval claim, string unit)
    {
        if (!_nominalByUnit.TryGetValue(unit, out var values))
        {
            yield break;
        }

        int lo = 0, hi = values.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid].Low < claim.Low)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = lo; i < values.Count && values[i].Low <= claim.High; i++)
        {
            if (values[i].High <= claim.High && seen.Add(values[i].Measure))
            {
                yield return values[i].Measure;
            }
        }
    }

    /// <summary>Resolves a name as written to a person of the fact set.</summary>
    public Person? FindPerson(string name) => Index.FindPerson(name);

    /// <summary>True when the words are the title (or an alternative title) of a work in the fact set.</summary>
    public bool IsKnownWorkTitle(ReadOnlySpan<char> title) => _workTitles.Contains(FactIndex.NormaliseName(title.ToString()));

    /// <summary>True when a word (lower case) is part of a name the fact set gives a group of people ("cossacks", "pows").</summary>
    public bool IsPersonWord(string word) => _personWords.Contains(Tokenizer.Normalise(word));

    /// <summary>True when some measure counts in this unit ("persons", "km", "GBP", "percent"…).</summary>
    public bool HasUnit(string unit) => _units.Contains(unit);

    private static string DefaultUnit(string kind) => kind switch
    {
        MeasureKinds.Percentage => "percent",
        MeasureKinds.Date => "date",
        _ => "persons",
    };
}
