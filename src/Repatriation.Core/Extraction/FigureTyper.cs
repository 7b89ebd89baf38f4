using Repatriation.Core.Rules;

namespace Repatriation.Core.Extraction;

/// <summary>What a figure counts, and whether a word said so or it is only the default (a bare count of people).</summary>
internal readonly record struct FigureType(string Unit, bool Implied);

/// <summary>
/// Types a figure by the words around it, in the vocabulary measures use: persons (and other counted things:
/// trains, camps, volumes…), km, money by currency, percent, and types no measure has here (ages, lengths of time,
/// factors such as "three times", unknown things). The noun phrase after the figure decides: its head noun is what
/// is counted ("2,000 Cossack officers" counts persons, "5,000 horses" things); "of" leads to the phrase after it
/// ("thousands of prisoners"); no noun at all ("4,199,488 were repatriated") leaves the default, a count of people.
/// </summary>
internal static class FigureTyper
{
    public const string Age = "age";
    public const string Factor = "factor";
    public const string Things = "things";
    public const string TimeOfDay = "time of day";

    private const int MaxPhraseWords = 4;

    private static Lexicon Words => EngineRules.Default.Words;

    /// <summary>Types a figure whose parser found no unit of its own (no currency sign, no per cent, no share word).</summary>
    /// <param name="personWords">Words that name groups of people in the fact set (its population terms).</param>
    public static FigureType Type(string text, int start, int end, Func<string, bool> personWords)
    {
        if (IsAgeBefore(text, start) || IsAgeAfterName(text, start, end))
        {
            return new FigureType(Age, false);
        }

        if (IsTimeOfDay(text, end))
        {
            return new FigureType(TimeOfDay, false);
        }

        if (CurrencyBefore(text, start) is { } currency)
        {
            return new FigureType(currency, false);
        }

        Span<(int Start, int End)> words = stackalloc (int, int)[MaxPhraseWords + 3];
        var count = ReadWords(text, end, words);
        if (count == 0)
        {
            return new FigureType(FigureParser.Persons, true);
        }

        var first = Lower(text, words[0]);
        if (Words.DurationUnits.BaseOf(first) is { } duration)
        {
            // "84 years old", "84-year-old", "aged 84 years": an age; "ten years", "a ten-year sentence": a length of time.
            var old = count > 1 && Lower(text, words[1]) is "old" || (count > 2 && Lower(text, words[1]) is "of" && Lower(text, words[2]) is "age");
            return new FigureType(old ? Age : duration, false);
        }

        if (Words.FactorWords.Contains(first))
        {
            return new FigureType(Factor, false);
        }

        var i = 0;
        if (first == "of")
        {
            // "thousands of prisoners", "4,000 of the 22,500 Cossacks": what follows "of" is what is counted.
            i = 1;
            while (i < count && Words.PartitiveDeterminers.Contains(Lower(text, words[i])))
            {
                i++;
            }

            if (i >= count || Words.PartitivePronouns.Contains(Lower(text, words[i])) || char.IsAsciiDigit(text[words[i].Start]))
            {
                return new FigureType(FigureParser.Persons, true);
            }
        }

        // The head of the phrase is its last content word before a stop word or punctuation.
        var head = -1;
        var stop = -1;
        for (var k = i; k < count && k < i + MaxPhraseWords; k++)
        {
            var word = Lower(text, words[k]);
            if (Words.CountedPhraseStops.Contains(word))
            {
                stop = k;
                break;
            }

            head = k;
            if (Words.UnitNouns.BaseOf(word) is not null)
            {
                break;
            }

            if (words[k].End < text.Length && text[words[k].End] is not (' ' or '-'))
            {
                break;
            }
        }

        if (head < 0)
        {
            return new FigureType(FigureParser.Persons, true);
        }

        var headWord = Lower(text, words[head]);
        if (Words.UnitNouns.BaseOf(headWord) is { } unit)
        {
            return new FigureType(unit, false);
        }

        if (IsPersonNoun(text, words[head], headWord, personWords))
        {
            return new FigureType(FigureParser.Persons, false);
        }

        // "millions of Soviet dissidents and POWs": a group joined to the head by "and" or "or" counts too.
        if (stop > head && Lower(text, words[stop]) is "and" or "or")
        {
            for (var k = stop + 1; k < count && k <= stop + 2; k++)
            {
                var word = Lower(text, words[k]);
                if (Words.UnitNouns.BaseOf(word) is FigureParser.Persons || IsPersonNoun(text, words[k], word, personWords))
                {
                    return new FigureType(FigureParser.Persons, false);
                }
            }
        }

        // "5,000 horses", "12 maps": a plural noun nobody counts here. Anything else ("3,000 fled", "2,000 quietly
        // returned") is a verb or an adverb, and the count is of people by default.
        return LooksPlural(headWord) ? new FigureType(Things, false) : new FigureType(FigureParser.Persons, true);
    }

    /// <summary>"6 a.m.", "10 p.m.": a time of day (the abbreviations the word reader cannot take whole).</summary>
    /// <summary>"pounds 1.5m", "pounds 124,900": a currency word before the figure (a newspaper's house style for £).</summary>
    private static string? CurrencyBefore(string text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
        {
            begin--;
        }

        return end - begin is > 0 and < 12 && end < start
            ? Words.CurrencyWordsBefore.BaseOf(text.AsSpan(begin, end - begin).ToString().ToLowerInvariant())
            : null;
    }

    private static bool IsTimeOfDay(string text, int end)
    {
        var p = end;
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        var rest = text.AsSpan(p, Math.Min(4, text.Length - p));
        return rest.StartsWith("a.m", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("p.m", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Lord Aldington, 80, said…": a number alone between commas right after a name is the person's age.</summary>
    private static bool IsAgeAfterName(string text, int start, int end)
    {
        if (end - start > 3 || end >= text.Length || text[end] != ',' || start < 3)
        {
            return false;
        }

        var p = start;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        if (p == 0 || text[p - 1] != ',')
        {
            return false;
        }

        p--;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        var e = p;
        while (p > 0 && char.IsLetter(text[p - 1]))
        {
            p--;
        }

        return e > p && char.IsUpper(text[p]) && !EngineRules.Default.Words.NonPerson.Contains(text.AsSpan(p, e - p))
               && !EngineRules.Default.Words.Stop.Contains(text.AsSpan(p, e - p));
    }

    /// <summary>"aged 84", "at the age of 84".</summary>
    private static bool IsAgeBefore(string text, int start)
    {
        var p = start;
        for (var hops = 0; hops < 2; hops++)
        {
            while (p > 0 && text[p - 1] == ' ')
            {
                p--;
            }

            var e = p;
            while (p > 0 && char.IsLetter(text[p - 1]))
            {
                p--;
            }

            if (e == p)
            {
                return false;
            }

            var word = text.AsSpan(p, e - p);
            if (Words.AgeCues.Contains(word))
            {
                return true;
            }

            if (!word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsPersonNoun(string text, (int Start, int End) word, string lower, Func<string, bool> personWords) =>
        personWords(lower) || char.IsUpper(text[word.Start]) || HasPersonSuffix(lower);

    private static bool LooksPlural(string word) =>
        word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i') && !word.EndsWith("ness", StringComparison.Ordinal);

    private static bool HasPersonSuffix(string word)
    {
        foreach (var suffix in Words.PersonNounSuffixes.Items)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words right after the figure, up to a clause mark; a hyphen glues words ("84-year-old").</summary>
    private static int ReadWords(string text, int end, Span<(int Start, int End)> words)
    {
        var count = 0;
        var p = end;
        while (count < words.Length && p < text.Length)
        {
            while (p < text.Length && (text[p] == ' ' || text[p] == '\u00A0' || (text[p] == '-' && count == 0 && p == end)))
            {
                p++;
            }

            if (p >= text.Length || !char.IsLetterOrDigit(text[p]))
            {
                break;
            }

            var s = p;
            while (p < text.Length && (char.IsLetterOrDigit(text[p]) || (text[p] is '\'' or '’' && p + 1 < text.Length && char.IsLetter(text[p + 1]))))
            {
                p++;
            }

            words[count++] = (s, p);
            if (p < text.Length && text[p] == '-' && p + 1 < text.Length && char.IsLetter(text[p + 1]))
            {
                p++;
                continue;
            }

            if (p >= text.Length || text[p] is not (' ' or '\u00A0'))
            {
                break;
            }
        }

        return count;
    }

    private static string Lower(string text, (int Start, int End) word) => text[word.Start..word.End].ToLowerInvariant();
}
