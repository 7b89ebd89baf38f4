using System.Text.RegularExpressions;
using Repatriation.Core.Input;

namespace Repatriation.Core.Extraction;

/// <summary>
/// The source-generated patterns of the extractor. Each is anchored (\G) and tried only at the few
/// starts <see cref="AnchorScanner"/> proposes, so no pattern searches the whole text. The figure and
/// date gates only admit a start (a number, a currency sign, a qualifier, month or number word, not
/// glued to a word or an identifier); <see cref="FigureParser"/> and <see cref="DateParser"/> then read
/// how far the claim runs and what it says. Kept small on purpose: a very large generated matcher
/// compiles to a method too big for the JIT to optimise.
/// </summary>
internal static partial class ClaimPatterns
{
    private const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A claim may not continue a word, an identifier, a decimal, a time or a footnote glued to a word.
    private const string NotAfter = @"(?<![\p{L}\p{N}_.,:/=#&@’–-])";

    // Declared once for the pattern and for StartsFigure's shortcut.
    private const string FigureWordList = "at|no|more|well|just|over|in|upwards|a|an|nearly|almost|close|not" +
        "|about|some|around|approx|approximately|roughly|c|ca|circa|estimated|perhaps|possibly|up|as|fewer|less|under|below" +
        "|between|from|exactly|precisely|all|several|few|couple|many|countless|untold|tens|hundreds|thousands|millions" +
        "|dozens|virtually|practically|the|most|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve" +
        "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    /// <summary>Where a figure may start: digits, a currency sign, a qualifier, a number, vague or proportion word.</summary>
    [GeneratedRegex(@"\G" + NotAfter + @"(?:[0-9£$€]|US\$|(?:" + FigureWordList + @")\b)", Words, RegexBudget.Milliseconds)]
    internal static partial Regex FigureStart();

    // Declared once for the pattern and for StartsDate's shortcut.
    private const string DateWordList = "between|from|c|ca|circa|about|around|approximately|before|after|by|until|till" +
        "|since|as|not|no|up|early|mid|late|the|spring|summer|autumn|fall|winter";

    private const string MonthPrefixList = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

    /// <summary>Where a date may start: a day or year, a month, a season, early/mid/late or a date qualifier.</summary>
    [GeneratedRegex(@"\G" + NotAfter + @"(?:[0-9]|(?:" + DateWordList + @")\b|(?-i:" + MonthPrefixList + "))", Words, RegexBudget.Milliseconds)]
    internal static partial Regex DateStart();

    /// <summary>
    /// <see cref="FigureStart"/> at <paramref name="start"/>. A digit passes both gates whenever nothing glues it to
    /// what comes before (the <see cref="NotAfter"/> look-behind), so most starts of a figure-dense text are decided
    /// without running the pattern; a test holds the shortcut to the pattern's answer.
    /// </summary>
    internal static bool StartsFigure(string text, int start)
    {
        var first = text[start];
        if (char.IsAsciiDigit(first) || first is '£' or '$' or '€')
        {
            return !GluedBefore(text, start);
        }

        if (!char.IsAsciiLetter(first))
        {
            return FigureStart().IsMatch(text, start);
        }

        var end = AsciiWordEnd(text, start);
        if (end < text.Length && !char.IsAscii(text[end]))
        {
            return FigureStart().IsMatch(text, start);
        }

        if (GluedBefore(text, start))
        {
            return false;
        }

        var word = text.AsSpan(start, end - start);
        return (end < text.Length && text[end] == '$' && word.Equals("US", StringComparison.OrdinalIgnoreCase))
               || (FigureWordsLookup.Contains(word) && WordEndsAt(text, end));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FigureWordsLookup =
        new HashSet<string>(FigureWordList.Split('|'), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static int AsciiWordEnd(string text, int start)
    {
        var end = start + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>\b after a run of ASCII letters followed by an ASCII character or nothing: only a digit or an underscore glues on.</summary>
    private static bool WordEndsAt(string text, int end) => end == text.Length || (!char.IsAsciiDigit(text[end]) && text[end] != '_');

    /// <summary>
    /// <see cref="DateStart"/> at <paramref name="start"/>: a digit as <see cref="StartsFigure"/> decides it; a plain
    /// ASCII word by the same words (a month's first three letters as written, the others in any case, whole); anything
    /// else (a non-ASCII letter beside the word, whose casing or word-boundary the pattern knows best) by the pattern.
    /// </summary>
    internal static bool StartsDate(string text, int start)
    {
        var first = text[start];
        if (char.IsAsciiDigit(first))
        {
            return !GluedBefore(text, start);
        }

        if (!char.IsAsciiLetter(first))
        {
            return DateStart().IsMatch(text, start);
        }

        var end = start + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        if (end < text.Length && !char.IsAscii(text[end]))
        {
            return DateStart().IsMatch(text, start);
        }

        if (GluedBefore(text, start))
        {
            return false;
        }

        var word = text.AsSpan(start, end - start);
        if (word.Length >= 3 && MonthPrefixesLookup.Contains(word[..3]))
        {
            return true;
        }

        // \b after the word: the letters run to its end, so only a digit or an underscore can glue it on.
        return DateWordsLookup.Contains(word) && (end == text.Length || (!char.IsAsciiDigit(text[end]) && text[end] != '_'));
    }

    private static readonly HashSet<string> MonthPrefixes = new(MonthPrefixList.Split('|'), StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthPrefixesLookup = MonthPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> DateWords = new(DateWordList.Split('|'), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWordsLookup = DateWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The character before <paramref name="start"/> is one <see cref="NotAfter"/> refuses: [\p{L}\p{N}_.,:/=#&amp;@’–-].</summary>
    internal static bool GluedBefore(string text, int start) =>
        start > 0 && text[start - 1] is var c
                  && (char.IsLetter(c) || char.IsNumber(c) || c is '_' or '.' or ',' or ':' or '/' or '=' or '#' or '&' or '@' or '’' or '–' or '-');

    /// <summary>Words that announce an attribution; the extractor reads the name around them.</summary>
    [GeneratedRegex(
        @"\G(?:\b[Aa]ccording\s+to\s+" +
        @"|\b[Ii]n\s+the\s+words\s+of\s+" +
        @"|\bput\s+it\b" +
        @"|['’]s\s+(?:(?:19|20)[0-9]{2}\s+|(?:first|last|famous|classic|seminal|major|later|best-selling|controversial)\s+)?(?:book|study|memoir|memoirs|history|account|article|novel|monograph|essay|biography|diary|diaries|autobiography|dissertation|thesis|paper|documentary)\b" +
        @"|['’]s\s+(?=[“""‘]?\p{Lu})" +
        @"|,\s+in\s+(?=[“""‘]?\p{Lu})" +
        @"|\b(?:(?:was|were|been|is|are)\s+)?(?:written|signed|ordered|issued|decreed|authored|edited|compiled|published)\s+by\s+(?=\p{Lu}|the\s)" +
        @"|\b[Bb][Yy]\s+(?=\p{Lu})" +
        // Any verb after the name: the finder knows which reporting verbs count.
        @"|\b(?:(?:has|had|have)\s+)?[a-z]+\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexBudget.Milliseconds)]
    internal static partial Regex AttributionCue();
}
