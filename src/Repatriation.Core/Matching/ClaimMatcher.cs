using System.Runtime.CompilerServices;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>Decides a claim's status against the fact set (see the contract's status table).</summary>
public sealed class ClaimMatcher
{
    private static readonly ConditionalWeakTable<FactIndex, Matchers> PerFactSet = new();

    /// <summary>Matches every claim of a text; claims in text order share their sentence's preparation.</summary>
    public IReadOnlyList<MatchOutcome> MatchAll(IReadOnlyList<ExtractedClaim> claims, string text, FactIndex index, CancellationToken cancellationToken = default)
    {
        var matchers = PerFactSet.GetValue(index, i => new Matchers(i));
        var outcomes = new MatchOutcome[claims.Count];
        var words = claims.Count == 0 ? null : new TextTokens(text);
        SentenceContext? sentence = null;
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            if (sentence is null || sentence.Offset != claim.SentenceOffset)
            {
                // Between sentences: a request whose client left or whose time ran out stops here.
                cancellationToken.ThrowIfCancellationRequested();
                sentence = new SentenceContext(text, claim.SentenceOffset, claim.SentenceLength, ClaimsInSentence(claims, claim.SentenceOffset), matchers.Terms, words);
            }

            outcomes[i] = matchers.Match(claim, sentence);
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

    private sealed class Matchers
    {
        public Matchers(FactIndex index)
        {
            Terms = TermIndex.For(index);
            var evidence = new EvidenceBuilder(index);
            Figures = new FigureMatcher(index);
            FigureOutcomes = new FigureOutcomes(index, evidence);
            Dates = new DateMatcher(index, Figures, evidence, FigureOutcomes);
            Attributions = new AttributionMatcher(index, evidence, Figures);
        }

        public TermIndex Terms { get; }
        public FigureMatcher Figures { get; }
        public FigureOutcomes FigureOutcomes { get; }
        public DateMatcher Dates { get; }
        public AttributionMatcher Attributions { get; }

        public MatchOutcome Match(ExtractedClaim claim, SentenceContext sentence) => claim.Kind switch
        {
            ClaimKind.Figure => MatchFigure(claim, sentence),
            ClaimKind.Date => Dates.Match(claim, sentence),
            ClaimKind.Attribution => Attributions.MatchAttribution(claim, sentence),
            ClaimKind.Quote => Attributions.MatchQuote(claim, sentence),
            _ => Outcomes.Unsupported(claim),
        };

        public MatchOutcome MatchFigure(ExtractedClaim claim, SentenceContext sentence)
        {
            // "ten to twenty years", "six months": a length of time, which no count measures.
            var (_, figureLast) = sentence.TokenSpan(claim);
            if (figureLast + 1 < sentence.Tokens.Count && sentence.Tokens[figureLast + 1].Norm is "year" or "month" or "week" or "day" or "hour" or "decade")
            {
                return Outcomes.Unsupported(claim);
            }

            var kind = DateMatcher.MeasureKindOf(claim.Figure!);
            var candidates = Figures.Candidates(sentence, claim, kind);
            if (candidates.Count == 0)
            {
                return Outcomes.Unsupported(claim);
            }

            var period = PeriodFor(claim, sentence);
            var verdicts = candidates.Select(c => Figures.Weigh(c, claim, period))
                .Where(v => v.Status != ClaimStatuses.Unsupported)
                .Where(v => !v.Candidate.FromContext || v.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
                .ToList();
            if (verdicts.Count == 0)
            {
                return Outcomes.Unsupported(claim);
            }

            // Same-scope measures first; among the nearest-named ones, the reading the facts bear out best.
            var exact = verdicts.Where(v => !v.Candidate.ScopeBroader).ToList();
            var pool = exact.Count > 0 ? exact : verdicts;
            var nearest = pool.Min(v => v.Candidate.Distance);
            var chosen = pool.Where(v => v.Candidate.Distance <= nearest + 4).MinBy(v => Outcomes.Rank(v.Status))!;
            if (exact.Count > 0 && Outcomes.Rank(chosen.Status) > 1)
            {
                // A wider-scope reading that fits in value explains the error better ("repatriated persons" for POWs).
                var broader = verdicts.Where(v => v.Candidate.ScopeBroader && v.Status == ClaimStatuses.Imprecise && v.Reason == "scope").MinBy(v => v.Candidate.Distance);
                if (broader is not null && broader.Candidate.Distance <= nearest)
                {
                    chosen = broader;
                }
            }

            return FigureOutcomes.Describe(claim, chosen, period);
        }

        /// <summary>A year or range close to the figure in the same clause, not inside the figure itself, bounds it.</summary>
        private static DateValue? PeriodFor(ExtractedClaim claim, SentenceContext sentence)
        {
            var (first, last) = sentence.TokenSpan(claim);
            static int Apart((int First, int Last) a, (int First, int Last) b) => a.Last < b.First ? b.First - a.Last : a.First > b.Last ? a.First - b.Last : 0;
            var figures = sentence.Claims.Where(c => c.Kind == ClaimKind.Figure && !ReferenceEquals(c, claim)).Select(sentence.TokenSpan).ToList();

            // A date nearer another figure is that figure's ("by 1 March 1946, 4,199,488…, and in 1945 alone 3,888,721").
            return sentence.Claims
                .Where(c => c.Kind == ClaimKind.Date && c.Date is not null && (c.Offset + c.Length <= claim.Offset || c.Offset >= claim.Offset + claim.Length))
                .Select(c => (Claim: c, Span: sentence.TokenSpan(c)))
                .Select(x => (x.Claim, x.Span, Distance: Apart(x.Span, (first, last))))
                .Where(x => x.Distance <= MaxPeriodDistance && !figures.Any(f => Apart(x.Span, f) < x.Distance))
                .OrderBy(x => x.Distance)
                .Select(x => x.Claim.Date)
                .FirstOrDefault();
        }

        private const int MaxPeriodDistance = 14;
    }
}
