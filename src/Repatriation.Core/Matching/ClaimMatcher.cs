using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Semantic;

namespace Repatriation.Core.Matching;

/// <summary>Decides a claim's status against the fact set (see the contract's status table).</summary>
/// <param name="semantic">Sentence similarity as a second reading of figures and dates the words tie to nothing (opt-in, support only).</param>
public sealed class ClaimMatcher(SemanticReader? semantic = null)
{
    /// <summary>Matches every claim of a text; claims in text order share their sentence's preparation.</summary>
    public IReadOnlyList<MatchOutcome> MatchAll(IReadOnlyList<ExtractedClaim> claims, string text, CompiledFactSet facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var outcomes = new MatchOutcome[claims.Count];
        var words = claims.Count == 0 ? null : new TextTokens(text);
        SentenceContext? sentence = null;
        var second = claims.Count == 0 ? null : semantic?.Begin(facts, cancellationToken);
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            if (sentence is null || sentence.Offset != claim.SentenceOffset)
            {
                // Between sentences: a request whose client left or whose time ran out stops here.
                cancellationToken.ThrowIfCancellationRequested();
                sentence = new SentenceContext(text, claim.SentenceOffset, claim.SentenceLength, ClaimsInSentence(claims, claim.SentenceOffset), facts, words);
            }

            outcomes[i] = Match(facts, claim, sentence);
            if (second is not null)
            {
                outcomes[i] = second.Reconsider(claim, sentence, outcomes[i]);
            }
        }

        return outcomes;
    }

    private static List<ExtractedClaim> ClaimsInSentence(IReadOnlyList<ExtractedClaim> all, int sentenceOffset)
    {
        // Claims are in text order; binary search to the sentence, then walk it.
        int lo = 0, hi = all.Count - 1, start = all.Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (all[mid].SentenceOffset >= sentenceOffset)
            {
                start = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var list = new List<ExtractedClaim>();
        for (var i = start; i < all.Count && all[i].SentenceOffset == sentenceOffset; i++)
        {
            list.Add(all[i]);
        }

        return list;
    }

    private static MatchOutcome Match(CompiledFactSet facts, ExtractedClaim claim, SentenceContext sentence) => facts.Grader.Grade(claim, claim.Kind switch
    {
        ClaimKind.Figure => MatchFigure(facts, claim, sentence),
        ClaimKind.Date => facts.Dates.Match(claim, sentence),
        ClaimKind.Attribution => facts.Attributions.MatchAttribution(claim, sentence),
        ClaimKind.Quote => facts.Attributions.MatchQuote(claim, sentence),
        _ => Outcomes.Unsupported(claim),
    });

    /// <summary>
    /// A figure is read by the terms around it first. Where they find nothing that bears it out (and no sure error),
    /// a fact that gives exactly this figure may: "399 former Russian soldiers" is the FRUS count of those to be
    /// entrained at Dachau, whatever words the text uses.
    /// </summary>
    private static MatchOutcome MatchFigure(CompiledFactSet facts, ExtractedClaim claim, SentenceContext sentence)
    {
        var byTerms = MatchFigureByTerms(facts, claim, sentence);
        if (byTerms.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed
            || (VerdictGrader.IsStrong(byTerms.Status) && byTerms.Confidence >= facts.Numbers.StrongThreshold))
        {
            return byTerms;
        }

        return facts.Figures.ByValue(sentence, claim, PeriodFor(claim, sentence, facts.Numbers.PeriodMaxDistance)) is { } byValue
            ? facts.FigureOutcomes.Describe(claim, byValue.Verdict, null) with
            {
                Confidence = byValue.Confidence,
                Reading = new MatchReading(ReadingRule.FigureByValue, ReadingTraits.None, byValue.Verdict.Candidate.Measure.Id),
            }
            : byTerms;
    }

    /// <summary>
    /// "5,716 people (1.8%) to the defense industry": a percentage in brackets after a count restates it as a share
    /// of whatever whole the text counts from, which need not be the measure's.
    /// </summary>
    private static bool BracketedShare(ExtractedClaim claim, SentenceContext sentence)
    {
        if (claim.Figure?.Unit != FigureParser.Percent)
        {
            return false;
        }

        var text = sentence.Text;
        var at = claim.Offset - 1;
        while (at >= 0 && text[at] == ' ')
        {
            at--;
        }

        if (at < 0 || text[at] != '(')
        {
            return false;
        }

        // The count and at most its noun before the bracket: "5,716 people (1.8%)", "4,337 (1.4%)".
        foreach (var other in sentence.Claims)
        {
            if (other.Kind == ClaimKind.Figure && other.Figure?.Unit != FigureParser.Percent && other.Offset + other.Length <= at)
            {
                var between = text.AsSpan(other.Offset + other.Length, at - other.Offset - other.Length).Trim();
                if (between.Length <= 20 && !between.ContainsAny(",;:.()") && between.Count(' ') <= 1)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static MatchOutcome MatchFigureByTerms(CompiledFactSet facts, ExtractedClaim claim, SentenceContext sentence)
    {
        var kind = DateMatcher.MeasureKindOf(claim.Figure!);
        var candidates = facts.Figures.Candidates(sentence, claim, kind);
        if (candidates.Count == 0)
        {
            return Outcomes.Unsupported(claim);
        }

        var period = PeriodFor(claim, sentence, facts.Numbers.PeriodMaxDistance);
        var verdicts = candidates.Select(c => sentence.Weighed(c, claim, period, facts.Figures))
            .Where(v => v.Status != ClaimStatuses.Unsupported)
            .Where(v => !v.Candidate.FromContext || v.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
            .ToList();
        if (verdicts.Count == 0)
        {
            return Outcomes.Unsupported(claim);
        }

        // A measure whose place was only carried from earlier sentences yields to one the clause scopes by itself.
        if (verdicts.Any(v => !v.Candidate.PlaceCarried && !v.Candidate.ScopeNarrower && !v.Candidate.ScopeBroader) && verdicts.Any(v => v.Candidate.PlaceCarried))
        {
            verdicts = verdicts.Where(v => !v.Candidate.PlaceCarried).ToList();
        }

        // Same-scope measures first; among the nearest-named ones, the reading the facts bear out best.
        var exact = verdicts.Where(v => !v.Candidate.ScopeBroader).ToList();
        var pool = exact.Count > 0 ? exact : verdicts;
        var nearest = pool.Min(v => v.Candidate.Distance);
        var chosen = pool.Where(v => v.Candidate.Distance <= nearest + facts.Numbers.FigureReadingSlack).MinBy(v => Outcomes.Rank(v.Status))!;
        if (exact.Count > 0 && Outcomes.Rank(chosen.Status) > 1)
        {
            // A wider-scope reading that fits in value explains the error better ("repatriated persons" for POWs).
            var broader = verdicts.Where(v => v.Candidate.ScopeBroader && v.Status == ClaimStatuses.Imprecise && v.Reason == "scope").MinBy(v => v.Candidate.Distance);
            if (broader is not null && broader.Candidate.Distance <= nearest)
            {
                chosen = broader;
            }
        }

        var (confidence, traits) = FigureConfidence(facts, claim, sentence, chosen, pool);
        return facts.FigureOutcomes.Describe(claim, chosen, period) with
        {
            Confidence = confidence,
            Reading = new MatchReading(ReadingRule.FigureByTerms, traits, chosen.Candidate.Measure.Id),
        };
    }

    /// <summary>
    /// How sure the figure's reading is: how near its term stands (or whether it was only named before), whether
    /// the claim names the group and place the measure counts, whether another reading as near would say otherwise,
    /// and, for a value called wrong, whether it is so far off every fact that it is more likely about something else.
    /// </summary>
    private static (double Confidence, ReadingTraits Traits) FigureConfidence(CompiledFactSet facts, ExtractedClaim claim, SentenceContext sentence, FigureVerdict chosen, List<FigureVerdict> pool)
    {
        var numbers = facts.Numbers;
        var candidate = chosen.Candidate;
        var confidence = candidate.FromContext
            ? numbers.ContextReadingConfidence
            : VerdictGrader.Naming(numbers, candidate.Distance, numbers.FigureTermMaxDistance);
        var traits = candidate.FromContext ? ReadingTraits.Context
            : candidate.Distance <= numbers.PlainTermDistance ? ReadingTraits.Plain : ReadingTraits.None;
        traits |= (candidate.ByActionOnly ? ReadingTraits.None : ReadingTraits.OwnTerm)
                  | (candidate.ScopeBroader ? ReadingTraits.ScopeBroader : ReadingTraits.None)
                  | (candidate.ScopeNarrower ? ReadingTraits.ScopeNarrower : ReadingTraits.None)
                  | (candidate.PlaceCarried ? ReadingTraits.PlaceCarried : ReadingTraits.None)
                  | (chosen.Reason == "period" ? ReadingTraits.Period : ReadingTraits.None)
                  | (chosen.Reason is "apart" or "apart-period-ignored" or "part-exceeds-whole" ? ReadingTraits.Apart : ReadingTraits.None)
                  | (claim.Figure!.UnitImplied ? ReadingTraits.UnitImplied : ReadingTraits.None)
                  | (candidate.OtherFigureNearer ? ReadingTraits.OtherFigureNearer : ReadingTraits.None)
                  | (BracketedShare(claim, sentence) ? ReadingTraits.BracketedShare : ReadingTraits.None);

        var good = chosen.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed;
        var rival = pool.Any(v => !ReferenceEquals(v, chosen) && v.Candidate.Measure.Id != candidate.Measure.Id
                                  && v.Candidate.Distance <= candidate.Distance + numbers.FigureReadingSlack
                                  && (v.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed) != good);
        if (rival)
        {
            confidence *= numbers.RivalReadingFactor;
            traits |= ReadingTraits.Rival;
        }

        var scope = sentence.ScopeOf(claim);
        var unsaid = (candidate.Measure.Population is not null && scope.Population is null) || (candidate.Measure.Place is not null && scope.Place is null);
        if (unsaid)
        {
            confidence *= numbers.UnsaidScopeFactor;
            traits |= ReadingTraits.ScopeUnsaid;
        }

        // Named only by its action ("hanged") and by nothing that is the measure's own (a term, its group, its place):
        // any measure of that action would have fitted as well.
        if (candidate.ByActionOnly && scope.Population is null && scope.Place is null)
        {
            confidence *= numbers.ActionOnlyFactor;
            traits |= ReadingTraits.ActionOnly;
        }

        if (!good)
        {
            // A strong verdict needs the measure named in the figure's own clause and a value beyond every estimate and
            // its rounding: a figure that only overlaps an estimate's hedge, or a loose quantity within reach of it, is
            // near the sourced figure, and a measure named across a clause break may be another clause's subject.
            // Such readings are no surer than one carried from the sentences before.
            if (chosen.Reason is "overlap" or "vague" || candidate.AcrossClause)
            {
                confidence = Math.Min(confidence, numbers.ContextReadingConfidence);
                traits |= (candidate.AcrossClause ? ReadingTraits.AcrossClause : ReadingTraits.None) | (chosen.Reason is "overlap" or "vague" ? ReadingTraits.Overlap : ReadingTraits.None);
            }

            var claimInterval = Interval.OfClaim(claim.Figure!);
            if (chosen.Reason != "period" && chosen.Deciding.Count > 0
                && chosen.Deciding.Min(f => facts.ValueOf(f).RatioApart(claimInterval)) > numbers.ImplausibleRatio)
            {
                confidence *= 0.5;
                traits |= ReadingTraits.Implausible;
            }

            // A precise figure another measure gives exactly ("1,539,475", "£124,900") is more likely that measure's
            // than a wrong one of this; round figures ("two million") are too common to tell.
            // A looser figure that another measure bears out is at least ambiguous. Neither applies to a count weighed for
            // the period a date gives, nor to a figure that fits a narrower group (that misfit is the verdict).
            var figure = claim.Figure!;
            if (chosen.Reason is not ("period" or "scope"))
            {
                // The figure's own number, give or take its rounding ("£0.5m" is £500,000; "about 1.5 million" rounds
                // 1,539,475), given by another measure: the text most likely cites that measure.
                var nominal = figure.Vague || double.IsInfinity(figure.High) ? double.NaN
                    : figure.Qualifier is null or "exactly" or "precisely" ? figure.Low : (figure.Low + figure.High) / 2;
                if (!double.IsNaN(nominal) && nominal > 0
                    && facts.OtherMeasureHolds(new Interval(nominal - figure.Tolerance, nominal + figure.Tolerance), figure.Unit, candidate.Measure.Id))
                {
                    confidence *= numbers.OtherMeasureValueFactor;
                    traits |= ReadingTraits.OtherMeasureValue;
                }
                else if (facts.OtherMeasureHolds(claimInterval, figure.Unit, candidate.Measure.Id))
                {
                    confidence *= numbers.RivalReadingFactor;
                    traits |= ReadingTraits.OtherMeasureValue | ReadingTraits.Rival;
                }
            }

            // "Thousands", "several million": a loose count is called wrong only when its measure is plainly named.
            if (figure.Vague && figure.Unit != FigureParser.Percent)
            {
                confidence *= numbers.VagueReadingFactor;
                traits |= ReadingTraits.Vague;
            }
        }

        if (chosen.Deciding.Count > 0 && chosen.Deciding.All(f => f.Weak))
        {
            confidence = Math.Min(confidence, numbers.ContextReadingConfidence);
            traits |= ReadingTraits.WeakOnly;
        }

        return (confidence, traits);
    }

    /// <summary>A year or range close to the figure in the same clause, not inside the figure itself, bounds it.</summary>
    internal static DateValue? PeriodFor(ExtractedClaim claim, SentenceContext sentence, int maxDistance)
    {
        var (first, last) = sentence.TokenSpan(claim);
        var figures = sentence.Claims.Where(c => c.Kind == ClaimKind.Figure && !ReferenceEquals(c, claim)).Select(sentence.TokenSpan).ToList();

        // A date nearer another figure is that figure's ("by 1 March 1946, 4,199,488…, and in 1945 alone 3,888,721"); a
        // date right beside an event's name is the event's ("the 1944 Yalta Conference"), not the figure's period.
        // (Loose names are never exact, so the sentence's own hits are all there is to look at: no loose search.)
        var events = sentence.HitsOf(TermOwner.Measure).Where(h => !h.Entry.Loose && h.Entry.MeasureKind == Facts.MeasureKinds.Date)
            .Concat(sentence.HitsOf(TermOwner.Act)).ToList();
        return sentence.Claims
            .Where(c => c.Kind == ClaimKind.Date && c.Date is not null && (c.Offset + c.Length <= claim.Offset || c.Offset >= claim.Offset + claim.Length))
            .Select(c => (Claim: c, Span: sentence.TokenSpan(c)))
            .Where(x => !events.Any(h => h.DistanceTo(x.Span.First, x.Span.Last) <= 1))
            .Select(x => (x.Claim, x.Span, Distance: SentenceContext.TokensApart(x.Span, (first, last))))
            .Where(x => x.Distance <= maxDistance && !figures.Any(f => SentenceContext.TokensApart(x.Span, f) < x.Distance))
            .OrderBy(x => x.Distance)
            .Select(x => x.Claim.Date)
            .FirstOrDefault();
    }
}
