using Repatriation.Core.Facts;

namespace Repatriation.Core.Extraction;

/// <summary>
/// Finds who is said to have written, said, estimated, signed, ordered or issued what: "according to X",
/// "X wrote", "as X put it", "author X describing", "X's book Title (1977)", "X, in Title (1978), argues",
/// "Title by X", "signed by X", "in the words of X".
/// </summary>
internal static class AttributionFinder
{
    private const int MaxTitleTokens = 16;

    public static List<ExtractedClaim> Find(string text, SentenceMap sentences, FactIndex index, List<QuotedSpan> quotes, List<int> anchors)
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

    private static ExtractedClaim Build(string text, SentenceMap sentences, FactIndex index, Found f)
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

    private static Found? Read(string text, int at, int length, int limitStart, int limitEnd, FactIndex index, List<QuotedSpan> quotes)
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
            return cue.StartsWith("by") ? ReadTitleBy(text, at, end, limitStart, limitEnd) : ReadPassive(text, at, end, limitStart, limitEnd);
        }

        return ReadVerb(text, at, end, limitStart, limitEnd, index, quotes);
    }

    private static TextSpan? NameAfter(string text, int start, int limit) => NameScanner.NameAfter(text, start, limit);

    private static Found? ReadPutIt(string text, int at, int end, int limitStart, int limitEnd, List<QuotedSpan> quotes)
    {
        var p = SkipBack(text, at, limitStart);
        p = SkipWordBack(text, p, limitStart, "has", "had", "once", "memorably", "famously", "later");
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

    private static Found? ReadPossessive(string text, int at, int end, int limitStart, int limitEnd, bool namesAWork, FactIndex index)
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
        if (!namesAWork && (title is not { } named || (year is null && !IsKnownWork(index, text.AsSpan(named.Offset, named.Length)) && !LooksLikeWorkTitle(text, named))))
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

    private static Found? ReadTitleBy(string text, int at, int end, int limitStart, int limitEnd)
    {
        if (NameScanner.NameAfter(text, end, limitEnd, out var roleStart) is not { } person || (roleStart >= 0 && roleStart != SkipSpaces(text, end, limitEnd)))
        {
            return null;
        }

        if (TitleBefore(text, at, limitStart) is not { } title)
        {
            return null;
        }

        var start = title.Offset > 0 && text[title.Offset - 1] is '“' or '"' or '‘' ? title.Offset - 1 : title.Offset;
        return new Found(start, person.End, person, "authored", text.Substring(title.Offset, title.Length), null);
    }

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

    private static Found? ReadVerb(string text, int at, int end, int limitStart, int limitEnd, FactIndex index, List<QuotedSpan> quotes)
    {
        var verbWord = LastWord(text, at, end);
        var verb = Normalise(verbWord);
        if (verb is null)
        {
            return null;
        }

        var p = SkipBack(text, at, limitStart);
        p = SkipWordBack(text, p, limitStart, "later", "also", "himself", "herself", "famously", "once", "then", "subsequently",
            "reportedly", "allegedly", "apparently", "personally", "rightly", "wrongly", "correctly", "has", "had", "have", "would", "had");
        if (NameScanner.NameBefore(text, p, limitStart) is not { } person)
        {
            return null;
        }

        var personText = text.AsSpan(person.Offset, person.Length);
        var known = index.FindPerson(personText.ToString()) is not null;
        if (AmbiguousForms.Contains(verbWord) && !known)
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

    private static string? Normalise(ReadOnlySpan<char> verb) => verb switch
    {
        "wrote" or "written" or "writes" or "writing" => "wrote",
        "said" or "says" or "told" or "tells" => "said",
        "estimated" or "estimates" or "estimating" => "estimated",
        "described" or "describes" or "describing" => "described",
        "signed" or "signs" or "signing" => "signed",
        "ordered" or "orders" or "ordering" => "ordered",
        "issued" or "issues" or "issuing" or "decreed" or "decrees" => "issued",
        "argued" or "argues" or "arguing" => "argue",
        "recalled" or "recalls" or "recalling" or "recounting" => "recall",
        "claimed" or "claims" or "claiming" => "claim",
        "noted" or "notes" or "noting" => "note",
        "reported" or "reports" or "reporting" => "report",
        "stated" or "states" or "stating" => "state",
        "calculated" or "calculates" or "calculating" => "calculate",
        "asserted" or "asserts" => "assert",
        "insisted" or "insists" => "insist",
        "concluded" or "concludes" => "conclude",
        "observed" or "observes" => "observe",
        "remarked" or "remarks" => "remark",
        "declared" or "declares" => "declare",
        "testified" or "testifies" => "testify",
        "admitted" or "admits" => "admit",
        "explained" or "explains" => "explain",
        "maintained" or "maintains" => "maintain",
        "suggested" or "suggests" => "suggest",
        "contended" or "contends" => "contend",
        "counted" or "counts" => "count",
        "found" or "finds" => "find",
        "put" or "puts" => "put",
        "gave" or "gives" => "give",
        "sued" or "sues" => "sue",
        "thought" or "thinks" => "think",
        _ when MoreVerbs.TryGetValue(verb, out var baseForm) => baseForm,
        _ => null,
    };

    /// <summary>Further reporting verbs, to their lower-case base form.</summary>
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> MoreVerbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["warned"] = "warn", ["warns"] = "warn", ["telegraphed"] = "telegraph", ["telegraphs"] = "telegraph",
        ["cabled"] = "cable", ["wired"] = "wire", ["informed"] = "inform", ["denied"] = "deny", ["denies"] = "deny",
        ["confirmed"] = "confirm", ["confirms"] = "confirm", ["announced"] = "announce", ["announces"] = "announce",
        ["added"] = "add", ["adds"] = "add", ["agreed"] = "agree", ["agrees"] = "agree", ["promised"] = "promise",
        ["replied"] = "reply", ["replies"] = "reply", ["asked"] = "ask", ["demanded"] = "demand", ["urged"] = "urge",
        ["protested"] = "protest", ["acknowledged"] = "acknowledge", ["conceded"] = "concede",
        ["revealed"] = "reveal", ["reveals"] = "reveal", ["documented"] = "document", ["documents"] = "document",
        ["showed"] = "show", ["shows"] = "show", ["cited"] = "cite", ["cites"] = "cite", ["quoted"] = "quote",
        ["quotes"] = "quote", ["recorded"] = "record", ["records"] = "record", ["listed"] = "list",
        ["lists"] = "list", ["reckoned"] = "reckon", ["reckons"] = "reckon", ["stressed"] = "stress",
        ["emphasised"] = "emphasise", ["emphasized"] = "emphasise", ["believed"] = "believe",
        ["believes"] = "believe", ["alleged"] = "allege", ["alleges"] = "allege", ["accused"] = "accuse",
        ["blamed"] = "blame", ["condemned"] = "condemn", ["remembered"] = "remember", ["remembers"] = "remember",
        ["minuted"] = "minute", ["complained"] = "complain", ["answered"] = "answer", ["recounted"] = "recount",
        ["recounts"] = "recount",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every reporting verb form the extractor knows (for the anchor scan and the cue pattern).</summary>
    internal static IEnumerable<string> MoreVerbForms => MoreVerbs.Dictionary.Keys;

    /// <summary>Present forms that are also plural nouns ("Soviet reports"): only a known person makes them a verb.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "notes", "reports", "states", "claims", "orders", "issues", "signs", "counts", "remarks", "decrees", "tells", "documents",
        "quotes", "records", "lists", "shows", "finds", "gives", "adds", "cites", "thought", "answered",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

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
            else if (!TitleSmallWords.Contains(word))
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
            else if (TitleSmallWords.Contains(word))
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
        var afterWorkNoun = WorkNouns.Contains(before);
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
                else if (TitleSmallWords.Contains(word))
                {
                    small++;
                }

                first = false;
            }

            p = e + 1;
        }

        return capitals >= 2 && (articleFirst || small > 0);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FactIndex, HashSet<string>> WorkTitles = new();

    private static bool IsKnownWork(FactIndex index, ReadOnlySpan<char> title)
    {
        var titles = WorkTitles.GetValue(index, static i => new HashSet<string>(
            i.Works.Values.SelectMany(w => w.AlternativeTitles.Prepend(w.Title)).Select(FactIndex.NormaliseName), StringComparer.Ordinal));
        return titles.Contains(FactIndex.NormaliseName(title.ToString()));
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
            if (PhraseBoundaries.Contains(word))
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
            if (PhraseBoundaries.Contains(word) || word is "was" or "were" or "been" or "had" or "has" or "is" or "are")
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

    /// <summary>Steps back over the given words (adverbs and auxiliaries between a name and its verb).</summary>
    private static int SkipWordBack(string text, int p, int limit, params ReadOnlySpan<string> words)
    {
        for (var n = 0; n < 3; n++)
        {
            var word = WordBefore(text, p, limit);
            var matched = false;
            foreach (var w in words)
            {
                if (word.SequenceEqual(w))
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleSmallWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "from", "with", "or", "under", "over",
        "against", "after", "into", "between", "behind", "beyond", "without", "vs", "de", "der", "die", "und", "la", "le",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WorkNouns = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "book", "study", "memoir", "memoirs", "history", "account", "article", "novel", "work", "monograph", "essay",
        "biography", "diary", "autobiography", "dissertation", "thesis", "paper", "documentary", "volume", "report",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PhraseBoundaries = new HashSet<string>(StringComparer.Ordinal)
    {
        "in", "on", "at", "with", "which", "that", "after", "before", "during", "to", "for", "when", "while", "because",
        "and", "but", "as", "by", "from", "under", "until", "since", "who", "whom", "whose", "where", "whereby",
        "although", "though", "if", "than", "so", "into", "onto", "upon", "against", "without", "within",
    }.GetAlternateLookup<ReadOnlySpan<char>>();
}
