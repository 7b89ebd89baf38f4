using Repatriation.Core.Checking;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Semantic;

/// <summary>
/// One check's use of <see cref="SemanticReader"/>: reconsiders the figures and dates the words tied to nothing.
/// Each sentence (or window) is embedded at most once per pass.
/// </summary>
internal sealed class SemanticPass(SemanticReader reader, CompiledFactSet facts, SemanticFactIndex index, CancellationToken cancellationToken)
{
    private readonly SemanticSettings _settings = reader.Settings;
    private readonly Dictionary<(int Start, int End), float[]> _queries = [];

    /// <summary>
    /// The lexical outcome, or a better-founded one: supported or disputed when a measure, event or act alike to the
    /// sentence holds a value that fits; unsupported naming the closest fact otherwise. Never a strong verdict
    /// (unless the strong experiment is switched on in the settings).
    /// </summary>
    public MatchOutcome Reconsider(ExtractedClaim claim, SentenceContext sentence, MatchOutcome lexical)
    {
        if (!lexical.IsClaim || lexical.Status != ClaimStatuses.Unsupported || claim.Kind is not (ClaimKind.Figure or ClaimKind.Date))
        {
            return lexical;
        }

        var demoted = lexical.Evidence.Count > 0;
        if (demoted && !_settings.ReconsiderDemoted)
        {
            return lexical;
        }

        var query = Query(claim, sentence);
        var found = claim.Kind == ClaimKind.Figure ? Figure(claim, sentence, query) : Date(claim, query);
        return found ?? (demoted ? lexical : Closest(claim, query, lexical) ?? lexical);
    }

    private MatchOutcome? Figure(ExtractedClaim claim, SentenceContext sentence, float[] query)
    {
        var figure = claim.Figure!;
        var kind = DateMatcher.MeasureKindOf(figure);
        var neighbours = index.Nearest(query, e => e.Measure is { } m && m.Kind == kind && FigureMatcher.UnitsAgree(m, figure));
        if (neighbours.Count == 0)
        {
            return null;
        }

        var numbers = facts.Numbers;
        var scope = sentence.ScopeOf(claim);
        var period = ClaimMatcher.PeriodFor(claim, sentence, numbers.PeriodMaxDistance);
        var top = neighbours[0].Similarity;
        var loose = IsLoose(figure);
        var floor = Math.Max(loose ? _settings.LooseSupportSimilarity : _settings.SupportSimilarity, top - _settings.RivalMargin);
        foreach (var neighbour in neighbours.TakeWhile(n => n.Similarity >= floor).Take(loose && _settings.LooseTopOnly ? 1 : int.MaxValue))
        {
            var measure = neighbour.Best.Measure!;
            if (ScopeOf(measure, scope) is not { } broader)
            {
                continue;
            }

            var verdict = facts.Figures.Weigh(new MeasureCandidate(measure, numbers.FigureTermMaxDistance, 0, broader, FromContext: true), claim, period);
            if (verdict.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
            {
                return facts.FigureOutcomes.Describe(claim, verdict, period) with { Confidence = Math.Round(neighbour.Similarity, 2) };
            }
        }

        // Experiment: a measure far more alike than any other, whose firm facts the value misses.
        if (top >= _settings.StrongSimilarity && (neighbours.Count == 1 || top - neighbours[1].Similarity >= _settings.StrongMargin)
            && ScopeOf(neighbours[0].Best.Measure!, scope) is { } topBroader)
        {
            var verdict = facts.Figures.Weigh(new MeasureCandidate(neighbours[0].Best.Measure!, numbers.FigureTermMaxDistance, 0, topBroader), claim, period);
            if (verdict.Status is ClaimStatuses.Contradicted or ClaimStatuses.Imprecise)
            {
                return facts.FigureOutcomes.Describe(claim, verdict, period) with { Confidence = Math.Round(top, 2) };
            }
        }

        return null;
    }

    /// <summary>
    /// The figure's group and place against the measure's. Strictly, as the lexical reading does; otherwise a place the
    /// text leaves unsaid does not exclude a measure counted at one place (the likeness of the sentence stands for it),
    /// while a group or place the text names still must fit.
    /// </summary>
    private bool? ScopeOf(Measure measure, ClaimScope scope)
    {
        var strict = facts.Figures.ScopeOf(measure, scope);
        if (strict is not null || _settings.StrictScope || measure.Place is null || scope.Place is not null)
        {
            return strict;
        }

        return facts.Figures.ScopeOf(measure with { Place = null }, scope);
    }

    private MatchOutcome? Date(ExtractedClaim claim, float[] query)
    {
        var neighbours = index.Nearest(query, e => e.Act is not null || e.Measure is { Kind: MeasureKinds.Date });
        if (neighbours.Count == 0)
        {
            return null;
        }

        var days = Days(claim.Date!.From, claim.Date.To);
        var wide = days > PreciseDays;
        var floor = Math.Max(_settings.SupportSimilarity, neighbours[0].Similarity - _settings.RivalMargin);
        foreach (var neighbour in neighbours.TakeWhile(n => n.Similarity >= floor))
        {
            var loose = wide || Contains(neighbour.Best, days);
            if (loose && (neighbour.Similarity < _settings.LooseSupportSimilarity || (_settings.LooseTopOnly && neighbour != neighbours[0])))
            {
                continue;
            }

            var outcome = neighbour.Best.Act is { } act ? facts.Dates.AsActDate(claim, act) : facts.Dates.AsEvent(claim, neighbour.Best.Measure!);
            if (outcome?.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
            {
                return outcome with { Confidence = Math.Round(neighbour.Similarity, 2) };
            }
        }

        var top = neighbours[0];
        if (top.Similarity >= _settings.StrongSimilarity && (neighbours.Count == 1 || top.Similarity - neighbours[1].Similarity >= _settings.StrongMargin))
        {
            var outcome = top.Best.Act is { } act ? facts.Dates.AsActDate(claim, act) : facts.Dates.AsEvent(claim, top.Best.Measure!);
            if (outcome?.Status is ClaimStatuses.Contradicted or ClaimStatuses.Imprecise)
            {
                return outcome with { Confidence = Math.Round(top.Similarity, 2) };
            }
        }

        return null;
    }

    /// <summary>A date span longer than this (a season, a year) fits many events by chance.</summary>
    private const int PreciseDays = 31;

    private static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>
    /// An event or act every date of which is longer than the claim's, so that the claim can only fall within it: the
    /// week of the Yalta Conference holds "4 February 1945", the day its agreements were not signed.
    /// </summary>
    private bool Contains(SemanticEntry entry, int claimDays)
    {
        if (entry.Act is { Date: { } actDate })
        {
            return !FactDates.TryParse(actDate, out var d) || Days(d.From, d.To) > claimDays;
        }

        var dated = facts.Index.FactsByMeasure.TryGetValue(entry.OwnerId, out var list) ? list.Where(f => f.Date is not null).ToList() : [];
        return dated.Count == 0 || dated.All(f => !FactDates.TryParse(f.Date!, out var d) || Days(d.From, d.To) > claimDays);
    }

    /// <summary>A figure that fits many facts by chance: vague, bounded, a range, or fewer than three significant digits.</summary>
    private static bool IsLoose(FigureValue figure)
    {
        if (figure.Vague || figure.Low <= 0 || double.IsInfinity(figure.High))
        {
            return true;
        }

        var nominal = figure.Low == figure.High ? figure.Low : (figure.Low + figure.High) / 2;
        if (figure.Low != figure.High && figure.Qualifier is not ("about" or "some" or "around" or "approximately" or "approx." or "roughly" or "c." or "ca." or "circa" or "an estimated" or "estimated"))
        {
            return true;
        }

        var digits = ((long)Math.Round(nominal)).ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return digits.Length < 3;
    }

    /// <summary>An unsupported claim's message names the fact of its own kind most alike to its sentence, when one is alike enough.</summary>
    private MatchOutcome? Closest(ExtractedClaim claim, float[] query, MatchOutcome lexical)
    {
        Func<SemanticEntry, bool> accept = claim.Kind == ClaimKind.Figure
            ? e => e.Measure is { } m && m.Kind == DateMatcher.MeasureKindOf(claim.Figure!) && FigureMatcher.UnitsAgree(m, claim.Figure!)
            : e => e.Measure is { Kind: MeasureKinds.Date };
        if (index.NearestFact(query, accept) is not { } nearest || nearest.Similarity < _settings.ClosestSimilarity)
        {
            return null;
        }

        var kind = ClaimChecker.KindName(claim.Kind);
        var evidence = facts.Evidence.From(nearest.Entry.Fact!);
        var statement = evidence.Statement.TrimEnd().TrimEnd('.');
        var cited = evidence.Sources.Count == 0 ? evidence.FactId : TextReportWriter.Cite(evidence.Sources[0]);
        return new MatchOutcome(ClaimStatuses.Unsupported,
            $"No fact in the fact set settles this {kind}. Closest fact: {statement} ({cited}). It may be about something else; check the {kind} against a source before publishing.",
            [evidence], null)
        {
            Confidence = lexical.Confidence,
        };
    }

    private float[] Query(ExtractedClaim claim, SentenceContext sentence)
    {
        var (start, end) = (sentence.Offset, sentence.Offset + sentence.Length);
        if (_settings.QueryWindowWords > 0 && sentence.Tokens.Count > 0)
        {
            var (first, last) = sentence.TokenSpan(claim);
            start = sentence.Tokens[Math.Max(0, first - _settings.QueryWindowWords)].Start;
            end = sentence.Tokens[Math.Min(sentence.Tokens.Count - 1, last + _settings.QueryWindowWords)].End;
        }

        if (!_queries.TryGetValue((start, end), out var vector))
        {
            _queries[(start, end)] = vector = reader.Embed(sentence.Text[start..end], cancellationToken);
        }

        return vector;
    }
}
