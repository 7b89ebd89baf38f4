namespace Repatriation.Core.Checking;

/// <summary>
/// Turns UTF-16 offsets, asked for in increasing order, into the report's units (UTF-16 or code points) with
/// 1-based line and column, walking the text once however many claims there are.
/// </summary>
internal sealed class PositionCursor(string text, LineMap lines, bool useCodePoints)
{
    private int _utf16;
    private int _codePoints;

    public (int Offset, int Length, int Line, int Column) Locate(int utf16Offset, int utf16Length)
    {
        var (line, lineStart) = lines.Locate(utf16Offset);
        if (!useCodePoints)
        {
            return (utf16Offset, utf16Length, line, utf16Offset - lineStart + 1);
        }

        var lineStartCp = CodePointsBefore(lineStart);
        var offset = CodePointsBefore(utf16Offset);
        var end = CodePointsBefore(utf16Offset + utf16Length);
        return (offset, end - offset, line, offset - lineStartCp + 1);
    }

    /// <summary>Code points before a UTF-16 offset; rewinds only within the current line, so the walk stays linear.</summary>
    public int CodePointsBefore(int utf16Offset)
    {
        if (utf16Offset < _utf16)
        {
            // A line start behind the cursor: count back over the (short) stretch between them.
            return _codePoints - Count(utf16Offset, _utf16);
        }

        _codePoints += Count(_utf16, utf16Offset);
        _utf16 = utf16Offset;
        return _codePoints;
    }

    /// <summary>The code points of a whole text, counted as the cursor counts them (a lone surrogate is one).</summary>
    public static int CodePoints(string text) => Count(text, 0, text.Length);

    private int Count(int from, int to) => Count(text, from, to);

    private static int Count(string text, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
