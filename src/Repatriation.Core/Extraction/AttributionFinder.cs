using Repatriation.Core.Facts;
using Repatriation.Core.Matching;

namespace Repatriation.Core.Extraction;

/// <summary>
/// Finds who is said to have written, said, estimated, signed, ordered or issued what: "according to X",
/// "X wrote", "as X put it", "author X describing", "X's book Title (1977)", "X, in Title (1978), argues",
/// "Title by X", "signed by X", "in the words of X".
/// </summary>
internal static class AttributionFinder
{
    private const int MaxTitleTokens = 16;

    public static List<ExtractedClaim> Find(string text, SentenceMap sentences, CompiledFactSet index, List<QuotedSpan> quotes, List<int> anchors)
    {
        var claims = new List<ExtractedClaim>();
        var cue = ClaimPatterns.AttributionCue();
        Span<int> starts = stackalloc int[CandidateStarts.MaxStarts];
        var consumed = 0;
        foreach (var anchor in anchors)
        {
            if (anchor < consumed)
            {
                continue;
            }

            // "was signed by", "has written", "in the words of": the cue may begin two words before its anchor.
            var count = text[anchor] is ',' or '\'' or '’' ? 1 : CandidateStarts.Fill(text, anchor, 2, consumed, starts);
            if (count == 1)
            {
                starts[0] = anchor;
            }

            int matchIndex = -1, matchLength = 0;
            for (var i = 0; i < count && matchIndex < 0; i++)
            {
                var e = cue.EnumerateMatches(text, starts[i]);
                if (e.MoveNext() && e.Current.Index + e.Current.Length > anchor)
                {
                    (matchIndex, matchLength) = (e.Current.Index, e.Current.Length);
                }
            }

            if (matchIndex < 0)
            {
                continue;
            }

            var m = new TextSpan(matchIndex, matchLength);
            consumed = m.End;
            var sentence = sentences.At(m.Offset);
            var limitStart = Math.Min(sentence.Offset, m.Offset);
            var limitEnd = Math.Max(sentence.End, m.End);
            var found = Read(text, m.Offset, m.Length, limitStart, limitEnd, index, quotes);
            if (found is { } f)
            {
                // A possessive inside the title just read ("Tolstoy's Stalin's Secret War") is part of this claim.
                consumed = Math.Max(consumed, f.End);
                claims.Add(Build(text, sentences, index, f));
                if (f.SecondPerson is { } second)
                {
                    claims.Add(Build(text, sentences, index, f with { Start = f.SecondStart, End = f.SecondEnd, Person = second, SecondPerson = null }));
                }
            }
        }

        claims.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return claims;
    }

    /// <summary>An attribution read; a second person ("Eden and Molotov signed") gets its own claim over [SecondStart, SecondEnd).</summary>
    private readonly record struct Found(int Start, int End, TextSpan Person, string Verb, string? ObjectText, int? Year,
        TextSpan? SecondPerson = null, int SecondStart = 0, int SecondEnd = 0);

    private static ExtractedClaim Build(string text, SentenceMap sentences, CompiledFactSet index, Found f)
    {
        var personText = text.Substring(f.Person.Offset, f.Person.Length);
        var sentence = sentences.For(f.Start, f.End - f.Start);
        return new ExtractedClaim
        {
            Kind = ClaimKind.Attribution,
            Offset = f.Start,
            Length = f.End - f.Start,
            Text = text.Substring(f.Start, f.End - f.Start),
            SentenceOffset = sentence.Offset,
            SentenceLength = sentence.Length,
            PersonText = personText,
            PersonId = index.FindPerson(personText)?.Id,
            Verb = f.Verb,
            ObjectText = f.ObjectText,
            WorkYear = f.Year,
        };
    }

    private static Found? Read(string text, int at, int length, int limitStart, int limitEnd, CompiledFactSet index, List<QuotedSpan> quotes)
    {
        var cue = text.AsSpan(at, length);
        var end = at + length;
        if (cue.StartsWith("according", StringComparison.OrdinalIgnoreCase))
        {
            return NameAfter(text, end, limitEnd) is { } p
                ? WithNameAfterAnd(text, new Found(at, p.End, p, "according-to", QuoteAfter(quotes, p.End, limitEnd, text), null), limitEnd)
                : null;
        }

        if (cue.StartsWith("in the words", StringComparison.OrdinalIgnoreCase))
        {
            return NameAfter(text, end, limitEnd) is { } p ? new Found(at, p.End, p, "said", QuoteAfter(quotes, p.End, limitEnd, text), null) : null;
        }

        if (cue.SequenceEqual("put it"))
        {
            return ReadPutIt(text, at, end, limitStart, limitEnd, quotes);
        }

        if (cue[0] is '\'' or '’')
        {
            return ReadPossessive(text, at, end, limitStart, limitEnd, cue.Length > 3 && cue.TrimEnd().Length == cue.Length, index);
        }

        if (cue[0] == ',')
        {
            return ReadCommaIn(text, at, end, limitStart, limitEnd);
        }

        if (cue.EndsWith(" ") || cue.EndsWith("\n") || cue[^1] is '\t' or '\r' or '\u00A0')
        {
            // "... by " cues end in white space; verb cues end in a letter.
            return cue.StartsWith("by", StringComparison.OrdinalIgnoreCase)
                ? ReadTitleBy(text, at, end, limitStart, limitEnd, index)
                : ReadPassive(text, at, end, limitStart, limitEnd);
        }

        return ReadVerb(text, at, end, limitStart, limitEnd, index, quotes);
    }

    private static TextSpan? NameAfter(string text, int start, int limit) => NameScanner.NameAfter(text, start, limit);

    private static Found? ReadPutIt(string text, int at, int end, int limitStart, int limitEnd, List<QuotedSpan> quotes)
    {
        var p = SkipBack(text, at, limitStart);
        p = SkipAdverbsBack(text, p, limitStart);
        if (NameScanner.NameBefore(text, p, limitStart) is not { } person)
        {
            return null;
        }

        var q = SkipBack(text, person.Offset, limitStart);
        if (q < 2 || !WordBefore(text, q, limitStart).Equals("as", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var start = q - 2;
        return new Found(start, end, person, "said", QuoteAfter(quotes, end, limitEnd, text) ?? QuoteBefore(quotes, start, limitStart, text), null);
    }

    private static Found? ReadPossessive(string text, int at, int end, int limitStart, int limitEnd, bool namesAWork, CompiledFactSet index)
    {
        if (NameScanner.NameBefore(text, at, limitStart) is not { } person || person.End != at)
        {
            return null;
        }

        var cueEnd = end;
        var title = TitleAfter(text, cueEnd, limitEnd);
        if (namesAWork && TitleBeforeYear(text, cueEnd, limitEnd) is { } longer && (title is null || longer.End > title.Value.End))
        {
            // Transliterated titles keep lower-case words ("Stalin i narod (2014)").
            title = longer;
        }
        int? year = null;
        var after = title?.End ?? cueEnd;
        if (YearInParentheses(text, after, limitEnd, out var y, out _))
        {
            year = y;
        }
        else if (YearInCue(text, at, end, out var cueYear))
        {
            year = cueYear;
        }

        // "Stalin’s Russia" is no authorship claim; "Tolstoy’s Victims of Yalta (1977)" is.
        if (!namesAWork && (title is not { } named || (year is null && !index.IsKnownWorkTitle(text.AsSpan(named.Offset, named.Length)) && !LooksLikeWorkTitle(text, named))))
        {
            return null;
        }

        // "Stalin's Secret War" is a title, not a book by Stalin.
        if (title is { } whole && (index.IsKnownWorkTitle(text.AsSpan(person.Offset, whole.End - person.Offset))
                                   || index.Mentions.Find(text, person.Offset, whole.End).Any(m => m.Kind == Matching.MentionKind.Work && m.Start == person.Offset)))
        {
            return null;
        }

        var objectText = title is { } t ? text.Substring(t.Offset, t.Length) : null;
        var spanEnd = title is { } tt ? TitleSpanEnd(text, tt) : TrimEndSpaces(text, person.End, end);
        return new Found(person.Offset, spanEnd, person, "authored", objectText, year);
    }

    private static Found? ReadCommaIn(string text, int at, int end, int limitStart, int limitEnd)
    {
        if (TitleAfter(text, end, limitEnd) is not { } title || !YearInParentheses(text, TitleSpanEnd(text, title), limitEnd, out var year, out var afterYear))
        {
            return null;
        }

        if (NameScanner.NameBefore(text, at, limitStart) is not { } person || person.End != at)
        {
            return null;
        }

        var verb = "wrote";
        var spanEnd = afterYear;
        var p = afterYear;
        if (p < limitEnd && text[p] == ',')
        {
            p++;
        }

        var verbEnd = VerbAt(text, SkipSpaces(text, p, limitEnd), limitEnd, out var foundVerb);
        if (verbEnd > 0)
        {
            verb = foundVerb;
            spanEnd = verbEnd;
        }

        return new Found(person.Offset, spanEnd, person, verb, text.Substring(title.Offset, title.Length), year);
    }

    private static Found? ReadTitleBy(string text, int at, int end, int limitStart, int limitEnd, CompiledFactSet index)
    {
        if (NameScanner.NameAfter(text, end, limitEnd, out var roleStart) is not { } person || (roleStart >= 0 && roleStart != SkipSpaces(text, end, limitEnd)))
        {
            return null;
        }

        // "By Jane Smith" opening a line is a byline: it names the writer of the page, which is no claim (a book's
        // author under its title is found from the title, see MentionAttributions).
        if (AtLineStart(text, at))
        {
            return null;
        }

        if (TitleBefore(text, at, limitStart) is not { } title)
        {
            // "VICTIMS OF YALTA. By Nicholas Tolstoy": a known title ending the sentence before; "The Secret Betrayal
            // 1944-47 by Nikolai Tolstoy": a known title with the years it covers.
            var known = KnownTitleBeforeStop(text, at, index)
                ?? (YearsBefore(text, at, limitStart) is { } years ? KnownTitleEndingAt(text, years, limitStart, index) : null);
            if (known is { } k)
            {
                return new Found(k.Offset, person.End, person, "authored", text.Substring(k.Offset, k.Length), null);
            }

            return ReadAgent(text, at, person, limitStart);
        }

        var start = title.Offset > 0 && text[title.Offset - 1] is '“' or '"' or '‘' ? title.Offset - 1 : title.Offset;
        return new Found(start, person.End, person, "authored", text.Substring(title.Offset, title.Length), null);
    }

    /// <summary>The longest run of words ending in a full stop right before <paramref name="by"/> that is a known work's title.</summary>
    private static TextSpan? KnownTitleBeforeStop(string text, int by, CompiledFactSet index)
    {
        var p = by;
        while (p > 0 && text[p - 1] is ' ' or '\n' or '\r' or '\t')
        {
            p--;
        }

        if (p == 0 || text[p - 1] != '.')
        {
            return null;
        }

        return KnownTitleEndingAt(text, p - 1, 0, index);
    }

    /// <summary>
    /// "…Betrayal 1944-47 by", "…Keelhaul (1973), by": where the words before the years end, when a year or a span of
    /// years stands right before <paramref name="by"/>.
    /// </summary>
    private static int? YearsBefore(string text, int by, int limit)
    {
        var p = SkipBack(text, by, limit);
        if (p > limit && text[p - 1] == ',')
        {
            p = SkipBack(text, p - 1, limit);
        }

        var close = p > limit && text[p - 1] == ')';
        var e = close ? p - 1 : p;
        var s = e;
        while (s > limit && (char.IsAsciiDigit(text[s - 1]) || text[s - 1] is '-' or '–'))
        {
            s--;
        }

        var token = text.AsSpan(s, e - s);
        if (token.Length < 4 || !char.IsAsciiDigit(token[0]) || !(token.Length == 4 || token[4] is '-' or '–') || !char.IsAsciiDigit(token[^1]))
        {
            return null;
        }

        if (close)
        {
            if (s <= limit || text[s - 1] != '(')
            {
                return null;
            }

            s--;
        }

        var end = SkipBack(text, s, limit);
        return end > limit && end < s ? end : null;
    }

    /// <summary>The longest run of words ending at <paramref name="end"/> that is a known work's title.</summary>
    private static TextSpan? KnownTitleEndingAt(string text, int end, int limit, CompiledFactSet index)
    {
        TextSpan? found = null;
        var start = end;
        for (var words = 0; words < MaxTitleTokens && start > limit; words++)
        {
            while (start > limit && text[start - 1] is ' ')
            {
                start--;
            }

            var wordEnd = start;
            while (start > limit && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '\'' or '’' or '-' or ':' or ','))
            {
                start--;
            }

            if (start == wordEnd)
            {
                break;
            }

            if (index.IsKnownWorkTitle(text.AsSpan(start, end - start)))
            {
                found = new TextSpan(start, end - start);
            }
        }

        return found;
    }

    private static bool AtLineStart(string text, int at)
    {
        var p = at;
        while (p > 0 && text[p - 1] is ' ' or '\t' or '*' or '_')
        {
            p--;
        }

        return p == 0 || text[p - 1] == '\n';
    }

    /// <summary>
    /// "sued by Aldington", "headed by Major General John R. Deane", "presided over by Viktor Abakumov", "Memorandum by
    /// Mr. Parker W. Buhrman": the person after "by" did what the participle says, or wrote the document.
    /// </summary>
    private static Found? ReadAgent(string text, int by, TextSpan person, int limitStart)
    {
        var p = SkipBack(text, by, limitStart);
        var beforeDate = p;
        p = SkipDateBack(text, p, limitStart);
        var dated = p != beforeDate;
        var word = WordBefore(text, p, limitStart);
        if (word.Length > 0 && Rules.EngineRules.Default.Words.VerbParticles.Contains(word))
        {
            p = SkipBack(text, p - word.Length, limitStart);
            word = WordBefore(text, p, limitStart);
        }

        if (word.Length < 3)
        {
            return null;
        }

        var start = p - word.Length;
        var lower = word.ToString().ToLowerInvariant();

        // "the British one by Eden and the American one by Roosevelt": "one" stands for what the sentence says was
        // signed, ordered or written; the person is credited with that.
        if (lower is "one" or "ones" && ActVerbBefore(text, start, limitStart) is { } done)
        {
            return new Found(start, person.End, person, done, null, null);
        }
        var words = Rules.EngineRules.Default.Words;
        if (words.DocumentNouns.Contains(lower))
        {
            var verb = lower is "order" or "decree" or "directive" or "instruction" or "orders" ? "issued" : "wrote";
            return new Found(start, person.End, person, verb, null, null);
        }

        if (!char.IsLower(word[0]) || !IsParticiple(lower))
        {
            return null;
        }

        // "published in 1993 by Macmillan": one capitalised word after "published by" is a publisher's name.
        if (lower == "published" && !text.AsSpan(person.Offset, person.Length).Contains(' '))
        {
            return null;
        }

        // "issued on 16 August 1941, by Joseph Stalin": the date between is a claim of its own; the attribution is "by …".
        return new Found(dated ? by : start, person.End, person, Normalise(word) ?? lower, null, null);
    }

    /// <summary>
    /// "issued on 16 August 1941 by Joseph Stalin": back over a date between the participle and "by" (a day, a month,
    /// a year, and the "on" or "in" before them), when there is one.
    /// </summary>
    private static int SkipDateBack(string text, int end, int limit)
    {
        var p = end;
        var sawYear = false;
        for (var words = 0; words < 5 && p > limit; words++)
        {
            var e = SkipBack(text, p, limit);
            if (e > limit && text[e - 1] == ',')
            {
                e = SkipBack(text, e - 1, limit);
            }

            var s = e;
            while (s > limit && char.IsLetterOrDigit(text[s - 1]))
            {
                s--;
            }

            var word = text.AsSpan(s, e - s);
            if (word.Length == 0)
            {
                break;
            }

            if (word.Length == 4 && char.IsAsciiDigit(word[0]) && int.TryParse(word, out var year) && year is > 1000 and < 2100)
            {
                sawYear = true;
            }
            else if (!(word.Length <= 2 && char.IsAsciiDigit(word[0])) && !DateParser.IsMonthName(word))
            {
                // "on", "in" open the date; anything else ends it.
                return sawYear && word is "on" or "in" ? SkipBack(text, s, limit) : end;
            }

            p = s;
        }

        return end;
    }

    /// <summary>The act or writing verb earlier in the sentence ("…were signed at Yalta: the British one by…").</summary>
    private static string? ActVerbBefore(string text, int before, int limitStart)
    {
        var p = before;
        while (p > limitStart)
        {
            var e = p;
            while (p > limitStart && char.IsLetter(text[p - 1]))
            {
                p--;
            }

            if (e > p)
            {
                var word = text.AsSpan(p, e - p);
                if (Normalise(word) is { } verb && (Rules.EngineRules.Default.Words.ActVerbs.Contains(verb) || verb == "wrote"))
                {
                    return verb;
                }
            }

            while (p > limitStart && !char.IsLetter(text[p - 1]))
            {
                p--;
            }
        }

        return null;
    }

    /// <summary>"sued", "written", "made", "put": a past participle (regular or in the rules' irregular forms).</summary>
    internal static bool IsParticiple(string word) =>
        (word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal)) || Rules.EngineRules.Default.Words.IrregularVerbForms.Contains(word);

    private static Found? ReadPassive(string text, int at, int end, int limitStart, int limitEnd)
    {
        if (NameAfter(text, end, limitEnd) is not { } person)
        {
            return null;
        }

        // The span starts at the participle: "signed by Eden", not "was signed by Eden".
        var p = at;
        var word = WordAt(text, p, limitEnd);
        while (word is "was" or "were" or "been" or "is" or "are")
        {
            p = SkipSpaces(text, p + word.Length, limitEnd);
            word = WordAt(text, p, limitEnd);
        }

        var objectSpan = NounPhraseBefore(text, at, limitStart);
        var objectText = objectSpan is { } o ? text.Substring(o.Offset, o.Length) : null;
        var verb = word switch
        {
            "written" or "authored" => objectSpan is { } os && LooksLikeTitle(text, os) ? "authored" : word == "authored" ? "authored" : "wrote",
            "decreed" => "issued",
            _ => word,
        };
        // "signed by Churchill, Roosevelt and Stalin" is one claim naming the first signer.
        return new Found(p, person.End, person, verb, objectText, null);
    }

    /// <summary>"signed by Eden and Molotov": the second name makes a second claim over the whole phrase.</summary>
    private static Found WithNameAfterAnd(string text, Found found, int limit)
    {
        var p = found.Person.End;
        if (p + 5 < limit && text[p] == ' ' && text[p + 1] == 'a' && text[p + 2] == 'n' && text[p + 3] == 'd' && text[p + 4] == ' '
            && char.IsUpper(text[p + 5]) && NameScanner.NameAfter(text, p + 5, limit) is { } second)
        {
            return found with { SecondPerson = second, SecondStart = found.Start, SecondEnd = second.End };
        }

        return found;
    }

    private static Found? ReadVerb(string text, int at, int end, int limitStart, int limitEnd, CompiledFactSet index, List<QuotedSpan> quotes)
    {
        var verbWord = LastWord(text, at, end);
        var verb = Normalise(verbWord);
        if (verb is null)
        {
            return null;
        }

        var p = SkipBack(text, at, limitStart);
        p = SkipAdverbsBack(text, p, limitStart);
        if (NameScanner.NameBefore(text, p, limitStart) is not { } person)
        {
            return null;
        }

        var personText = text.AsSpan(person.Offset, person.Length);
        var known = index.FindPerson(personText.ToString()) is not null;
        if (Rules.EngineRules.Default.Words.AmbiguousVerbForms.Contains(verbWord) && !known)
        {
            return null;
        }

        // "Speakers noted", "Historians argue": a plural noun opening the sentence, not a name.
        if (!known && personText.IndexOf(' ') < 0 && personText.EndsWith("s") && SkipBack(text, person.Offset, limitStart) == limitStart)
        {
            return null;
        }

        // "author Nikolai Tolstoy describing": before a participle the role word is part of the phrase
        // ("official Patrick Dean wrote" is a claim about Patrick Dean wrote).
        var start = person.Offset;
        var q = SkipBack(text, person.Offset, limitStart);
        var role = WordBefore(text, q, limitStart);
        if (role.Length > 0 && q == person.Offset - 1 && NameScanner.IsRoleNoun(role) && verbWord.EndsWith("ing"))
        {
            start = q - role.Length;
        }

        TextSpan? second = null;
        if (WordBefore(text, q, limitStart).SequenceEqual("and") && NameScanner.NameBefore(text, q - 3, limitStart) is { } other)
        {
            second = other;
        }

        var secondStart = second?.Offset ?? 0;

        string? objectText = null;
        if (verb is "signed" or "ordered" or "issued")
        {
            objectText = NounPhraseAfter(text, end, limitEnd);
        }
        else
        {
            objectText = QuoteAfter(quotes, end, limitEnd, text);
            if (objectText is null && verb == "wrote")
            {
                var r = SkipSpaces(text, end, limitEnd);
                if (WordAt(text, r, limitEnd) == "in" && TitleAfter(text, r + 2, limitEnd) is { } title)
                {
                    objectText = text.Substring(title.Offset, title.Length);
                }
            }
        }

        return new Found(start, end, person, verb, objectText, null, second, secondStart, end);
    }

    /// <summary>A reporting verb's base form ("writes" → "wrote"), from the rules' reporting verbs.</summary>
    private static string? Normalise(ReadOnlySpan<char> verb) => Rules.EngineRules.Default.Words.ReportingVerbs.BaseOf(verb);

    /// <summary>Present forms that are also plural nouns ("Soviet reports"): only a known person makes them a verb.</summary>

    private static int VerbAt(string text, int p, int limit, out string verb)
    {
        verb = "";
        var e = p;
        while (e < limit && char.IsLetter(text[e]))
        {
            e++;
        }

        if (e == p)
        {
            return 0;
        }

        var normal = Normalise(text.AsSpan(p, e - p));
        if (normal is null)
        {
            return 0;
        }

        verb = normal;
        return e;
    }

    /// <summary>The first quotation after <paramref name="from"/> in the same sentence, as its inner words.</summary>
    private static string? QuoteAfter(List<QuotedSpan> quotes, int from, int limit, string text)
    {
        var i = FirstQuoteAtOrAfter(quotes, from);
        return i < quotes.Count && quotes[i].Span.Offset < limit ? text.Substring(quotes[i].Inner.Offset, quotes[i].Inner.Length) : null;
    }

    private static string? QuoteBefore(List<QuotedSpan> quotes, int before, int limit, string text)
    {
        var i = FirstQuoteAtOrAfter(quotes, before) - 1;
        return i >= 0 && quotes[i].Span.Offset >= limit && quotes[i].Span.End <= before ? text.Substring(quotes[i].Inner.Offset, quotes[i].Inner.Length) : null;
    }

    private static int FirstQuoteAtOrAfter(List<QuotedSpan> quotes, int offset)
    {
        int lo = 0, hi = quotes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (quotes[mid].Span.Offset < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A title right after <paramref name="start"/>: quoted, or capitalised words with their small words ("Victims of Yalta").</summary>
    private static TextSpan? TitleAfter(string text, int start, int limit)
    {
        var p = SkipSpaces(text, start, limit);
        if (p >= limit)
        {
            return null;
        }

        if (text[p] is '“' or '"' or '‘')
        {
            var closer = text[p] switch { '“' => '”', '‘' => '’', _ => '"' };
            var close = text.IndexOf(closer, p + 1, Math.Min(200, limit - p - 1));
            return close > p + 1 ? new TextSpan(p + 1, close - p - 1) : null;
        }

        if (!char.IsUpper(text[p]))
        {
            return null;
        }

        var tokens = 0;
        var lastCapitalEnd = -1;
        var q = p;
        while (q < limit && tokens < MaxTitleTokens)
        {
            var e = q;
            while (e < limit && (char.IsLetterOrDigit(text[e]) || (e > q && text[e] is '\'' or '’' or '-')))
            {
                e++;
            }

            if (e == q)
            {
                break;
            }

            var word = text.AsSpan(q, e - q);
            if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
            {
                lastCapitalEnd = e;
            }
            else if (!Rules.EngineRules.Default.Words.TitleFunctionWords.Contains(word))
            {
                break;
            }

            tokens++;
            if (e < limit && text[e] == ':' && e + 2 < limit && text[e + 1] == ' ' && char.IsUpper(text[e + 2]))
            {
                q = e + 2;
                continue;
            }

            if (e >= limit || text[e] != ' ')
            {
                break;
            }

            q = e + 1;
        }

        return lastCapitalEnd > p ? new TextSpan(p, lastCapitalEnd - p) : null;
    }

    /// <summary>A title that ends right before " by": quoted, after a work noun, or long enough to hold small words.</summary>
    private static TextSpan? TitleBefore(string text, int by, int limit)
    {
        var p = SkipBack(text, by, limit);
        if (p > limit && text[p - 1] == ',')
        {
            p = SkipBack(text, p - 1, limit);
        }

        if (p > limit && text[p - 1] is '”' or '"' or '’')
        {
            var opener = text[p - 1] switch { '”' => '“', '’' => '‘', _ => '"' };
            var from = Math.Max(limit, p - 201);
            // A closing quote with nothing before it ("\"by …" at the start of a text; found by fuzzing) has no title.
            if (p - 2 < from)
            {
                return null;
            }

            var open = text.LastIndexOf(opener, p - 2, p - 1 - from);
            return open >= limit && p - 1 - open > 1 ? new TextSpan(open + 1, p - 2 - open) : null;
        }

        var first = -1;
        var tokens = 0;
        var capitals = 0;
        var small = 0;
        var q = p;
        while (q > limit && tokens < MaxTitleTokens)
        {
            var s = q;
            while (s > limit && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] is '\'' or '’' or '-'))
            {
                s--;
            }

            if (s == q)
            {
                break;
            }

            var word = text.AsSpan(s, q - s);
            if (char.IsUpper(word[0]))
            {
                first = s;
                capitals++;
            }
            else if (Rules.EngineRules.Default.Words.TitleFunctionWords.Contains(word))
            {
                small++;
            }
            else
            {
                break;
            }

            tokens++;
            if (s - 1 < limit || text[s - 1] != ' ')
            {
                break;
            }

            q = s - 1;
        }

        if (first < 0 || capitals < 2)
        {
            return null;
        }

        var before = WordBefore(text, SkipBack(text, first, limit), limit);
        var afterWorkNoun = Rules.EngineRules.Default.Words.WorkNouns.Contains(before);
        if (!afterWorkNoun && small == 0)
        {
            return null;
        }

        var span = new TextSpan(first, p - first);
        return Words.NonPerson.Contains(text.AsSpan(first, WordLength(text, first))) && !afterWorkNoun ? null : span;
    }

    /// <summary>Everything from <paramref name="start"/> to a "(year)" in the same clause, as a title.</summary>
    private static TextSpan? TitleBeforeYear(string text, int start, int limit)
    {
        var p = SkipSpaces(text, start, limit);
        if (p >= limit || !(char.IsUpper(text[p]) || text[p] is '“' or '"' or '‘'))
        {
            return null;
        }

        for (var q = p; q < limit && q - p < 160; q++)
        {
            if (text[q] is ',' or ';' or '.' or '!' or '?' or ')')
            {
                return null;
            }

            if (text[q] == '(')
            {
                var e = SkipBack(text, q, p);
                if (!YearInParentheses(text, q, limit, out _, out _) || e <= p)
                {
                    return null;
                }

                return text[p] is '“' or '"' or '‘' && e - p > 2 ? new TextSpan(p + 1, e - p - 2) : new TextSpan(p, e - p);
            }
        }

        return null;
    }

    /// <summary>"The Last Secret", "Pawns of Yalta": a leading article or a small word between capitalised words.</summary>
    private static bool LooksLikeWorkTitle(string text, TextSpan title)
    {
        var capitals = 0;
        var small = 0;
        var first = true;
        var articleFirst = false;
        for (var p = title.Offset; p < title.End;)
        {
            var e = p;
            while (e < title.End && (char.IsLetterOrDigit(text[e]) || text[e] is '\'' or '’' or '-'))
            {
                e++;
            }

            if (e > p)
            {
                var word = text.AsSpan(p, e - p);
                if (char.IsUpper(word[0]) || char.IsDigit(word[0]))
                {
                    capitals++;
                    articleFirst |= first && word is "The" or "A" or "An";
                }
                else if (Rules.EngineRules.Default.Words.TitleFunctionWords.Contains(word))
                {
                    small++;
                }

                first = false;
            }

            p = e + 1;
        }

        return capitals >= 2 && (articleFirst || small > 0);
    }

    private static bool LooksLikeTitle(string text, TextSpan span) =>
        span.Length > 0 && char.IsUpper(text[span.Offset]) && !Words.Stop.Contains(text.AsSpan(span.Offset, WordLength(text, span.Offset)));

    private static int TitleSpanEnd(string text, TextSpan title) =>
        title.End < text.Length && text[title.End] is '”' or '"' or '’' ? title.End + 1 : title.End;

    private static bool YearInParentheses(string text, int from, int limit, out int year, out int end)
    {
        year = 0;
        end = from;
        var p = SkipSpaces(text, from, limit);
        if (p + 5 < limit && text[p] == '(' && char.IsAsciiDigit(text[p + 1]) && char.IsAsciiDigit(text[p + 2])
            && char.IsAsciiDigit(text[p + 3]) && char.IsAsciiDigit(text[p + 4]) && text[p + 5] == ')')
        {
            year = int.Parse(text.AsSpan(p + 1, 4));
            end = p + 6;
            return year is >= 1500 and <= 2100;
        }

        return false;
    }

    private static bool YearInCue(string text, int at, int end, out int year)
    {
        year = 0;
        for (var i = at; i + 4 <= end; i++)
        {
            if (char.IsAsciiDigit(text[i]) && int.TryParse(text.AsSpan(i, 4), out year))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What was signed, ordered or issued: the words after the verb up to the end of the phrase.</summary>
    private static string? NounPhraseAfter(string text, int start, int limit)
    {
        var p = SkipSpaces(text, start, limit);
        var first = p;
        var last = -1;
        for (var tokens = 0; tokens < 8 && p < limit; tokens++)
        {
            var e = p;
            while (e < limit && (char.IsLetterOrDigit(text[e]) || text[e] is '\'' or '’' or '-' or '–'
                || (text[e] == '.' && e + 1 < limit && text[e + 1] == ' ' && e + 2 < limit && char.IsAsciiDigit(text[e + 2]))))
            {
                e++;
            }

            if (e == p)
            {
                break;
            }

            var word = text.AsSpan(p, e - p);
            if (Rules.EngineRules.Default.Words.PhraseBoundaries.Contains(word))
            {
                break;
            }

            last = e;
            if (e >= limit || text[e] != ' ')
            {
                break;
            }

            p = e + 1;
        }

        return last > first ? text.Substring(first, last - first) : null;
    }

    /// <summary>What was signed by someone: the phrase before "(was) signed by", up to the clause boundary.</summary>
    private static TextSpan? NounPhraseBefore(string text, int participle, int limit)
    {
        var p = SkipBack(text, participle, limit);
        if (p > limit && text[p - 1] == ',')
        {
            p = SkipBack(text, p - 1, limit);
        }

        var end = p;
        var first = -1;
        for (var tokens = 0; tokens < 8 && p > limit; tokens++)
        {
            var s = p;
            while (s > limit && (char.IsLetterOrDigit(text[s - 1]) || text[s - 1] is '\'' or '’' or '-' or '–' or '.'))
            {
                s--;
            }

            if (s == p)
            {
                break;
            }

            var word = text.AsSpan(s, p - s);
            if (Rules.EngineRules.Default.Words.PhraseBoundaries.Contains(word) || word is "was" or "were" or "been" or "had" or "has" or "is" or "are")
            {
                break;
            }

            first = s;
            if (s - 1 < limit || text[s - 1] != ' ')
            {
                break;
            }

            p = s - 1;
        }

        return first >= 0 && end > first ? new TextSpan(first, end - first) : null;
    }

    private static ReadOnlySpan<char> WordBefore(string text, int end, int limit)
    {
        var s = end;
        while (s > limit && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        return text.AsSpan(s, end - s);
    }

    private static string WordAt(string text, int p, int limit)
    {
        var e = p;
        while (e < limit && char.IsLetter(text[e]))
        {
            e++;
        }

        return text.Substring(p, e - p);
    }

    private static int WordLength(string text, int p)
    {
        var e = p;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        return e - p;
    }

    private static ReadOnlySpan<char> LastWord(string text, int at, int end)
    {
        var s = end;
        while (s > at && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        return text.AsSpan(s, end - s);
    }

    /// <summary>Steps back over up to three adverbs and auxiliaries between a name and its verb ("Tolstoy has memorably put it").</summary>
    private static int SkipAdverbsBack(string text, int p, int limit)
    {
        for (var n = 0; n < 3; n++)
        {
            var word = WordBefore(text, p, limit);
            if (word.Length == 0 || !Rules.EngineRules.Default.Words.VerbAdverbs.Contains(word))
            {
                break;
            }

            p = SkipBack(text, p - word.Length, limit);
        }

        return p;
    }

    private static int SkipSpaces(string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    private static int SkipBack(string text, int p, int limit)
    {
        while (p > limit && char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        return p;
    }

    private static int TrimEndSpaces(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }



}
