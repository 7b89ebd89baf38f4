using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>An office named next to a person: where its words stand and which offices they name.</summary>
public readonly record struct OfficeMention(int Start, int End, IReadOnlyList<OfficeHeld> Offices);

/// <summary>
/// The ways texts name the offices people held at the time ("Minister Resident", "V Corps commander", "signed for the
/// United States"), keyed by first normalised word, so the words around a person's name can be read for one.
/// </summary>
internal sealed class OfficeIndex
{
    private readonly Dictionary<string, List<(string[] Tokens, OfficeHeld Office)>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Tokens, OfficeHeld Office)>> _byPerson = new(StringComparer.Ordinal);

    public OfficeIndex(FactSet factSet)
    {
        foreach (var office in factSet.Offices)
        {
            foreach (var term in office.Terms.Append(office.Office).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var tokens = Tokenizer.Tokenize(term).Select(t => t.Norm).ToArray();
                if (tokens.Length == 0)
                {
                    continue;
                }

                (_byFirst.TryGetValue(tokens[0], out var list) ? list : _byFirst[tokens[0]] = []).Add((tokens, office));
                (_byPerson.TryGetValue(office.Person, out var theirs) ? theirs : _byPerson[office.Person] = []).Add((tokens, office));
            }
        }

        foreach (var list in _byFirst.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }
    }

    public bool IsEmpty => _byFirst.Count == 0;

    /// <summary>The longest office name starting at token <paramref name="at"/>, with every office it names.</summary>
    public OfficeMention? At(IReadOnlyList<Token> tokens, int at)
    {
        if (at >= tokens.Count || !_byFirst.TryGetValue(tokens[at].Norm, out var entries))
        {
            return null;
        }

        foreach (var (phrase, _) in entries)
        {
            if (at + phrase.Length > tokens.Count)
            {
                continue;
            }

            var all = true;
            for (var k = 1; k < phrase.Length && all; k++)
            {
                all = tokens[at + k].Norm == phrase[k];
            }

            if (all)
            {
                var offices = entries.Where(e => e.Tokens.AsSpan().SequenceEqual(phrase)).Select(e => e.Office).Distinct().ToList();
                return new OfficeMention(tokens[at].Start, tokens[at + phrase.Length - 1].End, offices);
            }
        }

        return null;
    }

    /// <summary>The offices whose names (as normalised words) are exactly <paramref name="words"/>.</summary>
    public IReadOnlyList<OfficeHeld> Named(string words)
    {
        var tokens = Tokenizer.Tokenize(words);
        return tokens.Count > 0 && At(tokens, 0) is { } office && office.End == tokens[^1].End ? office.Offices : [];
    }

    /// <summary>
    /// "the Military Mission in Moscow, headed by Deane": the office of <paramref name="person"/> whose name or term has
    /// at least <paramref name="share"/> of its meaningful words among <paramref name="words"/> (normalised, any order),
    /// the best such; null when none has.
    /// </summary>
    public OfficeHeld? DescribedBy(string person, IReadOnlySet<string> words, Func<string, bool> meaningful, double share)
    {
        if (!_byPerson.TryGetValue(person, out var theirs))
        {
            return null;
        }

        OfficeHeld? best = null;
        var bestShare = 0.0;
        foreach (var (tokens, office) in theirs)
        {
            var named = tokens.Where(meaningful).Distinct(StringComparer.Ordinal).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            var found = (double)named.Count(words.Contains) / named.Count;
            if (found >= share && found > bestShare)
            {
                (best, bestShare) = (office, found);
            }
        }

        return best;
    }
}
