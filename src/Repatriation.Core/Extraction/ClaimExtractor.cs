using System.Text.RegularExpressions;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;

namespace Repatriation.Core.Extraction;

/// <summary>Finds every figure, date, attribution and quotation in a plain text, in text order.</summary>
/// <remarks>
/// One pass finds anchors (digits, years, number words, cue words); source-generated patterns are
/// tried only there, anchored, a parser reads the value and the context around the candidate rules
/// out identifiers, page numbers, list numbering and footnote markers. Dates are found before
/// figures so that a year is never also counted as a figure.
/// </remarks>
public sealed class ClaimExtractor
{
    public IReadOnlyList<ExtractedClaim> Extract(string text, CompiledFactSet facts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);

        var sentences = new SentenceMap(text, SentenceSplitter.Split(text));
        var anchors = AnchorScanner.Scan(text);
        var dates = FindDates(text, anchors.Dates);
        var figures = FindFigures(text, anchors.Figures, dates, facts);
        var quotes = QuoteFinder.Find(text);
        var mentions = facts.Mentions.Find(text, 0, text.Length);
        var otherMatterKeys = facts.Terms.OtherMatterKeyOffsets(text);
        var attributions = AttributionFinder.Find(text, sentences, facts, quotes, anchors.Attributions);
        MentionAttributions.AddTo(attributions, text, sentences, facts, quotes, mentions);

        var claims = new List<ExtractedClaim>(dates.Count + figures.Count + quotes.Count + attributions.Count);
        foreach (var date in dates)
        {
            if (!date.Removed && !NonClaims.IsNonClaim(text, date.Span, quotes, mentions, sentences, facts, otherMatterKeys))
            {
                claims.Add(Claim(text, sentences, ClaimKind.Date, date.Span) with { Date = date.Value });
            }
        }

        foreach (var figure in figures)
        {
            if (NonClaims.IsNonClaim(text, figure.Span, quotes, mentions, sentences, facts, otherMatterKeys))
            {
                continue;
            }

            claims.Add(Claim(text, sentences, ClaimKind.Figure, figure.Span) with { Figure = figure.Value });
        }

        claims.AddRange(attributions);
        foreach (var quote in quotes)
        {
            var (personText, personId, fromPrevious) = QuoteSpeaker.Find(text, sentences, facts, attributions, quote);
            if (personText is null)
            {
                // Words nobody is named for (an unnamed officer, a newspaper's phrase, scare quotes) are no quotation claim.
                continue;
            }

            claims.Add(Claim(text, sentences, ClaimKind.Quote, quote.Span) with
            {
                PersonText = personText,
                PersonId = personId,
                PersonFromContext = fromPrevious,
                ObjectText = text.Substring(quote.Inner.Offset, quote.Inner.Length),
            });
        }

        claims.Sort(static (a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Kind.CompareTo(b.Kind));
        return claims;
    }

    private static ExtractedClaim Claim(string text, SentenceMap sentences, ClaimKind kind, TextSpan span)
    {
        var sentence = sentences.For(span.Offset, span.Length);
        return new ExtractedClaim
        {
            Kind = kind,
            Offset = span.Offset,
            Length = span.Length,
            Text = text.Substring(span.Offset, span.Length),
            SentenceOffset = sentence.Offset,
            SentenceLength = sentence.Length,
        };
    }

    private sealed class DateCandidate(TextSpan span, DateValue value)
    {
        public TextSpan Span { get; } = span;
        public DateValue Value { get; } = value;
        public bool Removed { get; set; }
    }

    private readonly record struct FigureCandidate(TextSpan Span, FigureValue Value);

    private static List<DateCandidate> FindDates(string text, List<int> anchors)
    {
        // At most one date per anchor: sized once instead of grown through several arrays (large ones on a long text).
        var found = new List<DateCandidate>(anchors.Count);

        // "14 May" without a year takes the year of the date before it ("…in 1945. On 14 May…").
        int? contextYear = null;
        Span<int> starts = stackalloc int[CandidateStarts.MaxStarts];
        var consumed = 0;
        foreach (var anchor in anchors)
        {
            if (anchor < consumed)
            {
                continue;
            }

            var count = CandidateStarts.Fill(text, anchor, 6, consumed, starts);
            for (var i = 0; i < count; i++)
            {
                var start = starts[i];
                if (!CandidateStarts.MayStartDate(text, start) || !ClaimPatterns.StartsDate(text, start)
                    || DateParser.Parse(Window(text, start), contextYear) is not { } date || date.Length == 0
                    || start + date.Length <= anchor || ContextRules.IsNotADate(text, start, date))
                {
                    continue;
                }

                found.Add(new DateCandidate(new TextSpan(start, date.Length), date.Value));
                consumed = start + date.Length;
                contextYear = date.Value.To.Year;
                break;
            }
        }

        return found;
    }

    private static List<FigureCandidate> FindFigures(string text, List<int> anchors, List<DateCandidate> dates, CompiledFactSet facts)
    {
        var aboutMargin = facts.Numbers.ClaimAboutMargin;
        // At most one figure per anchor, as for dates.
        var found = new List<FigureCandidate>(anchors.Count);
        Span<int> starts = stackalloc int[CandidateStarts.MaxStarts];
        var consumed = 0;
        var d = 0;
        foreach (var anchor in anchors)
        {
            if (anchor < consumed)
            {
                continue;
            }

            var count = CandidateStarts.Fill(text, anchor, 3, consumed, starts);
            for (var i = 0; i < count; i++)
            {
                var start = starts[i];
                if (!CandidateStarts.MayStartFigure(text, start) || !ClaimPatterns.StartsFigure(text, start)
                    || FigureParser.Parse(Window(text, start), aboutMargin) is not { } figure || figure.Length == 0
                    || start + figure.Start + figure.Length <= anchor || ContextRules.IsNotAFigure(text, start + figure.Start, figure))
                {
                    continue;
                }

                // "handed over 98%": a verb's particle, not the qualifier "over".
                if (figure.Value.Qualifier == "over" && ContextRules.IsVerbParticle(text, start + figure.Start))
                {
                    continue;
                }

                var span = new TextSpan(start + figure.Start, figure.Length);
                consumed = span.End;
                while (d < dates.Count && dates[d].Span.End <= span.Offset)
                {
                    d++;
                }

                if (Resolve(dates, d, span, figure) && Typed(text, span, figure, facts) is { } value)
                {
                    found.Add(new FigureCandidate(span, value));
                }

                break;
            }
        }

        return found;
    }

    /// <summary>
    /// The figure with what it counts; null when it counts something no measure has (an age, a length of time, a
    /// factor, horses): such a number says nothing the fact set could check, so it is no claim here.
    /// </summary>
    private static FigureValue? Typed(string text, TextSpan span, ParsedFigure figure, CompiledFactSet facts)
    {
        var value = figure.Value;
        if (!figure.UnitStated)
        {
            var type = FigureTyper.Type(text, span.Offset, span.End, facts.IsPersonWord);
            value = value with { Unit = type.Unit, UnitImplied = type.Implied };
        }

        if (IsYearLikeCount(text, span, value) || IsPrice(text, span, value, facts))
        {
            return null;
        }

        return value.UnitImplied || facts.HasUnit(value.Unit) ? value : null;
    }

    /// <summary>
    /// "1888", "1869", "1888–1945" with no counted noun: years the date reader does not take (before 1900, or in a
    /// range a date cannot hold), not counts of people.
    /// </summary>
    private static bool IsYearLikeCount(string text, TextSpan span, FigureValue value)
    {
        if (!value.UnitImplied || value.Vague || text.AsSpan(span.Offset, span.Length).Contains(','))
        {
            return false;
        }

        return value.Low is >= 1000 and <= 2099 && value.Low == Math.Floor(value.Low)
               && (value.High == value.Low || value.High is >= 1000 and <= 2099) && value.Qualifier is null;
    }

    /// <summary>"$35.00", "£11.99", "£ 5": a price with pence or cents, or a sum far smaller than any the fact set holds in that currency.</summary>
    private static bool IsPrice(string text, TextSpan span, FigureValue value, CompiledFactSet facts)
    {
        if (value.Unit is not ("GBP" or "USD" or "EUR" or "RUB"))
        {
            return false;
        }

        var written = text.AsSpan(span.Offset, span.Length);
        var dot = written.LastIndexOf('.');
        return (dot > 0 && written.Length - dot - 1 == 2 && char.IsAsciiDigit(written[^1]) && char.IsAsciiDigit(written[^2]))
               || (facts.SmallestValue(value.Unit) is var smallest && !double.IsInfinity(smallest) && value.High * 100 < smallest);
    }

    /// <summary>The longest figure or date ("between 14 August 1946 and 9 May 1947") fits in this many characters.</summary>
    private const int MaxClaimLength = 120;

    private static ReadOnlySpan<char> Window(string text, int start) => text.AsSpan(start, Math.Min(MaxClaimLength, text.Length - start));

    /// <summary>
    /// A figure that overlaps a date gives way to it ("between 1946 and 1948" is a date range), unless the
    /// figure strictly contains the date and says it counts ("£1945", "at least 1950").
    /// </summary>
    private static bool Resolve(List<DateCandidate> dates, int first, TextSpan figure, ParsedFigure parsed)
    {
        var keep = true;
        for (var i = first; i < dates.Count && dates[i].Span.Offset < figure.End; i++)
        {
            var date = dates[i].Span;
            var contains = figure.Offset <= date.Offset && figure.End >= date.End && figure.Length > date.Length;
            if (contains && (parsed.HasMarker || IsCountQualifier(parsed.Value.Qualifier)))
            {
                dates[i].Removed = true;
            }
            else if (!dates[i].Removed)
            {
                keep = false;
            }
        }

        return keep;
    }

    private static bool IsCountQualifier(string? qualifier) => qualifier is "at least" or "no fewer than" or "no less than"
        or "more than" or "well over" or "just over" or "in excess of" or "upwards of" or "nearly" or "almost" or "some"
        or "up to" or "as many as" or "fewer than" or "less than" or "an estimated" or "a total of" or "roughly" or "approximately";
}
