using System.Globalization;
using System.Text;

namespace Repatriation.Core.Facts;

/// <summary>
/// Lookups over one fact set, built once per version: ids to entries, and names or aliases to people.
/// </summary>
public sealed class FactIndex
{
    private readonly Dictionary<string, Person> _peopleByAlias = new(StringComparer.Ordinal);

    public FactIndex(FactSet factSet)
    {
        FactSet = factSet;
        Sources = ById(factSet.Sources, s => s.Id);
        People = ById(factSet.People, p => p.Id);
        Populations = ById(factSet.Populations, p => p.Id);
        Places = ById(factSet.Places, p => p.Id);
        Measures = ById(factSet.Measures, m => m.Id);
        Works = ById(factSet.Works, w => w.Id);
        Actions = ById(factSet.Actions, a => a.Id);
        OfficesByPerson = factSet.Offices.GroupBy(o => o.Person)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OfficeHeld>)g.ToList(), StringComparer.Ordinal);
        FactsByMeasure = factSet.Facts.GroupBy(f => f.Measure)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Fact>)g.ToList(), StringComparer.Ordinal);

        foreach (var person in factSet.People)
        {
            foreach (var alias in person.Aliases.Prepend(person.Name))
            {
                // First writer wins: an alias shared by two people (a bare surname) stays with the first listed.
                _peopleByAlias.TryAdd(NormaliseName(alias), person);
            }
        }
    }

    public FactSet FactSet { get; }
    public IReadOnlyDictionary<string, Source> Sources { get; }
    public IReadOnlyDictionary<string, Person> People { get; }
    public IReadOnlyDictionary<string, Population> Populations { get; }
    public IReadOnlyDictionary<string, Place> Places { get; }
    public IReadOnlyDictionary<string, Measure> Measures { get; }
    public IReadOnlyDictionary<string, Work> Works { get; }
    public IReadOnlyDictionary<string, MeasureAction> Actions { get; }
    /// <summary>The offices each person held (person id to offices), for "X, then Y" and "Y X".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<OfficeHeld>> OfficesByPerson { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Fact>> FactsByMeasure { get; }

    /// <summary>All the names and aliases people can be found by, normalised.</summary>
    public IEnumerable<string> PersonNames => _peopleByAlias.Keys;

    /// <summary>Resolves a name as written ("Tolstoy", "Count Nikolai Tolstoy", "Lord Aldington") to a person.</summary>
    public Person? FindPerson(string name)
    {
        var key = NormaliseName(name);
        if (_peopleByAlias.TryGetValue(key, out var person))
        {
            return person;
        }

        // Titles and initials vary more than surnames: fall back to the last word.
        var lastSpace = key.LastIndexOf(' ');
        return lastSpace > 0 && _peopleByAlias.TryGetValue(key[(lastSpace + 1)..], out person) ? person : null;
    }

    /// <summary>
    /// The phrases that name a measure for today's matcher: its own terms, plus its action's terms for counts,
    /// percentages and sums. A date measure is named by its own (specific) terms only: its action names an event only
    /// together with its place or population ("rioted" at Fort Dix), which the matcher does not yet read.
    /// </summary>
    public IEnumerable<string> TermsOf(Measure measure)
    {
        if (measure.Kind == MeasureKinds.Date || measure.Action is null || !Actions.TryGetValue(measure.Action, out var action))
        {
            return measure.Terms;
        }

        return measure.Terms.Concat(action.Terms);
    }

    /// <summary>
    /// A date measure named by what happened and where ("handed over" at Plattling): every action term paired with
    /// every name of the measure's place. Matched loosely (all words somewhere in the sentence), such a pairing may
    /// bear a date out but never refutes one: the words may belong to different clauses.
    /// </summary>
    public IEnumerable<string> EventNamesOf(Measure measure)
    {
        if (measure.Kind != MeasureKinds.Date || measure.Action is null || measure.Place is null
            || !Actions.TryGetValue(measure.Action, out var action) || !Places.TryGetValue(measure.Place, out var place))
        {
            return [];
        }

        var placeNames = place.Terms.Append(place.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return action.Terms.SelectMany(verb => placeNames.Select(where => $"{verb} {where}"));
    }

    /// <summary>True when <paramref name="populationId"/> is <paramref name="ancestorId"/> or lies inside it.</summary>
    // (Walked without a delegate: these are asked for every measure a figure may speak to.)
    public bool IsWithinPopulation(string populationId, string ancestorId)
    {
        var seen = 0;
        for (string? current = populationId; current is not null && seen < 64; current = Populations.TryGetValue(current, out var p) ? p.Parent : null, seen++)
        {
            if (current == ancestorId)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsWithinPlace(string placeId, string ancestorId)
    {
        var seen = 0;
        for (string? current = placeId; current is not null && seen < 64; current = Places.TryGetValue(current, out var p) ? p.Parent : null, seen++)
        {
            if (current == ancestorId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case, no diacritics, no punctuation, titles removed, single spaces.</summary>
    public static string NormaliseName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Titles.Contains(w));
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> Titles =
    [
        "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "lord", "count", "general", "gen", "field", "marshal",
        "lieutenant", "lt", "major", "maj", "colonel", "col", "brigadier", "brig", "captain", "capt", "president",
        "prime", "minister", "foreign", "secretary", "ataman", "author", "historian", "the",
    ];

    private static IReadOnlyDictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            map.TryAdd(id(item), item);
        }

        return map;
    }
}
