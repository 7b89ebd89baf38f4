namespace Repatriation.Core.Checking;

/// <summary>Maps an offset to a 1-based line number and the offset where that line starts (CRLF, LF or CR).</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                _lineStarts.Add(i + 1);
            }
            else if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public (int Line, int LineStart) Locate(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, _lineStarts[index]);
    }
}
