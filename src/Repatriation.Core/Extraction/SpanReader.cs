namespace Repatriation.Core.Extraction;

/// <summary>
/// A forward reader over the few dozen characters of one candidate claim: words compared without
/// case and without allocating, numbers read with their written precision.
/// </summary>
internal ref struct SpanReader(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Current => Position < _text.Length ? _text[Position] : '\0';

    public readonly ReadOnlySpan<char> Rest => _text[Position..];

    public void SkipSpaces()
    {
        while (Position < _text.Length && char.IsWhiteSpace(_text[Position]))
        {
            Position++;
        }
    }

    /// <summary>
    /// Consumes the separator of a range ("–", "to", "and") with the spaces around it; a word separator must be
    /// followed by a space ("to" in "1946 to 1948", not in "1946 tomorrow"). Leaves the position alone otherwise.
    /// </summary>
    public bool TryRangeSeparator(ReadOnlySpan<string> separators, out string separator)
    {
        var start = Position;
        SkipSpaces();
        foreach (var s in separators)
        {
            if (TryPhrase(s))
            {
                var afterWord = Position;
                SkipSpaces();
                if (char.IsLetter(s[0]) && Position == afterWord)
                {
                    break;
                }

                separator = s;
                return true;
            }
        }

        Position = start;
        separator = "";
        return false;
    }

    /// <summary>
    /// Consumes a phrase of one or more words ("at least") when it comes next, separated by any white
    /// space in the text and not followed by a letter.
    /// </summary>
    public bool TryPhrase(string phrase)
    {
        var p = Position;
        for (var i = 0; i < phrase.Length; i++)
        {
            if (phrase[i] == ' ')
            {
                if (p >= _text.Length || !char.IsWhiteSpace(_text[p]))
                {
                    return false;
                }

                while (p < _text.Length && char.IsWhiteSpace(_text[p]))
                {
                    p++;
                }

                continue;
            }

            if (p >= _text.Length || char.ToLowerInvariant(_text[p]) != phrase[i])
            {
                return false;
            }

            p++;
        }

        if (p < _text.Length && char.IsLetter(_text[p]) && char.IsLetter(phrase[^1]))
        {
            return false;
        }

        Position = p;
        return true;
    }

    /// <summary>The first phrase of <paramref name="phrases"/> that comes next (list longer phrases first).</summary>
    public string? TryAnyPhrase(scoped ReadOnlySpan<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (TryPhrase(phrase))
            {
                return phrase;
            }
        }

        return null;
    }

    public bool TryChar(char c)
    {
        if (Current != c)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Reads "230,000", "4.2", "14502": the value and half a unit of its last significant digit.</summary>
    public bool TryDigits(out double value, out double tolerance)
    {
        value = 0;
        tolerance = 0;
        var p = Position;
        long integer = 0;
        var trailingZeros = 0;
        var digits = 0;
        char? separator = null;
        while (p < _text.Length)
        {
            var c = _text[p];
            if (char.IsAsciiDigit(c))
            {
                integer = integer < 100_000_000_000_000 ? integer * 10 + (c - '0') : integer;
                trailingZeros = c == '0' ? trailingZeros + 1 : 0;
                digits++;
                p++;
            }
            else if (c == ',' && digits > 0 && separator is null or ',' && IsGroup(p + 1))
            {
                separator = ',';
                p++;
            }
            else if (c is ' ' or '\u00A0' or '\u202F' or '\u2009' && separator is null or ' ' && digits > 0 && IsGroup(p + 1)
                     && (separator is not null || digits <= 3))
            {
                // "22 481", "22\u202F481": digits grouped by a (thin, no-break) space, as French, Polish or Russian write them.
                separator = ' ';
                p++;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = integer;
        tolerance = 0.5 * Math.Pow(10, integer == 0 ? 0 : trailingZeros);
        if (p + 1 < _text.Length && _text[p] == '.' && char.IsAsciiDigit(_text[p + 1]))
        {
            p++;
            var scale = 1.0;
            while (p < _text.Length && char.IsAsciiDigit(_text[p]))
            {
                scale /= 10;
                value += (_text[p] - '0') * scale;
                p++;
            }

            tolerance = 0.5 * scale;
        }

        Position = p;
        return true;
    }

    private readonly bool IsGroup(int p) =>
        p + 2 < _text.Length && char.IsAsciiDigit(_text[p]) && char.IsAsciiDigit(_text[p + 1]) && char.IsAsciiDigit(_text[p + 2])
        && (p + 3 >= _text.Length || !char.IsAsciiDigit(_text[p + 3]));

    /// <summary>Reads an unsigned integer of at most <paramref name="maxDigits"/> digits.</summary>
    public bool TryInteger(int maxDigits, out int value)
    {
        value = 0;
        var p = Position;
        while (p < _text.Length && char.IsAsciiDigit(_text[p]) && p - Position < maxDigits)
        {
            value = value * 10 + (_text[p] - '0');
            p++;
        }

        if (p == Position || (p < _text.Length && char.IsAsciiDigit(_text[p])))
        {
            return false;
        }

        Position = p;
        return true;
    }
}
