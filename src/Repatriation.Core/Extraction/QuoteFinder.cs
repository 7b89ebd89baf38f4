namespace Repatriation.Core.Extraction;

/// <summary>A quoted passage: <see cref="Span"/> includes the quote marks, <see cref="Inner"/> the words inside.</summary>
internal readonly record struct QuotedSpan(TextSpan Span, TextSpan Inner);

/// <summary>
/// Finds quotations in “curly”, "straight" and ‘single curly’ quotes within one paragraph, leaving out
/// scare quotes of one word, titles and names.
/// </summary>
internal static class QuoteFinder
{
    private const int MaxQuoteLength = 3000;

    public static List<QuotedSpan> Find(string text)
    {
        var quotes = new List<QuotedSpan>();
        var i = text.AsSpan().IndexOfAny("“\"‘'");
        while (i >= 0 && i < text.Length)
        {
            var c = text[i];
            var close = c switch
            {
                '“' => FindClose(text, i, '”'),
                '"' when OpensQuote(text, i) => FindClose(text, i, '"'),
                '‘' when OpensQuote(text, i) => FindSingleClose(text, i, '’'),
                // Straight single quotes ('wicked book'), as typewritten and scanned prose has them; an apostrophe
                // inside or after a word ("don't", "Cossacks' fate") never opens one.
                '\'' when OpensQuote(text, i) && char.IsLetter(text[i + 1]) => FindSingleClose(text, i, '\''),
                _ => -1,
            };

            var next = i + 1;
            if (close > i)
            {
                var inner = Trim(text, i + 1, close);
                if (IsQuotation(text, i, close, inner))
                {
                    quotes.Add(new QuotedSpan(new TextSpan(i, close + 1 - i), inner));
                }

                // Quotes nested inside this one belong to it.
                next = close + 1;
            }

            if (next >= text.Length)
            {
                break;
            }

            var rel = text.AsSpan(next).IndexOfAny("“\"‘'");
            i = rel < 0 ? -1 : next + rel;
        }

        return quotes;
    }

    private static bool OpensQuote(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or '“' or '"' or ':')
        && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);

    private static int FindClose(string text, int open, char closer)
    {
        var limit = Math.Min(text.Length, open + MaxQuoteLength);
        for (var j = open + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == closer)
            {
                return j;
            }

            if (c == '\n' && IsParagraphBreak(text, j))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A closing ’ ends a word and is not followed by a letter (unlike the apostrophe in "Stalin’s").</summary>
    private static int FindSingleClose(string text, int open, char closer)
    {
        var limit = Math.Min(text.Length, open + 600);
        for (var j = open + 1; j < limit; j++)
        {
            var c = text[j];
            if (c == closer && !char.IsWhiteSpace(text[j - 1]) && (j + 1 == text.Length || !char.IsLetter(text[j + 1])))
            {
                // "the Cossacks’ fate": a plural possessive, not the end of the quote.
                if (j + 1 < text.Length && text[j + 1] == ' ' && text[j - 1] == 's' && j + 2 < text.Length && char.IsLower(text[j + 2])
                    && text.AsSpan(j + 1, Math.Min(limit, text.Length) - j - 1).Contains(closer))
                {
                    continue;
                }

                return j;
            }

            if (c is '\n' or '“' or '”')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsParagraphBreak(string text, int newline)
    {
        for (var j = newline + 1; j < text.Length && char.IsWhiteSpace(text[j]); j++)
        {
            if (text[j] == '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '.'))
        {
            end--;
        }

        return new TextSpan(start, end - start);
    }

    private static bool IsQuotation(string text, int open, int close, TextSpan inner)
    {
        var words = 0;
        var capitalised = 0;
        var lowerContent = 0;
        var inWord = false;
        for (var j = inner.Offset; j < inner.End; j++)
        {
            var letter = char.IsLetterOrDigit(text[j]);
            if (letter && !inWord)
            {
                words++;
                var end = j;
                while (end < inner.End && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (char.IsUpper(text[j]))
                {
                    capitalised++;
                }
                else if (char.IsLower(text[j]) && !Rules.EngineRules.Default.Words.TitleFunctionWords.Contains(text.AsSpan(j, end - j)))
                {
                    lowerContent++;
                }
            }

            inWord = letter || (inWord && text[j] is '\'' or '’' or '-');
        }

        if (words < 2)
        {
            return false;
        }

        // Every content word capitalised: a title or a name ("Victims of Yalta", "Operation Keelhaul").
        if (lowerContent == 0 && capitalised >= 2 && words <= 12)
        {
            return false;
        }

        return !IsIntroducedAsTitle(text, open) && !IsFollowedByAuthor(text, close);
    }

    private static bool IsIntroducedAsTitle(string text, int open)
    {
        var p = open;
        while (p > 0 && char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        if (p > 0 && text[p - 1] == ',')
        {
            p--;
        }

        var e = p;
        while (p > 0 && char.IsLetter(text[p - 1]))
        {
            p--;
        }

        return e > p && Rules.EngineRules.Default.Words.TitleCues.Contains(text.AsSpan(p, e - p));
    }

    private static bool IsFollowedByAuthor(string text, int close)
    {
        var p = close + 1;
        if (p < text.Length && text[p] == ',')
        {
            p++;
        }

        return p + 4 < text.Length && text[p] == ' ' && text[p + 1] == 'b' && text[p + 2] == 'y' && text[p + 3] == ' ' && char.IsUpper(text[p + 4]);
    }


}
