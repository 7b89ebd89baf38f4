using Repatriation.Core.Matching;

namespace Repatriation.Core.Extraction;

/// <summary>
/// Ties a quotation to the person its sentence names: an attribution in the same sentence first
/// (the nearest before the quote, else the first after), then a person of the fact set named there,
/// then the same in the sentence before ("…," he said).
/// </summary>
internal static class QuoteSpeaker
{
    public static (string? PersonText, string? PersonId, bool FromPrevious) Find(
        string text, SentenceMap sentences, CompiledFactSet index, List<ExtractedClaim> attributions, QuotedSpan quote)
    {
        if (sentences.Sentences.Count == 0)
        {
            return (null, null, false);
        }

        var s = sentences.IndexOf(quote.Span.Offset);
        var sentence = sentences.Sentences[s];
        if (FromAttributions(attributions, sentence, quote.Span.Offset, preferLast: false) is { } a)
        {
            return (a.PersonText, a.PersonId, false);
        }

        // "said one organiser", "a British officer gave his word that…": the sentence names an unnamed speaker.
        if (NamesUnnamedSpeaker(text, sentence, quote.Span))
        {
            return (null, null, false);
        }

        // A name elsewhere in the sentence makes a speaker only of a real quotation: two or three quoted words with no
        // verb giving them to anyone ("a \"war crime\"", "\"make believe\"") are the writer's scare quotes.
        if (IsShort(text, quote))
        {
            return (null, null, false);
        }

        if (FromMentions(text, index, sentence, quote, preferLast: false) is { } m)
        {
            return (m.Item1, m.Item2, false);
        }

        if (s > 0)
        {
            var previous = sentences.Sentences[s - 1];
            if (FromAttributions(attributions, previous, int.MaxValue, preferLast: true) is { } pa)
            {
                return (pa.PersonText, pa.PersonId, true);
            }

            if (FromMentions(text, index, previous, quote, preferLast: true) is { } pm)
            {
                return (pm.Item1, pm.Item2, true);
            }
        }

        return (null, null, false);
    }

    private static ExtractedClaim? FromAttributions(List<ExtractedClaim> attributions, TextSpan sentence, int quoteStart, bool preferLast)
    {
        ExtractedClaim? before = null, after = null;
        var i = LowerBound(attributions, sentence.Offset);
        for (; i < attributions.Count && attributions[i].Offset < sentence.End; i++)
        {
            var a = attributions[i];
            // "Tolstoy quoted…", "Bethell cites…": the person relays someone else's words, and is not their speaker.
            if (a.Verb is { } verb && Rules.EngineRules.Default.Words.RelayingVerbs.Contains(verb))
            {
                continue;
            }

            if (a.Offset < quoteStart)
            {
                before = a;
            }
            else
            {
                after ??= a;
            }
        }

        return preferLast ? before ?? after : before ?? after;
    }

    private static (string, string?)? FromMentions(string text, CompiledFactSet index, TextSpan sentence, QuotedSpan quote, bool preferLast)
    {
        (string, string?)? before = null, after = null;
        foreach (var name in NameScanner.Mentions(text, sentence.Offset, sentence.End))
        {
            // "Stalin’s demand": a possessive names whose words are quoted less often than the subject's.
            if (quote.Span.Contains(name.Offset) || IsPossessive(text, name.End))
            {
                continue;
            }

            var written = text.Substring(name.Offset, name.Length);
            if (index.FindPerson(written) is not { } person)
            {
                continue;
            }

            if (name.Offset < quote.Span.Offset || preferLast)
            {
                before = (written, person.Id);
            }
            else
            {
                after ??= (written, person.Id);
            }
        }

        return before ?? after;
    }

    private static bool NamesUnnamedSpeaker(string text, TextSpan sentence, TextSpan quote)
    {
        var sinceDeterminer = -1;
        var p = sentence.Offset;
        while (p < sentence.End)
        {
            if (quote.Contains(p))
            {
                p = quote.End;
                sinceDeterminer = -1;
                continue;
            }

            if (!char.IsLetter(text[p]))
            {
                p++;
                continue;
            }

            var e = p;
            while (e < sentence.End && char.IsLetter(text[e]))
            {
                e++;
            }

            var word = text.AsSpan(p, e - p);
            if (Rules.EngineRules.Default.Words.SpeakerDeterminers.Contains(word))
            {
                sinceDeterminer = 0;
            }
            else if (sinceDeterminer >= 0)
            {
                if (Rules.EngineRules.Default.Words.SpeakerNouns.Contains(word))
                {
                    return true;
                }

                sinceDeterminer = ++sinceDeterminer > 3 ? -1 : sinceDeterminer;
            }

            p = e;
        }

        return false;
    }



    private const int MaxScareQuoteWords = 4;

    private static bool IsShort(string text, QuotedSpan quote)
    {
        var words = 0;
        var inWord = false;
        for (var i = quote.Inner.Offset; i < quote.Inner.End; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words <= MaxScareQuoteWords;
    }

    private static bool IsPossessive(string text, int end) =>
        end + 1 < text.Length && text[end] is '’' or '\'' && text[end + 1] == 's';

    private static int LowerBound(List<ExtractedClaim> claims, int offset)
    {
        int lo = 0, hi = claims.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (claims[mid].Offset < offset)
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
}
