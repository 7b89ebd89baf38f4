using Repatriation.Core.Matching;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Extraction;

/// <summary>
/// Attributions found from the names the fact set knows rather than from cue words: one pass finds every mention
/// of a known person and work ("Tolstoy", "Count Tolstoy", "TOLSTOY", "Victims of Yalta", "THE SECRET BETRAYAL"),
/// then the words around each mention say how they relate:
/// <list type="bullet">
/// <item>a verb after a person's name, past an apposition and adverbs ("Julius Epstein, of the Hoover Institution,
/// twice went to court", "General McCreery, who commanded the 8th Army", "Tolstoy condemns");</item>
/// <item>a title next to a name with nothing but a colon, a full stop, a bar or "by" between ("Mark R. Elliott:
/// Pawns of Yalta", "The Last Secret. Lord Bethell", "'Victims Of Yalta' By Nikolai Tolstoy");</item>
/// <item>a name's possessive before a work noun, adjectives allowed ("Julius Epstein's eponymous book", "Pavel
/// Polian's latest work").</item>
/// </list>
/// Claims the cue-driven <see cref="AttributionFinder"/> already made are left alone.
/// </summary>
internal static class MentionAttributions
{
    private const int MaxAppositionWords = 12;

    /// <summary>The verb of an attribution that gives a person an office at the time.</summary>
    public const string HeldOffice = "held-office";

    /// <summary>
    /// An office name the fact set knows, joined to the name: after it by a comma and "then", "the", "as", "who was",
    /// "a" or "an" ("Harold Macmillan, then Minister Resident"), or right before it, ranks and "the" allowed between
    /// ("Minister Resident Harold Macmillan", "the Foreign Secretary, Anthony Eden").
    /// </summary>
    private static OfficeMention? OfficeBeside(string text, Mention mention, int limitStart, int limitEnd, CompiledFactSet facts)
    {
        if (facts.Offices.IsEmpty)
        {
            return null;
        }

        var after = Tokenizer.Tokenize(text, mention.End, Math.Min(limitEnd, mention.End + 120) - mention.End);
        for (var i = 0; i < after.Count && i <= 3; i++)
        {
            if (facts.Offices.At(after, i) is { } office)
            {
                return office;
            }

            if (!Words.OfficeJoiners.Contains(after[i].Norm))
            {
                break;
            }
        }

        var from = Math.Max(limitStart, mention.Start - 120);
        var before = Tokenizer.Tokenize(text, from, mention.Start - from);
        for (var start = Math.Max(0, before.Count - 8); start < before.Count; start++)
        {
            if (facts.Offices.At(before, start) is { } office && office.End <= mention.Start)
            {
                // Only ranks, "the" and a comma may stand between the office and the name.
                var between = text.AsSpan(office.End, mention.Start - office.End);
                var ok = true;
                foreach (var word in between.ToString().Split([' ', ',', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
                {
                    ok &= word is "the" or "The" || Words.Ranks.Contains(word);
                }

                if (ok)
                {
                    return office;
                }
            }
        }

        return null;
    }

    private static Lexicon Words => EngineRules.Default.Words;

    public static void AddTo(List<ExtractedClaim> claims, string text, SentenceMap sentences, CompiledFactSet facts, List<QuotedSpan> quotes, List<Mention> mentions)
    {
        var found = new List<ExtractedClaim>();

        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Kind != MentionKind.Person || InsideQuote(quotes, mention.Start))
            {
                continue;
            }

            var sentence = sentences.At(mention.Start);
            var limitEnd = Math.Max(sentence.End, mention.End);
            var limitStart = Math.Min(sentence.Offset, mention.Start);

            // "Harold Macmillan, then Minister Resident", "Minister Resident Harold Macmillan": an office at the time,
            // a claim of its own beside whatever else the sentence says the person did.
            if (OfficeBeside(text, mention, limitStart, limitEnd, facts) is { } office)
            {
                var start = Math.Min(office.Start, mention.Start);
                var end = Math.Max(office.End, mention.End);
                found.Add(Claim(text, sentences, facts, start, end, mention, HeldOffice, text[office.Start..office.End]));
            }

            if (Covered(claims, mention) || Covered(found, mention))
            {
                continue;
            }
            if (WorkBeside(text, mentions, i, limitStart, limitEnd) is { } work)
            {
                var start = Math.Min(work.Start, mention.Start);
                var end = Math.Max(work.End, mention.End);
                found.Add(Claim(text, sentences, facts, start, end, mention, "authored", text[work.Start..work.End]));
                continue;
            }

            if (WorkNounAfterPossessive(text, mention.End, limitEnd) is { } nounEnd)
            {
                found.Add(Claim(text, sentences, facts, mention.Start, nounEnd, mention, "authored", null));
                continue;
            }

            if (VerbAfter(text, mention.End, limitEnd) is { } verb && !IsInstitution(text, mention)
                && ((!verb.Passive && (Words.AscriptionVerbs.Contains(verb.Word) || Words.ReportingVerbs.BaseOf(verb.Word) is not null))
                    || facts.IsCheckable(mention.Id, verb.Word, text, sentence)))
            {
                found.Add(Claim(text, sentences, facts, mention.Start, verb.End, mention, verb.Base, null));
            }
        }

        // After the mentions: Covered searches the found claims in text order.
        AddSignatures(found, text, sentences, quotes, mentions);
        if (found.Count > 0)
        {
            claims.AddRange(found);
            claims.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>
    /// "“…a warning for the future.”—Alexander Solzhenitsyn": a dash and a name right after a quotation (or on the line
    /// below it) sign it; the attribution carries the quoted words.
    /// </summary>
    private static void AddSignatures(List<ExtractedClaim> found, string text, SentenceMap sentences, List<QuotedSpan> quotes, List<Mention> mentions)
    {
        foreach (var quote in quotes)
        {
            var p = quote.Span.End;
            while (p < text.Length && text[p] is ' ' or '\t' or '\r' or '\n' && p - quote.Span.End < 4)
            {
                p++;
            }

            if (p >= text.Length || text[p] is not ('—' or '–' or '―'))
            {
                continue;
            }

            var dash = p;
            var lineEnd = text.IndexOf('\n', dash);
            var limit = lineEnd < 0 ? text.Length : lineEnd;
            if (NameScanner.NameAfter(text, dash + 1, limit) is not { } name || name.Offset > dash + 2)
            {
                continue;
            }

            var known = mentions.FirstOrDefault(m => m.Kind == MentionKind.Person && m.Start == name.Offset);
            var written = text.AsSpan(name.Offset, name.Length);
            if (known.Id is null && (!written.Contains(' ') || written.StartsWith("The ", StringComparison.Ordinal)))
            {
                // "—Newsweek", "—The Times (London)": a publication's, not a person's words.
                continue;
            }

            var end = known.Id is not null ? Math.Max(known.End, name.End) : name.End;
            var sentence = sentences.For(dash, end - dash);
            found.Add(new ExtractedClaim
            {
                Kind = ClaimKind.Attribution,
                Offset = dash,
                Length = end - dash,
                Text = text[dash..end],
                SentenceOffset = sentence.Offset,
                SentenceLength = sentence.Length,
                PersonText = text[name.Offset..name.End],
                PersonId = known.Id,
                Verb = "said",
                ObjectText = text.Substring(quote.Inner.Offset, quote.Inner.Length),
            });
        }
    }

    private static ExtractedClaim Claim(string text, SentenceMap sentences, CompiledFactSet facts, int start, int end, Mention person, string verb, string? objectText)
    {
        var sentence = sentences.For(start, end - start);
        return new ExtractedClaim
        {
            Kind = ClaimKind.Attribution,
            Offset = start,
            Length = end - start,
            Text = text[start..end],
            SentenceOffset = sentence.Offset,
            SentenceLength = sentence.Length,
            PersonText = text[person.Start..person.End],
            PersonId = person.Id,
            Verb = verb,
            ObjectText = objectText,
        };
    }

    /// <summary>A work mention right before or after the name with only a colon, a full stop, a bar, a comma or "by" between.</summary>
    private static Mention? WorkBeside(string text, List<Mention> mentions, int index, int limitStart, int limitEnd)
    {
        var person = mentions[index];
        if (index > 0 && mentions[index - 1] is { Kind: MentionKind.Work } before && OnlyJoinersBetween(text, before.End, person.Start))
        {
            return before;
        }

        if (index + 1 < mentions.Count && mentions[index + 1] is { Kind: MentionKind.Work } after && OnlyJoinersBetween(text, person.End, after.Start)
            && text.AsSpan(person.End, after.Start - person.End).IndexOfAny(":|") >= 0)
        {
            return after;
        }

        return null;
    }

    /// <summary>Quote marks, a year in brackets, ":", ".", ",", "|", "—" and "by" only ("‘Victims Of Yalta’ By", "The Last Secret. Lord").</summary>
    private static bool OnlyJoinersBetween(string text, int from, int to)
    {
        if (to < from || to - from > 40)
        {
            return false;
        }

        var p = from;
        while (p < to)
        {
            var c = text[p];
            if (char.IsWhiteSpace(c) || c is ':' or '.' or ',' or '|' or '—' or '–' or '’' or '‘' or '\'' or '"' or '“' or '”' or '(' or ')' or '*' or '_')
            {
                p++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                p++;
                continue;
            }

            if ((c is 'b' or 'B') && p + 1 < to && text[p + 1] is 'y' or 'Y' && (p + 2 >= to || !char.IsLetter(text[p + 2])))
            {
                p += 2;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>"Epstein's eponymous book", "Polian's latest work", "Tolstoy's magisterial exposé": where the work noun ends.</summary>
    private static int? WorkNounAfterPossessive(string text, int end, int limit)
    {
        if (end + 2 > limit || text[end] is not ('\'' or '’') || text[end + 1] != 's')
        {
            return null;
        }

        var p = end + 2;
        for (var words = 0; words < 3; words++)
        {
            p = SkipSpaces(text, p, limit);
            var (s, e) = WordAt(text, p, limit);
            if (e == s || !char.IsLower(text[s]))
            {
                return null;
            }

            var word = text[s..e];
            if (Words.WorkNouns.Contains(word) || Words.DocumentNouns.Contains(word) || word is "exposé" or "expose")
            {
                return e;
            }

            p = e;
        }

        return null;
    }

    /// <summary>A verb after a name: where it ends, its base form, the word as written, and whether a "was" or "were" made it passive.</summary>
    private readonly record struct Verb(int End, string Base, string Word, bool Passive);

    /// <summary>"Red Army", "the State Department", "European Court of Human Rights": a body, not a person speaking.</summary>
    private static bool IsInstitution(string text, Mention mention)
    {
        var p = mention.Start;
        while (p < mention.End)
        {
            var (s, e) = WordAt(text, p, mention.End);
            if (e > s && Words.NonPerson.Contains(text.AsSpan(s, e - s)))
            {
                return true;
            }

            p = e + 1;
        }

        return false;
    }

    /// <summary>
    /// The verb the named person is the subject of: after an apposition (", a British historian,", ", of the Hoover
    /// Institution,", ", who"), adverbs and auxiliaries, a lower-case verb form ("condemns", "went", "exposed", "had said").
    /// </summary>
    private static Verb? VerbAfter(string text, int end, int limit)
    {
        var p = SkipSpaces(text, end, limit);
        if (p < limit && text[p] == ',')
        {
            p = SkipApposition(text, p + 1, limit);
            if (p < 0)
            {
                return null;
            }
        }

        var passive = false;
        for (var hops = 0; hops < 4; hops++)
        {
            p = SkipSpaces(text, p, limit);
            var (s, e) = WordAt(text, p, limit);
            if (e == s || !char.IsLower(text[s]))
            {
                return null;
            }

            var word = text[s..e];
            if (Words.VerbAdverbs.Contains(word) || Words.Auxiliaries.Contains(word) || (word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal)))
            {
                passive |= word is "was" or "were" or "been" or "being";
                p = e;
                continue;
            }

            if (Words.ReportingVerbs.BaseOf(word) is { } reporting)
            {
                return new Verb(e, reporting, word, passive);
            }

            if (Words.NotVerbsAfterNames.Contains(word))
            {
                return null;
            }

            if (AttributionFinder.IsParticiple(word) || (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or '\'' or 'u')))
            {
                return new Verb(e, word, word, passive);
            }

            return null;
        }

        return null;
    }

    /// <summary>Past ", a British historian," or ", of the Hoover Institution,"; ", who" leads straight to the verb.</summary>
    private static int SkipApposition(string text, int p, int limit)
    {
        p = SkipSpaces(text, p, limit);
        var (s, e) = WordAt(text, p, limit);
        if (e == s)
        {
            return -1;
        }

        var first = text[s..e];
        if (first is "who")
        {
            return e;
        }

        if (!(first is "a" or "an" or "the" or "then" or "of" or "later" or "now" or "formerly" || Words.RoleNouns.Contains(first) || Words.Ranks.Contains(first)))
        {
            return -1;
        }

        var words = 0;
        for (var q = e; q < limit && words < MaxAppositionWords; q++)
        {
            if (text[q] == ',')
            {
                return q + 1;
            }

            if (text[q] is ';' or ':' or '.' or '(' or ')' or '"' or '“')
            {
                return -1;
            }

            if (text[q] == ' ')
            {
                words++;
            }
        }

        return -1;
    }

    /// <summary>An attribution already made overlaps the mention (claims are in text order, so the search is binary).</summary>
    private static bool Covered(List<ExtractedClaim> claims, Mention mention)
    {
        // Claims starting before the mention's end; an attribution is at most a sentence long.
        int lo = 0, hi = claims.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (claims[mid].Offset < mention.End)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo - 1; i >= 0 && mention.Start - claims[i].Offset < MaxCoveredReach; i--)
        {
            var claim = claims[i];
            if (claim.Kind == ClaimKind.Attribution && mention.Start < claim.Offset + claim.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far back an attribution may start and still reach a mention (longer than any the finder makes).</summary>
    private const int MaxCoveredReach = 600;

    private static bool InsideQuote(List<QuotedSpan> quotes, int offset)
    {
        int lo = 0, hi = quotes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = quotes[mid].Span;
            if (span.End <= offset)
            {
                lo = mid + 1;
            }
            else if (span.Offset > offset)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End) WordAt(string text, int p, int limit)
    {
        var e = p;
        while (e < limit && (char.IsLetter(text[e]) || (e > p && text[e] is '-' && e + 1 < limit && char.IsLetter(text[e + 1]))))
        {
            e++;
        }

        return (p, e);
    }

    private static int SkipSpaces(string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }
}
