using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>What a term names.</summary>
internal enum TermOwner { Measure, Population, Place, Work, Act }

/// <remarks><see cref="Loose"/>: matched by its words anywhere in the sentence, so it may bear a claim out but not refute it.</remarks>
internal sealed record TermEntry(string[] Tokens, TermOwner Owner, string OwnerId, bool Loose = false)
{
    /// <summary>For measures: count, percentage, amount or date (a date's name does not hide a sum's).</summary>
    public string? MeasureKind { get; init; }
}

/// <summary>A term found in a sentence: which entry, and the token positions it spans.</summary>
internal readonly record struct TermHit(TermEntry Entry, int FirstToken, int LastToken)
{
    public int DistanceTo(int first, int last) =>
        LastToken < first ? first - LastToken : FirstToken > last ? FirstToken - last : 0;
}

/// <summary>
/// Every phrase the fact set uses to name a measure, population, place, work or act, keyed by its first
/// normalised word, so a sentence is scanned once however many terms there are.
/// </summary>
internal sealed class TermIndex
{
    private static readonly ConditionalWeakTable<FactIndex, TermIndex> Cache = new();
    private readonly Dictionary<string, List<TermEntry>> _byFirstToken = new(StringComparer.Ordinal);

    private TermIndex(FactIndex index)
    {
        var set = index.FactSet;
        foreach (var m in set.Measures)
        {
            // A measure is named by its own terms and its action's (FactIndex.TermsOf).
            AddAll(index.TermsOf(m), TermOwner.Measure, m.Id, m.Kind);
            if (m.Kind == MeasureKinds.Date)
            {
                AddLoose(m.Terms.Concat(index.EventNamesOf(m)), TermOwner.Measure, m.Id);
            }
        }

        foreach (var p in set.Populations)
        {
            AddAll(p.Terms.Append(p.Name), TermOwner.Population, p.Id);
        }

        foreach (var p in set.Places)
        {
            AddAll(p.Terms.Append(p.Name), TermOwner.Place, p.Id);
        }

        foreach (var w in set.Works)
        {
            AddAll(w.AlternativeTitles.Append(w.Title), TermOwner.Work, w.Id);
        }

        var keywords = new List<(string, string)>();
        foreach (var a in set.Acts)
        {
            AddAll(a.Terms, TermOwner.Act, a.Id);
            if (a.Date is not null)
            {
                AddLoose(a.Terms, TermOwner.Act, a.Id);
            }
            foreach (var word in a.Terms.SelectMany(t => Tokenizer.Tokenize(t)).Select(t => t.Norm).Distinct())
            {
                if (!GenericActWords.Contains(word) && word.Length > 2)
                {
                    keywords.Add((word, a.Id));
                }
            }
        }

        ActKeywords = keywords;
    }

    public static TermIndex For(FactIndex index) => Cache.GetValue(index, i => new TermIndex(i));

    /// <summary>Distinctive words of act names ("yalta", "270"), for texts that name an act loosely ("signed at Yalta").</summary>
    public IReadOnlyList<(string Keyword, string ActId)> ActKeywords { get; private set; } = [];

    // Words too common in act names to point at one act.
    private static readonly HashSet<string> GenericActWords =
    [
        "the", "a", "an", "of", "and", "on", "at", "in", "for", "to", "by", "with", "from", "no", "number", "agreement", "order",
        "decree", "treaty", "pact", "soviet", "us", "uk", "ussr", "british", "american", "anglo", "signed", "relating", "prisoner",
        "war", "civilian", "liberated", "military", "personnel", "telegram", "letter", "directive", "report", "memo", "paper",
    ];

    private void AddLoose(IEnumerable<string> terms, TermOwner owner, string id)
    {
        foreach (var term in terms)
        {
            var words = Tokenizer.Tokenize(term).Select(t => t.Norm).Where(w => !FunctionWords.Contains(w)).Distinct().ToArray();
            if (words.Length >= 2)
            {
                _looseTerms.Add(new TermEntry(words, owner, id, Loose: true));
            }
        }
    }

    private void AddAll(IEnumerable<string> terms, TermOwner owner, string id, string? measureKind = null)
    {
        foreach (var term in terms.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var tokens = Tokenizer.Tokenize(term).Select(t => t.Norm).ToArray();
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!_byFirstToken.TryGetValue(tokens[0], out var list))
            {
                _byFirstToken[tokens[0]] = list = [];
            }

            list.Add(new TermEntry(tokens, owner, id) { MeasureKind = measureKind });
        }
    }

    // Words that carry no meaning of their own in an event's name ("Vlasov was captured" is {vlasov, captured}).
    private static readonly HashSet<string> FunctionWords =
    [
        "the", "a", "an", "of", "and", "on", "at", "in", "for", "to", "by", "with", "from", "was", "were", "is", "had", "been",
        "has", "his", "her", "their", "its", "that", "this", "be", "as",
    ];

    private readonly List<TermEntry> _looseTerms = [];

    /// <summary>
    /// Events and acts named with their words apart or reordered ("Vlasov, had been captured", "Eden argued in a
    /// paper"): every meaningful word of one of their names occurs in the sentence. Only where no name matched exactly.
    /// </summary>
    public List<TermHit> FindLoose(IReadOnlyList<Token> tokens, IReadOnlyCollection<TermHit> exact)
    {
        var hits = new List<TermHit>();
        if (_looseTerms.Count == 0)
        {
            return hits;
        }

        var words = new HashSet<string>(tokens.Count, StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            words.Add(token.Norm);
        }

        HashSet<string>? named = null;
        foreach (var entry in _looseTerms)
        {
            var all = true;
            foreach (var word in entry.Tokens)
            {
                if (!words.Contains(word))
                {
                    all = false;
                    break;
                }
            }

            if (!all)
            {
                continue;
            }

            named ??= exact.Select(h => h.Entry.OwnerId).ToHashSet(StringComparer.Ordinal);
            if (!named.Add(entry.OwnerId))
            {
                continue;
            }

            int first = int.MaxValue, last = -1;
            foreach (var word in entry.Tokens)
            {
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (tokens[i].Norm == word)
                    {
                        first = Math.Min(first, i);
                        last = Math.Max(last, i);
                        break;
                    }
                }
            }

            hits.Add(new TermHit(entry, first, last));
        }

        return hits;
    }

    /// <summary>All term occurrences in the tokens; longer terms first where two start at the same word.</summary>
    public List<TermHit> Find(IReadOnlyList<Token> tokens)
    {
        var hits = new List<TermHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstToken.TryGetValue(tokens[i].Norm, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (i + entry.Tokens.Length > tokens.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 1; k < entry.Tokens.Length && match; k++)
                {
                    match = tokens[i + k].Norm == entry.Tokens[k];
                }

                if (match)
                {
                    hits.Add(new TermHit(entry, i, i + entry.Tokens.Length - 1));
                }
            }
        }

        // A word inside a longer phrase belongs to the phrase: "repatriated" in "repatriated persons" names the
        // group counted, not the act of repatriating; "civilians" in "civilians and prisoners of war" is part of both.
        // A group or place named inside a measure's phrase ("from Germany") still names that group or place.
        if (hits.Count < 2)
        {
            return hits;
        }

        var kept = new List<TermHit>(hits.Count);
        foreach (var h in hits)
        {
            var hidden = false;
            foreach (var o in hits)
            {
                if (o.LastToken - o.FirstToken > h.LastToken - h.FirstToken
                    && o.FirstToken <= h.FirstToken && o.LastToken >= h.LastToken
                    && (o.Entry.Owner == h.Entry.Owner || h.Entry.Owner is TermOwner.Measure or TermOwner.Act or TermOwner.Work)
                    && (o.Entry.MeasureKind is null || h.Entry.MeasureKind is null || o.Entry.MeasureKind == h.Entry.MeasureKind))
                {
                    hidden = true;
                    break;
                }
            }

            if (!hidden)
            {
                kept.Add(h);
            }
        }

        return kept;
    }
}

/// <summary>A word of a sentence with its span and normalised form.</summary>
internal readonly record struct Token(int Start, int End, string Norm);

/// <summary>Splits text into words normalised for term matching: lower case, no accents, no plural -s.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int length = -1)
    {
        var end = length < 0 ? text.Length : start + length;
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1]))
                               || (text[i] is ',' or '.' && i > s && char.IsDigit(text[i - 1]) && i + 1 < end && char.IsDigit(text[i + 1]))))
            {
                i++;
            }

            tokens.Add(new Token(s, i, Normalise(text.AsSpan(s, i - s))));
        }

        return tokens;
    }

    public static string Normalise(ReadOnlySpan<char> word)
    {
        // Fast path: plain ASCII words (nearly all of them) need no decomposition.
        if (word.Length <= 64 && !word.ContainsAnyExceptInRange('\u0000', '\u007f'))
        {
            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            var length = lower.Length;
            if (length > 2 && lower[length - 2] == '\'' && lower[length - 1] == 's')
            {
                length -= 2;
            }
            else if (length > 0 && lower[length - 1] == '\'')
            {
                length -= 1;
            }
            else if (length > 3 && lower[length - 1] == 's' && lower[length - 2] != 's' && !char.IsDigit(lower[length - 2]))
            {
                length -= 1;
            }

            return new string(lower[..length]);
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c < 128)
            {
                builder.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '’')
            {
                builder.Append('\'');
                continue;
            }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(char.ToLowerInvariant(d));
                }
            }
        }

        var norm = builder.ToString();
        if (norm.EndsWith("'s", StringComparison.Ordinal))
        {
            norm = norm[..^2];
        }
        else if (norm.EndsWith('\''))
        {
            norm = norm[..^1];
        }

        // A light stem: "Gulags" names the Gulag, "POWs" the POW; -ss words ("Keightley's class") stay.
        if (norm.Length > 3 && norm[^1] == 's' && norm[^2] != 's' && !char.IsDigit(norm[^2]))
        {
            norm = norm[..^1];
        }

        return norm;
    }
}
