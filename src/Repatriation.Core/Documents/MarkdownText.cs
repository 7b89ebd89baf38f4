using System.Text.RegularExpressions;
using Repatriation.Core.Input;

namespace Repatriation.Core.Documents;

/// <summary>
/// The prose of a Markdown file. Everything that is not prose (code blocks and spans, link targets,
/// image URLs, HTML comments and tags, heading and emphasis markers) is overwritten with spaces of the
/// same length, line breaks kept, so every offset, line and column in the report is the file's own.
/// </summary>
internal static partial class MarkdownText
{
    [GeneratedRegex(@"^ {0,3}\[[^\]\r\n]+\]:[ \t]*\S+.*$", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^( {0,3})(#{1,6})([ \t]+|$)", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(=+|-+)[ \t]*$", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^ {0,3}([*+-]|\d{1,9}[.)])[ \t]", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^( {0,3}>[ \t]?)+", RegexOptions.None, RegexBudget.Milliseconds)]
    private static partial Regex QuoteMarkers();

    public static SourceDocument Read(string name, string text)
    {
        var chars = text.ToCharArray();
        var sections = new List<DocumentSection>();
        var bodyStart = BlankFrontMatter(text, chars);
        BlankBlocks(text, chars, sections, bodyStart);
        BlankInline(chars);
        return new SourceDocument(name, new string(chars), DocumentFormats.Markdown) { Sections = sections };
    }

    /// <summary>
    /// A YAML front matter block ("---" on the first line, up to the next "---" or "...") describes the file
    /// (its date, version, tags) and says nothing about the subject: blanked whole. Returns where the body starts.
    /// </summary>
    private static int BlankFrontMatter(string text, char[] chars)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!IsFrontMatterFence(text, start, out var next, allowDots: false))
        {
            return 0;
        }

        var line = next;
        while (line < text.Length)
        {
            if (IsFrontMatterFence(text, line, out var after, allowDots: true))
            {
                Blank(chars, start, after);
                return after;
            }

            var end = text.IndexOf('\n', line);
            line = end < 0 ? text.Length : end + 1;
        }

        // No closing fence: a thematic break, not front matter.
        return 0;
    }

    private static bool IsFrontMatterFence(string text, int start, out int next, bool allowDots)
    {
        var end = text.IndexOf('\n', start);
        next = end < 0 ? text.Length : end + 1;
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start).TrimEnd();
        return line.SequenceEqual("---") || (allowDots && line.SequenceEqual("..."));
    }

    private static void BlankBlocks(string text, char[] chars, List<DocumentSection> sections, int bodyStart)
    {
        string? fence = null;
        var previousBlank = true;
        var inList = false;
        var inCode = false;
        (int Start, int End)? previousLine = null;
        var start = bodyStart;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            end = end < 0 ? text.Length : end;
            var contentEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var line = text[start..contentEnd];
            var blank = string.IsNullOrWhiteSpace(line);

            if (fence is not null)
            {
                Blank(chars, start, contentEnd);
                if (line.TrimStart().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }
            }
            else if (FenceOpen().Match(line) is { Success: true } open)
            {
                fence = open.Groups[1].Value;
                Blank(chars, start, contentEnd);
            }
            else if (!blank && (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t')) && (inCode || (previousBlank && !inList)))
            {
                inCode = true;
                Blank(chars, start, contentEnd);
            }
            else if (ReferenceDefinition().IsMatch(line))
            {
                Blank(chars, start, contentEnd);
            }
            else if (AtxHeading().Match(line) is { Success: true } heading)
            {
                var markerEnd = start + heading.Length;
                Blank(chars, start, markerEnd);
                var title = text[markerEnd..contentEnd].TrimEnd().TrimEnd('#').Trim();
                if (title.Length > 0)
                {
                    sections.Add(new DocumentSection(title, markerEnd));
                }

                // A closing run of #s is decoration.
                var closing = text[start..contentEnd].TrimEnd();
                var hashes = closing.Length - closing.TrimEnd('#').Length;
                if (hashes > 0 && closing.Length - hashes > heading.Length)
                {
                    Blank(chars, start + closing.Length - hashes, start + closing.Length);
                }
            }
            else if (!previousBlank && previousLine is { } under && SetextUnderline().IsMatch(line) && !inList)
            {
                Blank(chars, start, contentEnd);
                var title = text[under.Start..under.End].Trim();
                if (title.Length > 0)
                {
                    sections.Add(new DocumentSection(title, under.Start + (text[under.Start..under.End].Length - text[under.Start..under.End].TrimStart().Length)));
                }
            }
            else if (QuoteMarkers().Match(line) is { Success: true, Length: > 0 } quote)
            {
                Blank(chars, start, start + quote.Length);
            }

            if (!blank && fence is null && !inCode)
            {
                if (ListItem().IsMatch(line))
                {
                    inList = true;
                }
                else if (!char.IsWhiteSpace(line[0]))
                {
                    inList = false;
                }
            }

            if (inCode && !blank && !(line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t')))
            {
                inCode = false;
            }

            previousBlank = blank;
            previousLine = (start, contentEnd);
            start = next;
        }
    }

    private static void BlankInline(char[] chars)
    {
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            if (c == '\\' && i + 1 < chars.Length && (char.IsPunctuation(chars[i + 1]) || char.IsSymbol(chars[i + 1])))
            {
                chars[i] = ' ';
                i += 2;
            }
            else if (c == '<' && Matches(chars, i, "<!--"))
            {
                var close = IndexOf(chars, "-->", i + 4);
                var end = close < 0 ? chars.Length : close + 3;
                Blank(chars, i, end);
                i = end;
            }
            else if (c == '<' && TagEnd(chars, i) is var tagEnd and > 0)
            {
                Blank(chars, i, tagEnd);
                i = tagEnd;
            }
            else if (c == '`')
            {
                var run = RunLength(chars, i, '`');
                var close = FindBacktickRun(chars, i + run, run);
                if (close < 0)
                {
                    i += run;
                    continue;
                }

                Blank(chars, i, close + run);
                i = close + run;
            }
            else if (c == '[' || (c == '!' && i + 1 < chars.Length && chars[i + 1] == '['))
            {
                var open = c == '!' ? i + 1 : i;
                var close = Matching(chars, open, '[', ']');
                if (close < 0)
                {
                    i++;
                    continue;
                }

                if (open + 1 < chars.Length && chars[open + 1] == '^')
                {
                    // A footnote marker [^1] is not prose.
                    Blank(chars, i, close + 1);
                    i = close + 1;
                    continue;
                }

                var targetEnd = -1;
                if (close + 1 < chars.Length && chars[close + 1] == '(')
                {
                    targetEnd = Matching(chars, close + 1, '(', ')');
                }
                else if (close + 1 < chars.Length && chars[close + 1] == '[')
                {
                    targetEnd = Matching(chars, close + 1, '[', ']');
                }

                if (targetEnd < 0)
                {
                    i = open + 1;
                    continue;
                }

                // The link text (or image alt text) stays; the brackets and the target go.
                Blank(chars, i, open + 1);
                Blank(chars, close, targetEnd + 1);
                i = open + 1;
            }
            else if (c == '*' || (c == '_' && AtWordEdge(chars, i)))
            {
                var run = RunLength(chars, i, c);
                Blank(chars, i, i + run);
                i += run;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>An HTML tag or autolink: &lt;/?name …&gt; or &lt;scheme:…&gt; on one line; -1 if none.</summary>
    private static int TagEnd(char[] chars, int start)
    {
        var j = start + 1;
        if (j < chars.Length && chars[j] == '/')
        {
            j++;
        }

        if (j >= chars.Length || !char.IsAsciiLetter(chars[j]))
        {
            return -1;
        }

        for (var k = j; k < chars.Length && k < start + 2000; k++)
        {
            if (chars[k] == '>')
            {
                return k + 1;
            }

            if (chars[k] is '<' or '\n')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool AtWordEdge(char[] chars, int i)
    {
        var before = i > 0 && char.IsLetterOrDigit(chars[i - 1]);
        var run = RunLength(chars, i, '_');
        var after = i + run < chars.Length && char.IsLetterOrDigit(chars[i + run]);
        return !(before && after);
    }

    private static int FindBacktickRun(char[] chars, int from, int length)
    {
        for (var j = from; j < chars.Length; j++)
        {
            if (chars[j] == '\n' && j + 1 < chars.Length && (chars[j + 1] == '\n' || (chars[j + 1] == '\r')))
            {
                return -1;
            }

            if (chars[j] == '`')
            {
                var run = RunLength(chars, j, '`');
                if (run == length)
                {
                    return j;
                }

                j += run - 1;
            }
        }

        return -1;
    }

    /// <summary>The closing bracket matching the one at <paramref name="open"/>, within the paragraph; -1 if none.</summary>
    private static int Matching(char[] chars, int open, char opening, char closing)
    {
        var depth = 0;
        for (var j = open; j < chars.Length && j < open + 4000; j++)
        {
            if (chars[j] == '\\')
            {
                j++;
                continue;
            }

            if (chars[j] == '\n' && j + 1 < chars.Length && chars[j + 1] is '\n' or '\r')
            {
                return -1;
            }

            if (chars[j] == opening)
            {
                depth++;
            }
            else if (chars[j] == closing && --depth == 0)
            {
                return j;
            }
        }

        return -1;
    }

    private static int RunLength(char[] chars, int start, char c)
    {
        var j = start;
        while (j < chars.Length && chars[j] == c)
        {
            j++;
        }

        return j - start;
    }

    private static bool Matches(char[] chars, int start, string value) =>
        start + value.Length <= chars.Length && chars.AsSpan(start, value.Length).SequenceEqual(value);

    private static int IndexOf(char[] chars, string value, int from) =>
        from >= chars.Length ? -1 : chars.AsSpan(from).IndexOf(value) is var k and >= 0 ? from + k : -1;

    /// <summary>Spaces over [start, end), keeping line breaks so lines and columns stay the file's.</summary>
    private static void Blank(char[] chars, int start, int end)
    {
        for (var j = start; j < end && j < chars.Length; j++)
        {
            if (chars[j] is not ('\n' or '\r'))
            {
                chars[j] = ' ';
            }
        }
    }
}
