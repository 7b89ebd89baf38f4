namespace Repatriation.Core.Extraction;

/// <summary>
/// Looks at the words around a candidate to tell a claim from a number that only names or locates
/// something: list and heading numbers, identifiers ("Order No. 270", "Article 58", "f. 9526"), page
/// and volume numbers, footnote markers, ordinals in unit names and superlative "most".
/// </summary>
internal static class ContextRules
{
    public static bool IsNotAFigure(string text, int start, ParsedFigure figure)
    {
        var end = start + figure.Length;
        var first = text[start];
        if (char.IsAsciiDigit(first))
        {
            return IsListOrHeadingNumber(text, start, end) || IsIdentifier(text, start) || IsFootnoteMarker(text, start, end) || IsDayOfMonth(text, start, end)
                || IsPageAfterCitationYear(text, start) || (IsYearLike(text, start, end) && IsYearInTitle(text, start))
                || IsCodeNumber(text, start, end) || IsContentsNumber(text, start, end) || IsRating(text, end) || IsInNumberRun(text, start, end);
        }

        if (char.IsLetter(first))
        {
            if (char.IsUpper(first) && !IsSentenceStart(text, start) && !IsAllCaps(text, start))
            {
                // "the Big Three", "Five Eyes": a capitalised number word inside a sentence is a name.
                return true;
            }

            var word = FirstWord(text, start, end);
            if (word.Equals("half", StringComparison.OrdinalIgnoreCase))
            {
                return Words.HalfOfPeriod.Contains(PreviousWord(text, start));
            }

            if (word.Equals("most", StringComparison.OrdinalIgnoreCase))
            {
                var next = NextWord(text, end);
                return Words.BeforeSuperlativeMost.Contains(PreviousWord(text, start)) || next.Length == 0
                    || Words.SuperlativeAfterMost.Contains(next) || next.EndsWith("ly") || next.EndsWith("est");
            }
        }

        return false;
    }

    public static bool IsNotADate(string text, int start, ParsedDate date)
    {
        if (char.IsAsciiDigit(text[start]) && IsIdentifier(text, start))
        {
            return true;
        }

        if (date.YearsOnly)
        {
            if (char.IsAsciiDigit(text[start]) && IsYearInTitle(text, start))
            {
                return true;
            }

            var end = start + date.Length;
            if (end < text.Length && text[end] == '%')
            {
                return true;
            }

            // "in 1945 of 47,000 Cossacks": a year after "in", "by", "since"… is a date whatever follows it.
            if (PreviousWord(text, start) is { Length: > 0 } before && Rules.EngineRules.Default.Words.YearPrepositions.Contains(before))
            {
                return false;
            }

            var next = NextWord(text, end);
            return next.Length > 0 && Words.CountNouns.Contains(next) && (end >= text.Length || text[end] == ' ');
        }

        return false;
    }

    /// <summary>"TWO MILLION": a word in capitals is shouting, not a name.</summary>
    private static bool IsAllCaps(string text, int start)
    {
        var e = start;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            if (!char.IsUpper(text[e]))
            {
                return false;
            }

            e++;
        }

        return e - start > 1;
    }

    /// <summary>"June 2", "2 June": a day of a month, never a count (a dateline's day, a date without its year).</summary>
    private static bool IsDayOfMonth(string text, int start, int end)
    {
        if (end - start > 2 || !int.TryParse(text.AsSpan(start, end - start), out var day) || day is < 1 or > 31)
        {
            return false;
        }

        var before = PreviousWord(text, start);
        var next = NextWord(text, end);
        return (before.Length > 2 && char.IsUpper(before[0]) && Months.Contains(before))
               || (next.Length > 2 && char.IsUpper(next[0]) && Months.Contains(next));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Months = new HashSet<string>(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsYearLike(string text, int start, int end) =>
        end - start == 4 && int.TryParse(text.AsSpan(start, 4), out var year) && year is >= 1900 and <= 2029;

    /// <summary>"handed over 98%": "over" belongs to the verb before it.</summary>
    public static bool IsVerbParticle(string text, int start) => Rules.EngineRules.Default.Words.ParticleVerbs.Contains(PreviousWord(text, start));


    /// <summary>"The Fall of Berlin 1945": a bare year right after a capitalised word inside a sentence ends a title.</summary>
    private static bool IsYearInTitle(string text, int start)
    {
        if (start < 2 || text[start - 1] != ' ' || !char.IsLetter(text[start - 2]))
        {
            return false;
        }

        var e = start - 1;
        var s = e;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        var word = text.AsSpan(s, e - s);
        if (!char.IsUpper(word[0]) || Rules.EngineRules.Default.Words.TitleTimeWords.Contains(word) || (s > 0 && text[s - 1] == '('))
        {
            return false;
        }

        var p = s;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        return p > 0 && text[p - 1] is not ('.' or '!' or '?' or '\n' or '"' or '“');
    }


    /// <summary>"15. The forced…", "3.2 Results", "(4) Conclusions" at the start of a line.</summary>
    private static bool IsListOrHeadingNumber(string text, int start, int end)
    {
        var p = start;
        while (p > 0 && text[p - 1] is ' ' or '\t' or '(' or '“' or '"' or '•' or '*' or '-' or '\u00A0')
        {
            p--;
        }

        if (p > 0 && p < start && text[p - 1] == '.' && end - start <= 2 && end + 2 < text.Length && text[end] == '.' && text[end + 1] == ' '
            && char.IsUpper(text[end + 2]))
        {
            // "…History. 2. Forced migration—Soviet Union": a numbered list run into one line (a catalogue record).
            return true;
        }

        if (p > 0 && text[p - 1] != '\n')
        {
            return false;
        }

        if (end < text.Length && text[end] is '.' or ')' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))
        {
            return true;
        }

        var hasDecimal = text.AsSpan(start, end - start).Contains('.');
        return hasDecimal && end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);
    }

    /// <summary>"4/5", "0 out of 5 stars": a rating, not a share of anything.</summary>
    private static bool IsRating(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(24, text.Length - end));
        if (rest.Length >= 2 && rest[0] == '/' && char.IsAsciiDigit(rest[1]))
        {
            var after = 2;
            while (after < rest.Length && char.IsAsciiDigit(rest[after]))
            {
                after++;
            }

            // "4/5 (69 Downloads)", "4/5 |": nothing counted follows.
            return after == rest.Length || rest[after..].TrimStart() is [] or ['(' or '|' or ')' or '\n' or ',', ..];
        }

        return rest.StartsWith(" out of 5 stars", StringComparison.OrdinalIgnoreCase) || rest.StartsWith(" out of 10 stars", StringComparison.OrdinalIgnoreCase)
               || rest.StartsWith(" out of 5\n", StringComparison.Ordinal);
    }

    /// <summary>"74 75 76 77 78": a run of three or more numbers with only spaces between (a printing line).</summary>
    private static bool IsInNumberRun(string text, int start, int end)
    {
        static bool NumberAt(string text, int from, int to) => to > from && text.AsSpan(from, to - from).IndexOfAnyExceptInRange('0', '9') < 0;

        var run = 1;
        var p = start;
        while (run < 3 && p > 1 && text[p - 1] == ' ' && char.IsAsciiDigit(text[p - 2]))
        {
            var s = p - 1;
            while (s > 0 && char.IsAsciiDigit(text[s - 1]))
            {
                s--;
            }

            if (s > 0 && !char.IsWhiteSpace(text[s - 1]))
            {
                break;
            }

            run++;
            p = s;
        }

        var q = end;
        while (run < 3 && q + 1 < text.Length && text[q] == ' ' && char.IsAsciiDigit(text[q + 1]))
        {
            var e = q + 1;
            while (e < text.Length && char.IsAsciiDigit(text[e]))
            {
                e++;
            }

            if (e < text.Length && !char.IsWhiteSpace(text[e]) || !NumberAt(text, q + 1, e))
            {
                break;
            }

            run++;
            q = e;
        }

        return run >= 3;
    }

    /// <summary>
    /// A number that is a code, not a quantity: a long digit run (an ISBN, a telephone number), digit groups joined by
    /// hyphens of unlike length ("74-16697", "963-9241-68-7"), a decimal with three or more places (a file number
    /// "711.62114", a DOI "10.1086"), a year with a footnote glued on ("1945.21"), or a number after a word in capitals
    /// ("WAR 87199", "SWNCC 46").
    /// </summary>
    private static bool IsCodeNumber(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var run = 0;
        var longest = 0;
        foreach (var c in span)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        if (longest >= 7)
        {
            return true;
        }

        var dot = span.IndexOf('.');
        if (dot > 0 && span.Length - dot - 1 >= 3 && span[(dot + 1)..].IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return true;
        }

        if (dot == 4 && span.Length - dot - 1 is 1 or 2 && int.TryParse(span[..4], out var year) && year is >= 1900 and <= 2029)
        {
            return true;
        }

        // A catalogue or ISBN group ("74-16697", "5-94282"), not an abbreviated range ("6–700", "5–6000").
        var hyphen = span.IndexOf('-');
        if (hyphen > 0 && span.IndexOf(',') < 0 && span.Length - hyphen - 1 >= 5 && span.Length - 2 * hyphen - 1 >= 2)
        {
            return true;
        }

        // A chain of hyphenated groups runs on past the figure ("963-9241-68-7").
        if ((end + 1 < text.Length && text[end] is '-' or '–' && char.IsAsciiDigit(text[end + 1]))
            || (start > 1 && text[start - 1] == '-' && char.IsAsciiDigit(text[start - 2])))
        {
            return true;
        }

        var p = start;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        var e = p;
        while (p > 0 && char.IsLetter(text[p - 1]))
        {
            p--;
        }

        return e - p >= 2 && e == start - 1 && text.AsSpan(p, e - p).IndexOfAnyExceptInRange('A', 'Z') < 0
               && !Rules.EngineRules.Default.Words.NonPerson.Contains(text.AsSpan(p, e - p));
    }

    /// <summary>"; 1 The Decision to Use Force; 2 The First…": the numbers of a table of contents.</summary>
    private static bool IsContentsNumber(string text, int start, int end)
    {
        if (end - start > 2 || end + 2 >= text.Length || text[end] != ' ' || !char.IsUpper(text[end + 1]))
        {
            return false;
        }

        var p = start;
        while (p > 0 && text[p - 1] is ' ' or '\t')
        {
            p--;
        }

        if (p > 0 && text[p - 1] is not (';' or '\n' or '•'))
        {
            return false;
        }

        var next = NextWord(text, end);
        return Words.Stop.Contains(next) || (next.Length > 0 && !Words.NonPerson.Contains(next) && char.IsUpper(next[0])
                                             && Rules.EngineRules.Default.Words.UnitNouns.BaseOf(next.ToString().ToLowerInvariant()) is null);
    }

    /// <summary>A number named by the word before it ("No. 270", "pp. 12, 14", "Article 58", "Order 270").</summary>
    private static bool IsIdentifier(string text, int start)
    {
        var p = start;
        for (var hops = 0; hops < 4; hops++)
        {
            var token = PreviousToken(text, p, out var tokenStart);
            if (token.Length == 0)
            {
                return false;
            }

            // "no" without a full stop is only "No." when capitalised ("there were no 2 …" is no identifier).
            if (token.SequenceEqual("no"))
            {
                return false;
            }

            if (Words.IdentifierPrefixes.Contains(token) || Words.CapitalisedIdentifierPrefixes.Contains(token))
            {
                return true;
            }

            // Walk back over a list of numbers in the same reference ("pp. 12, 14", "Articles 58 and 59").
            var trimmed = token.TrimEnd(",;–-");
            if (!(IsNumber(trimmed) || token.SequenceEqual("and") || token.SequenceEqual("&")))
            {
                return false;
            }

            p = tokenStart;
        }

        return false;
    }

    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!char.IsAsciiDigit(c) && c is not (',' or '–' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"[12]" or a number glued to a closing quote ("…trees”12").</summary>
    private static bool IsFootnoteMarker(string text, int start, int end)
    {
        if (start > 0 && text[start - 1] == '[')
        {
            // A footnote list is short; the bound keeps "[1,2,3,…" without its bracket from being read once per number.
            var close = end;
            var stop = Math.Min(text.Length, end + MaxTokenLength);
            while (close < stop && (char.IsAsciiDigit(text[close]) || text[close] is ',' or ' ' or '–' or '-'))
            {
                close++;
            }

            return close < text.Length && text[close] == ']';
        }

        if (start > 0 && text[start - 1] is '”' or ')' && start > 1 && !char.IsWhiteSpace(text[start - 2]))
        {
            return true;
        }

        if (start > 1 && text[start - 1] == '"' && (char.IsLetter(text[start - 2]) || text[start - 2] is '.' or ',' or '!' or '?'))
        {
            return true;
        }

        return start > 1 && text[start - 1] == '(' && char.IsAsciiDigit(text[start - 2]);
    }

    /// <summary>"(Tolstoy 1977: 258)": a page after the year of an author–year citation.</summary>
    private static bool IsPageAfterCitationYear(string text, int start)
    {
        var p = start;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        return p > 1 && p < start && text[p - 1] == ':' && char.IsAsciiDigit(text[p - 2]);
    }

    private static bool IsSentenceStart(string text, int start)
    {
        var p = start;
        while (p > 0 && (char.IsWhiteSpace(text[p - 1]) || text[p - 1] is '“' or '"' or '‘' or '(' or '['))
        {
            if (text[p - 1] == '\n')
            {
                // A new line (a heading above, a paragraph's start) starts a sentence.
                return true;
            }

            p--;
        }

        return p == 0 || text[p - 1] is '.' or '!' or '?' or ':' or ';' or '…' or '\n' or '”' or '—' || text[p - 1] == '\n';
    }

    /// <summary>The longest token the rules read whole; longer runs without white space are read only this far.</summary>
    private const int MaxTokenLength = 64;

    private static ReadOnlySpan<char> PreviousToken(string text, int start, out int tokenStart)
    {
        var e = start;
        while (e > 0 && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        var s = e;
        var stop = Math.Max(0, e - MaxTokenLength);
        while (s > stop && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '[' or '“' or '"'))
        {
            s--;
        }

        tokenStart = s;
        return text.AsSpan(s, e - s);
    }

    private static ReadOnlySpan<char> PreviousWord(string text, int start)
    {
        var e = start;
        while (e > 0 && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        var s = e;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        return text.AsSpan(s, e - s);
    }

    private static ReadOnlySpan<char> NextWord(string text, int end)
    {
        var s = end;
        while (s < text.Length && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        var e = s;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return text.AsSpan(s, e - s);
    }

    private static ReadOnlySpan<char> FirstWord(string text, int start, int end)
    {
        var e = start;
        while (e < end && char.IsLetter(text[e]))
        {
            e++;
        }

        return text.AsSpan(start, e - start);
    }
}
