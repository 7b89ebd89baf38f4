using System.Text.RegularExpressions;
using Repatriation.Core.Matching;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Extraction;

/// <summary>
/// Numbers and dates that are in the text but say nothing about the subject, so are not reported: a newspaper's
/// dateline ("LONDON, June 2 –"), a byline or a page's publication line ("Published: 3 May 2015"), an edition or
/// reprint year ("paperback edition 2002"), a number inside a quotation (the speaker's words, not the writer's
/// claim), and a figure about another matter ("in the First World War") in a clause that names nothing the fact
/// set knows.
/// </summary>
internal static partial class NonClaims
{
    private static Lexicon Words => EngineRules.Default.Words;

    /// <summary>The capitals and agency of a dateline before its date: "LONDON, ", "MOSCOW (AP), ", "WASHINGTON, D.C., ".</summary>
    [GeneratedRegex(@"^[\t ]*(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,[\t ]*[A-Z][A-Za-z.]{1,12})?(?:[\t ]*\([A-Za-z .]{1,20}\))?,?[\t ]*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePrefix();

    /// <summary>
    /// What follows a dateline's date: an optional year and agency, then a dash; or, for a letter's or dispatch's
    /// dateline ("Berlin, February 14, 1946."), the end of the line.
    /// </summary>
    [GeneratedRegex(@"^(?:,?[\t ]*[0-9]{4})?[\t ]*(?:\([A-Za-z .]{1,20}\)[\t ]*)?(?:[–—]|--?\s|\.?[\t ]*(?:\r?\n|$))", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineSuffix();

    /// <summary>"11 FEBRUARY 1978, Page 18": a magazine's issue line.</summary>
    [GeneratedRegex(@"^,?[\t ]*(?:Page|p\.)[\t ]*[0-9]+[\t ]*(?:\r?\n|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IssuePageSuffix();

    /// <summary>True when the figure or date at <paramref name="span"/> is not a claim about the subject.</summary>
    public static bool IsNonClaim(string text, TextSpan span, List<QuotedSpan> quotes, List<Mention> mentions, SentenceMap sentences, CompiledFactSet facts, List<int> otherMatterKeys) =>
        InsideQuotation(span, quotes) || InsideWorkTitle(span, mentions) || IsDateline(text, span) || OnMetadataLine(text, span) || NextToEditionWord(text, span)
        || IsLifeDates(text, span) || IsDateOnItsOwnLine(text, span) || AboutAnotherMatter(text, span, sentences, facts, otherMatterKeys);

    /// <summary>
    /// "(1899–1977)" after a name, "(b. 1990)", "born 7 November 1915": when someone lived, which is their biography,
    /// not a claim about the subject.
    /// </summary>
    private static bool IsLifeDates(string text, TextSpan span)
    {
        Span<char> buffer = stackalloc char[WordBuffer];
        var before = WordBefore(text, span.Offset, out _, buffer);
        if (before is "born" || text.AsSpan(0, span.Offset).TrimEnd().EndsWith("b.", StringComparison.Ordinal)
            || text.AsSpan(0, span.Offset).TrimEnd().EndsWith("(b.", StringComparison.Ordinal))
        {
            return true;
        }

        if (span.Offset < 2 || text[span.Offset - 1] != '(' || span.End >= text.Length || text[span.End] != ')'
            || text.AsSpan(span.Offset, span.Length).IndexOfAny('-', '–') < 0)
        {
            return false;
        }

        var p = span.Offset - 1;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        return NameScanner.NameBefore(text, p, Math.Max(0, p - 60)) is { } name && name.End == p;
    }

    /// <summary>
    /// "June 30, 2018" or "Wednesday, June 1, 2011" on a line of its own, after a finished line: the page's date, not
    /// the subject's (a hard-wrapped sentence's last words "January 19." end in a full stop; "By 1946:" introduces a list).
    /// </summary>
    private static bool IsDateOnItsOwnLine(string text, TextSpan span)
    {
        var lineStart = LineStart(text, span.Offset, 40);
        if (lineStart < 0)
        {
            return false;
        }

        var lineEnd = text.IndexOf('\n', span.End, Math.Min(MaxMetadataLineCharacters, text.Length - span.End));
        if (lineEnd < 0 && text.Length - span.End >= MaxMetadataLineCharacters)
        {
            // The line runs on: prose, not a line of its own.
            return false;
        }

        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        var last = lineEnd;
        while (last > lineStart && char.IsWhiteSpace(text[last - 1]))
        {
            last--;
        }

        if (last > lineStart && !char.IsLetterOrDigit(text[last - 1]))
        {
            return false;
        }

        // The line before runs on into this one ("…on Saturday,\nJanuary 19").
        var previous = lineStart - 1;
        while (previous > 0 && text[previous - 1] is ' ' or '\t' or '\r')
        {
            previous--;
        }

        if (previous > 0 && text[previous - 1] is ',' or ';' or ':' || (previous > 0 && char.IsLower(text[previous - 1])))
        {
            return false;
        }

        var words = CountWords(text, lineStart, lineEnd);
        var own = CountWords(text, span.Offset, span.End);
        return words - own <= 1 && own >= 2 && text.AsSpan(span.Offset, span.Length).IndexOfAny("0123456789") >= 0
               && (lineEnd < text.Length || lineStart > 0);
    }

    /// <summary>"“…we handed over 2,000 men…”": the number is the speaker's, and the quotation is checked as one claim.</summary>
    private static bool InsideQuotation(TextSpan span, List<QuotedSpan> quotes)
    {
        int lo = 0, hi = quotes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var quote = quotes[mid].Inner;
            if (quote.End <= span.Offset)
            {
                lo = mid + 1;
            }
            else if (quote.Offset >= span.End)
            {
                hi = mid - 1;
            }
            else
            {
                return quote.Offset <= span.Offset && span.End <= quote.End;
            }
        }

        return false;
    }

    /// <summary>"Operation Keelhaul: The Story of Forced Repatriation from 1944 to the Present": years in a title name the book's scope.</summary>
    private static bool InsideWorkTitle(TextSpan span, List<Mention> mentions)
    {
        // Mentions are in text order and do not overlap: the one starting last at or before the span is the only candidate.
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].Start <= span.Offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && mentions[lo - 1] is { Kind: MentionKind.Work } mention && span.End <= mention.End;
    }

    /// <summary>"LONDON, June 2, 1978 (AP) – …": the date the report was filed, at the start of its first line.</summary>
    private static bool IsDateline(string text, TextSpan span)
    {
        var lineStart = LineStart(text, span.Offset, 60);
        if (lineStart < 0)
        {
            return false;
        }

        var prefix = text.AsSpan(lineStart, span.Offset - lineStart);
        var suffix = text.AsSpan(span.End, Math.Min(30, text.Length - span.End));
        if (prefix.IsWhiteSpace())
        {
            return IssuePageSuffix().IsMatch(suffix);
        }

        // "In Berlin, 14 February 1946.": a sentence, not a place heading a dispatch.
        var firstWord = prefix.TrimStart();
        var wordEnd = firstWord.IndexOfAny(' ', ',', '-');
        if (!DatelinePrefix().IsMatch(prefix) || Words.Stop.Contains(wordEnd < 0 ? firstWord : firstWord[..wordEnd]))
        {
            return false;
        }

        return DatelineSuffix().IsMatch(suffix);
    }

    /// <summary>
    /// A short line that is about the page rather than the subject: a byline ("By Jane Smith, 3 May 2015"), a
    /// publication or update line ("Published: 3 May 2015", "Last updated 2019"), a copyright line.
    /// </summary>
    private static bool OnMetadataLine(string text, TextSpan span)
    {
        var lineStart = LineStart(text, span.Offset, MaxMetadataLineCharacters);
        if (lineStart < 0)
        {
            return false;
        }

        var p = lineStart;
        while (p < span.Offset && text[p] is ' ' or '\t' or '*' or '_' or '>' or '|')
        {
            p++;
        }

        var lineEnd = text.IndexOf('\n', span.End, Math.Min(MaxMetadataLineCharacters, text.Length - span.End));
        if (lineEnd < 0 && text.Length - span.End >= MaxMetadataLineCharacters)
        {
            // The line runs on: prose, not a line of its own.
            return false;
        }

        lineEnd = lineEnd < 0 ? text.Length : lineEnd;
        if (CountWords(text, p, lineEnd) > MaxMetadataLineWords)
        {
            return false;
        }

        if (text.AsSpan(p, lineEnd - p).Contains('©') || text.AsSpan(p, lineEnd - p).Contains("Copyright", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var first = FirstWords(text, p, lineEnd);
        foreach (var cue in Words.MetadataLineCues.Items)
        {
            if (first.StartsWith(cue, StringComparison.OrdinalIgnoreCase)
                && (first.Length == cue.Length || !char.IsLetter(first[cue.Length])))
            {
                return true;
            }
        }

        // "By Jane Smith": a byline names the writer, not a claim.
        return first.StartsWith("By ", StringComparison.Ordinal) && first.Length > 3 && char.IsUpper(first[3]);
    }

    /// <summary>A metadata line is short; a line this long is prose that happens to start with "Published".</summary>
    private const int MaxMetadataLineWords = 14;

    /// <summary>No line of at most <see cref="MaxMetadataLineWords"/> words is longer than this.</summary>
    private const int MaxMetadataLineCharacters = 200;

    /// <summary>"the 1990 paperback edition", "(reprinted 2002)", "copyright 1977": an edition's year, not the work's.</summary>
    private static bool NextToEditionWord(string text, TextSpan span)
    {
        Span<char> first = stackalloc char[WordBuffer];
        Span<char> second = stackalloc char[WordBuffer];
        var before = WordBefore(text, span.Offset, out var beforeStart, first);
        if (Words.EditionWords.Contains(before))
        {
            return true;
        }

        // "(reprinted in 2002)": one preposition between.
        if (before is "in" or "of" && Words.EditionWords.Contains(WordBefore(text, beforeStart, out _, second)))
        {
            return true;
        }

        var after = WordAfter(text, span.End, out var afterEnd, first);
        if (Words.EditionWords.Contains(after))
        {
            return true;
        }

        // "the 1990 revised edition": one adjective between.
        return after.Length > 0 && WordAfter(text, afterEnd, out _, second) is "edition" or "editions" or "reprint" or "printing";
    }

    /// <summary>
    /// "In the First World War 2 million Russians died": the clause names another matter and nothing the fact set
    /// knows, so the figure is about that other matter.
    /// </summary>
    private static bool AboutAnotherMatter(string text, TextSpan span, SentenceMap sentences, CompiledFactSet facts, List<int> otherMatterKeys)
    {
        var sentence = sentences.At(span.Offset);
        var i = otherMatterKeys.BinarySearch(sentence.Offset);
        i = i < 0 ? ~i : i;
        if (i >= otherMatterKeys.Count || otherMatterKeys[i] >= sentence.End)
        {
            return false;
        }

        return facts.Terms.IsAboutOtherMatter(text, Clause(text, sentence, span), span, facts.Numbers.OtherMatterMaxDistance);
    }

    /// <summary>
    /// The clause around a span: the sentence cut at ";", ":" or a dash; a span in brackets belongs to the clause
    /// the brackets stand in ("the Civil War (1917-1922)").
    /// </summary>
    private static TextSpan Clause(string text, TextSpan sentence, TextSpan span)
    {
        var start = span.Offset;
        while (start > sentence.Offset && !IsClauseBreak(text, start - 1))
        {
            start--;
        }

        var end = span.End;
        while (end < sentence.End && !IsClauseBreak(text, end))
        {
            end++;
        }

        if (start > sentence.Offset && text[start - 1] == '(' && end < sentence.End && text[end] == ')')
        {
            start--;
            while (start > sentence.Offset && !IsClauseBreak(text, start - 1))
            {
                start--;
            }
        }

        return new TextSpan(start, end - start);
    }

    private static bool IsClauseBreak(string text, int i) =>
        text[i] is ';' or ':' or '—' or '(' or ')' || (text[i] is '–' && i > 0 && text[i - 1] == ' ' && i + 1 < text.Length && text[i + 1] == ' ');

    /// <summary>Where the line holding <paramref name="offset"/> starts, or -1 when it starts more than <paramref name="reach"/> characters back.</summary>
    /// <summary>Where the line holding <paramref name="offset"/> starts; -1 when that is more than <paramref name="reach"/> + 1 characters back.</summary>
    internal static int LineStart(string text, int offset, int reach)
    {
        // One vectorised search of the reachable window instead of a walk back character by character.
        var from = Math.Max(0, offset - reach - 2);
        var newline = text.AsSpan(from, offset - from).LastIndexOf('\n');
        if (newline >= 0)
        {
            return from + newline + 1;
        }

        return offset <= reach + 1 ? 0 : -1;
    }

    private static int CountWords(string text, int start, int end)
    {
        var words = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = !char.IsWhiteSpace(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static ReadOnlySpan<char> FirstWords(string text, int start, int end) => text.AsSpan(start, Math.Min(end - start, 40));

    /// <summary>Words are lowered into a caller's stack buffer of this size (a longer run of letters is lowered into a string).</summary>
    private const int WordBuffer = 32;

    private static ReadOnlySpan<char> Lowered(ReadOnlySpan<char> word, Span<char> buffer) =>
        word.Length <= buffer.Length ? buffer[..word.ToLowerInvariant(buffer)] : word.ToString().ToLowerInvariant();

    private static ReadOnlySpan<char> WordBefore(string text, int offset, out int start, Span<char> buffer)
    {
        var e = offset;
        while (e > 0 && text[e - 1] is ' ' or '(' or '\u00A0')
        {
            e--;
        }

        var s = e;
        while (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '©'))
        {
            s--;
        }

        start = s;
        return Lowered(text.AsSpan(s, e - s), buffer);
    }

    private static ReadOnlySpan<char> WordAfter(string text, int offset, out int end, Span<char> buffer)
    {
        var s = offset;
        while (s < text.Length && text[s] is ' ' or '\u00A0')
        {
            s++;
        }

        var e = s;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        end = e;
        return Lowered(text.AsSpan(s, e - s), buffer);
    }
}
