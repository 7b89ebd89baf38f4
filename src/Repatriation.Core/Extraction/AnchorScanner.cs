namespace Repatriation.Core.Extraction;

/// <summary>Where each family's pattern is worth trying: every claim holds at least one anchor.</summary>
internal sealed class Anchors
{
    /// <summary>Starts of years 1900–2029 (every date holds one).</summary>
    public List<int> Dates { get; } = [];

    /// <summary>Starts of digit runs, currency signs, number words, vague and proportion words.</summary>
    public List<int> Figures { get; } = [];

    /// <summary>Starts of attribution cue words, possessive endings ("’s") and the comma of ", in Title (year)".</summary>
    public List<int> Attributions { get; } = [];
}

/// <summary>
/// One pass over the text, word by word, without allocating per word: finds the anchors from which
/// the claim patterns are tried. Running the patterns anchored here, instead of letting them search
/// every position of the text, keeps extraction within a small multiple of a plain regex scan.
/// </summary>
internal static class AnchorScanner
{
    [Flags]
    private enum WordKind { None = 0, Figure = 1, Cue = 2 }

    public static Anchors Scan(string text)
    {
        var anchors = new Anchors();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var j = i + 1;
                while (j < n && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }

                anchors.Figures.Add(i);
                if (j - i == 4 && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
                {
                    var year = (c - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
                    if (year is >= 1900 and <= 2029)
                    {
                        anchors.Dates.Add(i);
                    }
                }

                i = j;
                continue;
            }

            if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < n && (char.IsLetter(text[j]) || (text[j] is '’' or '\'' or '-' && j + 1 < n && char.IsLetter(text[j + 1]))))
                {
                    j++;
                }

                ClassifyWord(text, i, j, anchors);
                i = j;
                continue;
            }

            if (c is '£' or '$' or '€')
            {
                anchors.Figures.Add(i);
            }
            else if (c == ',' && i + 4 < n && text[i + 1] == ' ' && text[i + 2] == 'i' && text[i + 3] == 'n' && text[i + 4] == ' ')
            {
                anchors.Attributions.Add(i);
            }

            i++;
        }

        return anchors;
    }

    private static void ClassifyWord(string text, int start, int end, Anchors anchors)
    {
        var word = text.AsSpan(start, end - start);
        var possessive = word.Length > 2 && word[^1] == 's' && word[^2] is '’' or '\'';
        if (possessive)
        {
            anchors.Attributions.Add(end - 2);
            return;
        }

        if (char.IsUpper(word[0]) && Months.Contains(word) && NextToDigit(text, start, end))
        {
            anchors.Dates.Add(start);
        }

        if (!Lexicon.TryGetValue(word, out var kind))
        {
            var hyphen = word.IndexOf('-');
            if (hyphen <= 0 || !Lexicon.TryGetValue(word[..hyphen], out kind))
            {
                return;
            }
        }

        if ((kind & WordKind.Figure) != 0)
        {
            anchors.Figures.Add(start);
        }

        if ((kind & WordKind.Cue) != 0)
        {
            anchors.Attributions.Add(start);
        }
    }

    /// <summary>"14 May", "May 14": a month next to a number may be a date without a year.</summary>
    private static bool NextToDigit(string text, int start, int end)
    {
        var after = end < text.Length && text[end] == '.' ? end + 1 : end;
        if (after + 1 < text.Length && text[after] == ' ' && char.IsAsciiDigit(text[after + 1]))
        {
            return true;
        }

        return start >= 2 && text[start - 1] == ' ' && char.IsAsciiDigit(text[start - 2]);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Months = new HashSet<string>(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, WordKind>.AlternateLookup<ReadOnlySpan<char>> Lexicon = BuildLexicon();

    private static Dictionary<string, WordKind>.AlternateLookup<ReadOnlySpan<char>> BuildLexicon()
    {
        var lexicon = new Dictionary<string, WordKind>(StringComparer.OrdinalIgnoreCase);
        string[] figureWords =
        [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety", "dozen", "hundred", "thousand", "million", "billion", "tens", "hundreds",
            "thousands", "millions", "dozens", "several", "few", "couple", "countless", "untold", "all", "majority",
            "minority", "most", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths",
            "eighth", "eighths", "tenth", "tenths",
        ];
        // Reporting verbs come from the rules; these words start the other cues ("according to", "in the words of",
        // "put it", "by", "edited by").
        string[] cueWords = ["according", "words", "put", "by", "authored", "edited", "compiled", "published"];
        foreach (var w in figureWords)
        {
            lexicon[w] = WordKind.Figure;
        }

        foreach (var w in cueWords.Concat(Rules.EngineRules.Default.Words.ReportingVerbs.Forms))
        {
            lexicon[w] = lexicon.GetValueOrDefault(w) | WordKind.Cue;
        }

        return lexicon.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
