namespace Repatriation.Core.Extraction;

/// <summary>
/// The positions an anchored pattern is tried from for one anchor: the starts of up to a few
/// white-space separated chunks before it (where "at least", "between" or "14 August" begin), then
/// the anchor's own chunk and the anchor itself, furthest first, so the longest claim wins.
/// </summary>
internal static class CandidateStarts
{
    public const int MaxStarts = 10;

    /// <summary>
    /// How far back from its anchor a claim may start. Claims are shorter than this, and the bound keeps a run
    /// without white space ("1,000,000,000,…", one endless word) from being walked again for every anchor in it.
    /// </summary>
    private const int MaxReach = 160;

    /// <returns>How many starts were written to <paramref name="starts"/>.</returns>
    public static int Fill(string text, int anchor, int chunksBack, int limit, Span<int> starts)
    {
        limit = Math.Max(limit, anchor - MaxReach);
        Span<int> reversed = stackalloc int[MaxStarts];
        var count = 0;
        reversed[count++] = anchor;

        // The anchor's own chunk ("(1917-1922)", "mid-1946", "$500,000").
        var p = anchor;
        while (p > limit && !char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        var own = FirstContent(text, p, anchor);
        if (own < anchor)
        {
            reversed[count++] = own;
        }

        for (var k = 0; k < chunksBack && count < MaxStarts; k++)
        {
            while (p > limit && char.IsWhiteSpace(text[p - 1]))
            {
                if (text[p - 1] == '\n' && p - 2 >= limit && text[p - 2] == '\n')
                {
                    // Never across a blank line.
                    k = chunksBack;
                    break;
                }

                p--;
            }

            if (k >= chunksBack || p <= limit)
            {
                break;
            }

            var end = p;
            while (p > limit && !char.IsWhiteSpace(text[p - 1]))
            {
                p--;
            }

            reversed[count++] = FirstContent(text, p, end);
        }

        for (var i = 0; i < count; i++)
        {
            starts[i] = reversed[count - 1 - i];
        }

        return count;
    }

    /// <summary>A cheap test before the figure gate: a digit, a currency sign or a word a figure can start with.</summary>
    public static bool MayStartFigure(string text, int start) =>
        start < text.Length && (!char.IsLetter(text[start]) || FigureStartWords.Contains(WordAt(text, start)));

    /// <summary>A cheap test before the date gate: a digit, a month, or a word a date can start with.</summary>
    public static bool MayStartDate(string text, int start) =>
        start < text.Length && (!char.IsLetter(text[start]) || char.IsUpper(text[start]) || DateStartWords.Contains(WordAt(text, start)));

    private static ReadOnlySpan<char> WordAt(string text, int start)
    {
        var e = start;
        while (e < text.Length && e - start < 16 && char.IsLetter(text[e]))
        {
            e++;
        }

        return text.AsSpan(start, e - start);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FigureStartWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "at", "no", "more", "well", "just", "over", "in", "upwards", "a", "an", "nearly", "almost", "close", "not", "about",
        "some", "around", "approx", "approximately", "roughly", "c", "ca", "circa", "estimated", "perhaps", "possibly", "up",
        "as", "fewer", "less", "under", "below", "between", "from", "exactly", "precisely", "all", "several", "few",
        "couple", "many", "countless", "untold", "tens", "hundreds", "thousands", "millions", "dozens", "virtually",
        "practically", "the", "most", "half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "US",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateStartWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "between", "from", "c", "ca", "circa", "about", "around", "approximately", "before", "after", "by", "until", "till",
        "since", "as", "not", "no", "up", "early", "mid", "late", "the", "spring", "summer", "autumn", "fall", "winter",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Skips opening brackets and quotes at the start of a chunk.</summary>
    private static int FirstContent(string text, int start, int end)
    {
        while (start < end && text[start] is '(' or '[' or '"' or '“' or '‘' or '\'')
        {
            start++;
        }

        return start;
    }
}
