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
            return IsListOrHeadingNumber(text, start, end) || IsIdentifier(text, start) || IsFootnoteMarker(text, start, end)
                || IsPageAfterCitationYear(text, start) || (IsYearLike(text, start, end) && IsYearInTitle(text, start));
        }

        if (char.IsLetter(first))
        {
            if (char.IsUpper(first) && !IsSentenceStart(text, start))
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

            var next = NextWord(text, end);
            return next.Length > 0 && Words.CountNouns.Contains(next) && (end >= text.Length || text[end] == ' ');
        }

        return false;
    }

    private static bool IsYearLike(string text, int start, int end) =>
        end - start == 4 && int.TryParse(text.AsSpan(start, 4), out var year) && year is >= 1900 and <= 2029;

    /// <summary>"handed over 98%": "over" belongs to the verb before it.</summary>
    public static bool IsVerbParticle(string text, int start) => ParticleVerbs.Contains(PreviousWord(text, start));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take", "takes", "took", "taken", "taking",
        "pass", "passed", "give", "gave", "given", "sign", "signed", "went", "came", "sent", "carried", "moved", "brought",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

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
        if (!char.IsUpper(word[0]) || TimeWords.Contains(word) || (s > 0 && text[s - 1] == '('))
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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Spring", "Summer",
        "Autumn", "Fall", "Winter", "In", "By", "From", "Until", "Since", "Before", "After", "Between", "And", "Of", "AD", "Early", "Late", "Mid",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"15. The forced…", "3.2 Results", "(4) Conclusions" at the start of a line.</summary>
    private static bool IsListOrHeadingNumber(string text, int start, int end)
    {
        var p = start;
        while (p > 0 && text[p - 1] is ' ' or '\t' or '(')
        {
            p--;
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
