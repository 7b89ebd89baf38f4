namespace Repatriation.Core.Extraction;

/// <summary>A run of text by offset and length, in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Offset, int Length)
{
    public int End => Offset + Length;

    public bool Contains(int offset) => offset >= Offset && offset < End;
}

/// <summary>
/// Splits plain text into sentences in one pass without allocating per character. Knows the
/// abbreviations of historical prose and citations (Gen., No., p., vol., c., e.g.), initials
/// ("V. N. Zemskov"), decimals, quotes that close a sentence, footnote markers after the full stop,
/// and treats a line break as the end of a heading. A sentence longer than <see cref="MaxLength"/> (a text without
/// full stops, an endless list of figures) is cut into windows of at most that length, so every later stage
/// works on pieces of bounded size and the whole check stays linear in the text, whatever its shape.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// The longest span handed on as one sentence. Real sentences stay below it (the evaluation corpus's longest is
    /// 359 characters); longer runs are cut at a clause break, a comma or a space near the limit.
    /// </summary>
    public const int MaxLength = 400;

    /// <summary>
    /// The most numbers (white-space separated chunks holding a digit) one window holds. The densest sentence of the
    /// evaluation corpus has nine; a run of bare figures is cut into windows of this many, because matching a claim
    /// looks at every other claim of its sentence.
    /// </summary>
    public const int MaxNumbers = 32;

    /// <summary>Sentences in text order, trimmed of surrounding white space; empty text gives none.</summary>
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextSpan>(Math.Max(4, text.Length / 120));
        var start = SkipWhiteSpace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (LineBreakEndsSentence(text, start, i))
                {
                    Add(sentences, text, start, i);
                    start = SkipWhiteSpace(text, i + 1);
                    i = start;
                    continue;
                }

                i++;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var end = SentenceEndAfter(text, i);
                if (end > 0)
                {
                    Add(sentences, text, start, end);
                    start = SkipWhiteSpace(text, end);
                    i = start;
                    continue;
                }
            }

            i++;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>Index of the sentence holding <paramref name="offset"/>, or of the last one before it; -1 if none.</summary>
    public static int IndexAt(IReadOnlyList<TextSpan> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].Offset <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// Where the sentence ends when the punctuation at <paramref name="i"/> closes it (exclusive), else 0.
    /// </summary>
    private static int SentenceEndAfter(string text, int i)
    {
        var c = text[i];
        var j = i + 1;
        while (j < text.Length && text[j] is '.' or '!' or '?' or '…')
        {
            j++;
        }

        while (j < text.Length && text[j] is '"' or '”' or '’' or '\'' or ')' or ']' or '»')
        {
            j++;
        }

        // A footnote number glued to the full stop ("released.12 The") belongs to the sentence it ends.
        if (j < text.Length && char.IsAsciiDigit(text[j]) && i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is ')' or '”' or '"'))
        {
            var k = j;
            while (k < text.Length && char.IsAsciiDigit(text[k]))
            {
                k++;
            }

            if (k - j <= 3 && (k == text.Length || char.IsWhiteSpace(text[k])))
            {
                j = k;
            }
        }

        if (j >= text.Length)
        {
            return text.Length;
        }

        if (!char.IsWhiteSpace(text[j]))
        {
            return 0;
        }

        var next = SkipWhiteSpace(text, j);
        if (next >= text.Length)
        {
            return j;
        }

        if (char.IsLower(text[next]))
        {
            return 0;
        }

        if (c == '.' && j == i + 1 && IsListNumber(text, i))
        {
            return 0;
        }

        if (c == '.' && j == i + 1)
        {
            switch (ClassifyWordBefore(text, i))
            {
                case WordBeforeDot.Abbreviation:
                case WordBeforeDot.Initial:
                    return 0;
                case WordBeforeDot.Acronym when !StartsSentence(text, next):
                    return 0;
            }
        }

        return j;
    }

    /// <summary>"15. The forced…" or "3.2. Results": the number of a list item or heading at the start of a line.</summary>
    private static bool IsListNumber(string text, int dot)
    {
        var s = dot;
        while (s > 0 && (char.IsAsciiDigit(text[s - 1]) || (text[s - 1] == '.' && s > 1 && char.IsAsciiDigit(text[s - 2]))))
        {
            s--;
        }

        if (s == dot || dot - s > 6)
        {
            return false;
        }

        while (s > 0 && text[s - 1] is ' ' or '\t')
        {
            s--;
        }

        return s == 0 || text[s - 1] == '\n';
    }

    private enum WordBeforeDot { Word, Abbreviation, Initial, Acronym }

    private static WordBeforeDot ClassifyWordBefore(string text, int dot)
    {
        var s = dot;
        var dots = 0;
        while (s > 0 && (char.IsLetter(text[s - 1]) || (text[s - 1] == '.' && s - 1 > 0 && char.IsLetter(text[s - 2]))))
        {
            s--;
            if (text[s] == '.')
            {
                dots++;
            }
        }

        var word = text.AsSpan(s, dot - s);
        if (word.Length == 0)
        {
            return WordBeforeDot.Word;
        }

        if (dots > 0)
        {
            return IsAbbreviation(word) ? WordBeforeDot.Abbreviation : WordBeforeDot.Acronym;
        }

        if (word.Length == 1)
        {
            return char.IsUpper(word[0]) ? WordBeforeDot.Initial : WordBeforeDot.Abbreviation;
        }

        return IsAbbreviation(word) ? WordBeforeDot.Abbreviation : WordBeforeDot.Word;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[16];
        if (word.Length > lower.Length)
        {
            return false;
        }

        var n = word.ToLowerInvariant(lower);
        return Abbreviations.Contains(lower[..n]);
    }

    private static bool StartsSentence(string text, int at)
    {
        var e = at;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return e > at && SentenceStarters.Contains(text.AsSpan(at, e - at));
    }

    /// <summary>
    /// A line break ends a heading or a paragraph; inside a hard-wrapped paragraph it does not
    /// (the next line starts in lower case, or this one ends mid-phrase).
    /// </summary>
    private static bool LineBreakEndsSentence(string text, int start, int newline)
    {
        var last = newline - 1;
        while (last >= start && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        if (last < start)
        {
            return false;
        }

        var next = newline + 1;
        var blankLine = false;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            blankLine |= text[next] == '\n';
            next++;
        }

        if (blankLine || next >= text.Length)
        {
            return true;
        }

        if (text[last] is ',' or ';' or ':' or '-' or '–' or '(' or '/' || char.IsLower(text[next]))
        {
            return false;
        }

        var w = last;
        while (w >= start && char.IsLetter(text[w]))
        {
            w--;
        }

        return !ContinuationWords.Contains(text.AsSpan(w + 1, last - w));
    }

    private static void Add(List<TextSpan> sentences, string text, int start, int end)
    {
        end = TrimEnd(text, start, end);
        while (end > start)
        {
            var limit = WindowLimit(text, start, end);
            var cut = limit == end ? end : WindowEnd(text, start, limit);
            sentences.Add(new TextSpan(start, TrimEnd(text, start, cut) - start));
            start = SkipWhiteSpace(text, cut);
        }
    }

    /// <summary>
    /// How far a sentence starting at <paramref name="start"/> may run before it must be cut: <paramref name="end"/>
    /// when it is within <see cref="MaxLength"/> and <see cref="MaxNumbers"/>, else where the first bound is reached.
    /// </summary>
    private static int WindowLimit(string text, int start, int end)
    {
        var limit = Math.Min(end, start + MaxLength);
        var numbers = 0;
        var inNumber = false;
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                inNumber = false;
            }
            else if (char.IsAsciiDigit(c) && !inNumber)
            {
                inNumber = true;
                if (++numbers > MaxNumbers)
                {
                    // Cut before the chunk this number starts.
                    var chunk = i;
                    while (chunk > start && !char.IsWhiteSpace(text[chunk - 1]))
                    {
                        chunk--;
                    }

                    return chunk > start ? chunk : i;
                }
            }
        }

        return limit;
    }

    /// <summary>
    /// Where a window starting at <paramref name="start"/> and bounded by <paramref name="limit"/> ends (exclusive):
    /// at the white space after the last clause break (";", ":", a dash) in its second half, else after the last
    /// comma, else at the last white space, else (one endless word) at the limit itself, never inside a surrogate pair.
    /// </summary>
    private static int WindowEnd(string text, int start, int limit)
    {
        int comma = -1, space = -1;
        for (var i = limit - 1; i > start + (limit - start) / 2; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            var before = text[i - 1];
            if (before is ';' or ':' or '—' or '–')
            {
                return i;
            }

            if (before == ',' && comma < 0)
            {
                comma = i;
            }

            if (space < 0)
            {
                space = i;
            }
        }

        if (comma > 0 || space > 0)
        {
            return comma > 0 ? comma : space;
        }

        if (limit < text.Length && char.IsWhiteSpace(text[limit]))
        {
            return limit;
        }

        return char.IsHighSurrogate(text[limit - 1]) && limit - 1 > start ? limit - 1 : limit;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = new HashSet<string>(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "maj", "brig", "sgt", "adm", "cdr", "gov", "sen",
        "rep", "st", "mt", "no", "nos", "p", "pp", "vol", "vols", "c", "ca", "cf", "e.g", "i.e", "vs", "al", "ed",
        "eds", "trans", "op", "f", "d", "ch", "chap", "fig", "figs", "art", "para", "n", "nn", "approx", "ibid",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co",
        "jr", "sr", "ff", "cit", "loc", "viz", "rev", "hon", "fr", "messrs", "lieut", "gens", "ft", "cpl", "pte",
        "fol", "fols", "l", "ll", "ser", "sec", "doc", "repr", "esp", "est",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = new HashSet<string>(StringComparer.Ordinal)
    {
        "The", "In", "A", "An", "This", "These", "Those", "It", "He", "She", "They", "We", "I", "But", "However",
        "After", "When", "On", "At", "By", "Many", "Some", "Most", "Its", "Their", "His", "Her", "There", "Yet",
        "Thus", "Although", "While", "During", "Between", "From", "Of", "All", "Only", "As",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContinuationWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "a", "an", "to", "in", "by", "with", "for", "on", "at", "from", "as", "or", "that",
        "which", "who", "his", "her", "their", "its", "was", "were", "is", "are",
    }.GetAlternateLookup<ReadOnlySpan<char>>();
}
