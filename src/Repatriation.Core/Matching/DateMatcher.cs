using System.Globalization;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>
/// Dates are checked against what the sentence ties them to: an event (a date measure), an act, a work's year,
/// or, when the date bounds a figure ("between 1946 and 1948 several million…"), that figure's period.
/// </summary>
internal sealed class DateMatcher(CompiledFactSet compiled)
{
    private readonly FactIndex index = compiled.Index;
    private readonly Dictionary<string, Act> _acts = compiled.Index.FactSet.Acts.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    private FigureMatcher figures => compiled.Figures;

    // Every span the fact set dates an event (a date measure's fact) or an act to, worked out once: a date none of them
    // holds, and none of the events holds it within its course, can be borne out by nothing named before it.
    private readonly (Interval Span, bool Event)[] _datedSpans = DatedSpans(compiled.Index);

    // Every fact's and act's date parsed once (keyed by reference: records would hash every field); dates are weighed
    // against the same few events for every date claim, and parsing the stored text each time cost more than the test.
    private readonly Dictionary<FactDate, Interval?> _intervals = ParsedDates(compiled.Index);

    private static Dictionary<FactDate, Interval?> ParsedDates(FactIndex index)
    {
        var parsed = new Dictionary<FactDate, Interval?>(ReferenceEqualityComparer.Instance);
        foreach (var (_, facts) in index.FactsByMeasure)
        {
            foreach (var fact in facts)
            {
                if (fact.Date is not null)
                {
                    parsed.TryAdd(fact.Date, FactInterval(fact.Date));
                }

                if (fact.Period is not null)
                {
                    parsed.TryAdd(fact.Period, FactInterval(fact.Period));
                }
            }
        }

        foreach (var act in index.FactSet.Acts)
        {
            if (act.Date is not null)
            {
                parsed.TryAdd(act.Date, FactInterval(act.Date));
            }
        }

        return parsed;
    }

    private Interval? IntervalOf(FactDate date) => _intervals.TryGetValue(date, out var interval) ? interval : FactInterval(date);

    private static (Interval Span, bool Event)[] DatedSpans(FactIndex index)
    {
        var spans = new List<(Interval, bool)>();
        foreach (var (measureId, facts) in index.FactsByMeasure)
        {
            if (!index.Measures.TryGetValue(measureId, out var measure) || measure.Kind != MeasureKinds.Date)
            {
                continue;
            }

            foreach (var fact in facts)
            {
                if (fact.Date is not null && FactInterval(fact.Date) is { } span)
                {
                    spans.Add((span, true));
                }
            }
        }

        foreach (var act in index.FactSet.Acts)
        {
            if (act.Date is not null && FactInterval(act.Date) is { } span)
            {
                spans.Add((span, false));
            }
        }

        return [.. spans];
    }

    /// <summary>Some event or act the fact set dates could bear this date out (see AsEvent and AsActDate with supportOnly).</summary>
    private bool AnyDatedSpanFits(Interval claim)
    {
        foreach (var (span, isEvent) in _datedSpans)
        {
            if (isEvent ? BearsOut(span, claim) : span.RelationTo(claim) == Relation.Inside)
            {
                return true;
            }
        }

        return false;
    }
    private EvidenceBuilder evidence => compiled.Evidence;
    private FigureOutcomes figureOutcomes => compiled.FigureOutcomes;

    public MatchOutcome Match(ExtractedClaim claim, SentenceContext sentence)
    {
        // Per-thread scratch, taken for this call (a nested call would find none and make its own).
        var options = t_options ?? new List<DateOption>();
        t_options = null;
        options.Clear();
        try
        {
            return Decide(claim, sentence, options);
        }
        finally
        {
            options.Clear();
            t_options = options;
        }
    }

    [ThreadStatic]
    private static List<DateOption>? t_options;

    private MatchOutcome Decide(ExtractedClaim claim, SentenceContext sentence, List<DateOption> options)
    {
        var numbers = compiled.Numbers;
        var date = claim.Date!;
        var (first, last) = sentence.TokenSpan(claim);

        foreach (var figureClaim in sentence.Claims)
        {
            if (figureClaim.Kind != ClaimKind.Figure || figureClaim.Figure is null)
            {
                continue;
            }

            var (ff, fl) = sentence.TokenSpan(figureClaim);
            var distance = SentenceContext.TokensApart((first, last), (ff, fl));
            var kind = MeasureKindOf(figureClaim.Figure!);
            var candidates = figures.Candidates(sentence, figureClaim, kind);
            if (candidates.Count == 0 && figures.ByValue(sentence, figureClaim, null) is { } byValue)
            {
                // "4,199,488 repatriates by 1 March 1946": the measure a fact gives this very figure for dates it too.
                candidates = [byValue.Verdict.Candidate];
            }

            if (candidates.Count > 0 && distance <= numbers.PeriodMaxDistance)
            {
                // The figure's own period reading already requires the two to stand close (see PeriodFor).
                options.Add(new(Math.Min(distance, numbers.DateDisagreeMaxDistance), VerdictGrader.Naming(numbers, distance, numbers.PeriodMaxDistance), ReadingRule.DatePeriod, Plain(distance)) { Subject = figureClaim, Candidates = candidates });
            }
        }

        // "On 28 May 1946 the Cossack officers were taken to a conference at Spittal": a date that opens the sentence
        // dates its whole first clause, so the words after it count for less.
        var fronted = first <= 1 && (first == 0 || compiled.Rules.Words.FrontedDateWords.Contains(sentence.Tokens[0].Norm));

        // Hits grouped by what they name, in the order first named (as GroupBy would), keeping only date measures: no
        // other measure can date anything, so nothing is weighed for the many counts a shared phrase names.
        foreach (var (ownerId, group) in ByOwner(sentence.HitsWithLoose(TermOwner.Measure), sentence, first, last, dateMeasuresOnly: true))
        {
            var distance = MinDistance(sentence, group, first, last, fronted);
            var loose = AllLooseApart(sentence, group);
            var gapped = !loose && AllLoose(group);
            if (!loose && AllProtagonistsUnsaid(sentence, ownerId, group))
            {
                // "His son had been captured by the Germans in 1941": whose capture? Not the one the fact set dates.
                loose = true;
            }

            if (distance <= numbers.DateEventMaxDistance && index.Measures.TryGetValue(ownerId, out var measure) && measure.Kind == MeasureKinds.Date)
            {
                options.Add(new(distance, loose ? numbers.ContextReadingConfidence : VerdictGrader.Naming(numbers, distance, numbers.DateEventMaxDistance) * (gapped ? numbers.GappedTermFactor : 1), ReadingRule.DateEvent, Plain(distance) | Naming(loose, gapped)) { Subject = measure, SupportOnly = loose });
            }
        }

        foreach (var (ownerId, group) in ByOwner(sentence.HitsWithLoose(TermOwner.Act), sentence, first, last, dateMeasuresOnly: false))
        {
            var act = _acts.GetValueOrDefault(ownerId);
            var distance = MinDistance(sentence, group, first, last, fronted);
            var loose = AllLooseApart(sentence, group);
            var gapped = !loose && AllLoose(group);
            if (act?.Date is not null && distance <= numbers.DateEventMaxDistance)
            {
                options.Add(new(distance, loose ? numbers.ContextReadingConfidence : VerdictGrader.Naming(numbers, distance, numbers.DateEventMaxDistance) * (gapped ? numbers.GappedTermFactor : 1), ReadingRule.DateAct, Plain(distance) | Naming(loose, gapped)) { Subject = act, SupportOnly = loose });
            }
        }

        if (date.From.Year == date.To.Year && date.From == new DateOnly(date.From.Year, 1, 1) && date.To == new DateOnly(date.From.Year, 12, 31))
        {
            foreach (var hit in sentence.HitsOf(TermOwner.Work))
            {
                var work = index.Works[hit.Entry.OwnerId];
                var distance = sentence.Distance(hit, first, last);
                if (work.Year is not null && distance <= numbers.WorkYearMaxDistance)
                {
                    options.Add(new(distance, VerdictGrader.Naming(numbers, distance, numbers.WorkYearMaxDistance), ReadingRule.DateWorkYear, Plain(distance)) { Subject = work });
                }
            }
        }

        // "Julius Epstein's book of 1973": the year of a work by the person the sentence credits with one.
        if (date.From.Year == date.To.Year && date.From == new DateOnly(date.From.Year, 1, 1) && date.To == new DateOnly(date.From.Year, 12, 31)
            && sentence.HitsOf(TermOwner.Work).Count == 0)
        {
            // "…an estimate he first published in Russian in 1996": a publication year for whoever the sentence credits.
            var lookback = numbers.PublicationCueLookback;
            var published = false;
            var from = Math.Max(0, first - lookback);
            for (var i = from; i < from + Math.Min(lookback, first) && !published; i++)
            {
                published = compiled.Rules.Words.PublicationCues.Contains(sentence.Tokens[i].Norm);
            }

            foreach (var author in sentence.Claims)
            {
                if (author.Kind != ClaimKind.Attribution || author.PersonId is null || !(published || author.Verb is "authored" or "wrote"))
                {
                    continue;
                }

                var (af, al) = sentence.TokenSpan(author);
                var distance = published ? 0 : SentenceContext.TokensApart((first, last), (af, al));
                var work = WorkOf(author.PersonId, date.From.Year);
                if (work is not null && distance <= numbers.WorkYearMaxDistance)
                {
                    options.Add(new(distance, VerdictGrader.Naming(numbers, distance, numbers.WorkYearMaxDistance), ReadingRule.DateAuthorYear, Plain(distance)) { Subject = work });
                }
            }
        }

        // "at Plattling at dawn on 24 February 1946": a place where the fact set dates a single event can bear a date
        // beside it out, never refute it (the sentence may date something else that happened there); only when the
        // sentence names no event, act or figure to date.
        foreach (var hit in options.Count == 0 ? sentence.HitsOf(TermOwner.Place) : [])
        {
            var distance = DistanceTo(sentence, hit, first, last, fronted);
            if (distance <= numbers.DateDisagreeMaxDistance && compiled.DatedEventAt(hit.Entry.OwnerId) is { } measure)
            {
                options.Add(new(distance, numbers.ContextReadingConfidence, ReadingRule.DatePlace, ReadingTraits.Loose) { Subject = measure, SupportOnly = true });
            }
        }

        // "was sued by Aldington in 1989": the act an attribution in the sentence names by its person and verb can
        // bear a date beside it out (the act's one date may not be the one a text gives for a long affair, so it never
        // refutes); only when nothing else in the sentence is dated.
        foreach (var attribution in options.Count == 0 ? sentence.Claims : [])
        {
            if (attribution.Kind != ClaimKind.Attribution || attribution.PersonId is null || attribution.Verb is null)
            {
                continue;
            }

            var (af, al) = sentence.TokenSpan(attribution);
            var distance = SentenceContext.TokensApart((first, last), (af, al));
            if (distance <= numbers.DateDisagreeMaxDistance)
            {
                foreach (var act in compiled.DatedActsOf(attribution.PersonId!, AttributionMatcher.PastForm(attribution.Verb)!))
                {
                    options.Add(new(distance, numbers.ContextReadingConfidence, ReadingRule.DatePersonAct, ReadingTraits.Loose) { Subject = act, SupportOnly = true });
                }
            }
        }

        if (options.Count == 0)
        {
            return FromContext(claim, sentence) ?? Unread(claim);
        }

        // The readings named within the slack of the nearest, nearest first (ties in the order found); the one the
        // facts bear out best wins, the nearer on a tie.
        var nearest = int.MaxValue;
        foreach (var option in options)
        {
            nearest = Math.Min(nearest, option.Distance);
        }

        // Distance then index is a total order, so an insertion sort gives what a sort by (distance, index) would.
        Span<int> order = options.Count <= 64 ? stackalloc int[options.Count] : new int[options.Count];
        var kept = 0;
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Distance <= nearest + numbers.DateReadingSlack)
            {
                var at = kept++;
                while (at > 0 && options[order[at - 1]].Distance > options[i].Distance)
                {
                    order[at] = order[at - 1];
                    at--;
                }

                order[at] = i;
            }
        }

        order = order[..kept];
        var yearFactor = date.YearInferred ? numbers.InferredYearFactor : 1;
        MatchOutcome? best = null;
        var bestDistance = 0;
        var bestRank = int.MaxValue;
        foreach (var i in order)
        {
            if (Outcome(options[i], sentence, claim) is not { } outcome)
            {
                continue;
            }

            var rank = Outcomes.Rank(outcome.Status);
            if (rank < bestRank)
            {
                var traits = options[i].Traits | (date.YearInferred ? ReadingTraits.InferredYear : ReadingTraits.None) | (fronted ? ReadingTraits.Fronted : ReadingTraits.None)
                             | (outcome.Confidence < 1 && outcome.Status == ClaimStatuses.Contradicted ? ReadingTraits.YearsApart : ReadingTraits.None);
                best = outcome with
                {
                    Confidence = outcome.Confidence * options[i].Reading * yearFactor,
                    Reading = new MatchReading(options[i].Rule, traits, outcome.Evidence.Count > 0 ? outcome.Evidence[0].FactId : null),
                };
                bestRank = rank;
                bestDistance = options[i].Distance;
                if (rank == 0)
                {
                    // Nothing ranks above supported and a later reading must rank strictly higher to win, so the
                    // readings left need not be weighed (nor their messages written).
                    break;
                }
            }
        }

        if (best is null)
        {
            return FromContext(claim, sentence) ?? Unread(claim);
        }

        // A date is held against an event only when the two stand together; a wrong verdict from a distant
        // mention would be a false alarm, so nothing is said instead.
        return bestRank >= Outcomes.Rank(ClaimStatuses.Imprecise) && bestDistance > numbers.DateDisagreeMaxDistance
            ? Outcomes.Unsupported(claim)
            : best;
    }

    /// <summary>A reading of a date, weighed only if it is among the nearest: what it reads the date against, and how it was named.</summary>
    private readonly record struct DateOption(int Distance, double Reading, ReadingRule Rule, ReadingTraits Traits)
    {
        /// <summary>What the date is weighed against: the figure (with <see cref="Candidates"/>), the measure, the act or the work.</summary>
        public object? Subject { get; init; }
        public IReadOnlyList<MeasureCandidate>? Candidates { get; init; }
        public bool SupportOnly { get; init; }
    }

    private MatchOutcome? Outcome(in DateOption option, SentenceContext sentence, ExtractedClaim claim) => option.Rule switch
    {
        ReadingRule.DatePeriod => AsPeriod(sentence, claim, (ExtractedClaim)option.Subject!, option.Candidates!),
        ReadingRule.DateEvent or ReadingRule.DatePlace => AsEvent(claim, (Measure)option.Subject!, option.SupportOnly),
        ReadingRule.DateAct or ReadingRule.DatePersonAct => AsActDate(claim, (Act)option.Subject!, option.SupportOnly),
        ReadingRule.DateWorkYear or ReadingRule.DateAuthorYear => AsWorkYear(claim, (Work)option.Subject!),
        _ => throw new InvalidOperationException($"No date reading {option.Rule}."),
    };

    /// <summary>The first work (in the fact set's order) by this person that appeared in this year or has it as another year.</summary>
    private Work? WorkOf(string personId, int year)
    {
        foreach (var work in index.FactSet.Works)
        {
            if (work.Authors.Contains(personId) && (work.Year == year || work.AlternativeYears.Contains(year)))
            {
                return work;
            }
        }

        return null;
    }

    private int MinDistance(SentenceContext sentence, List<TermHit> group, int first, int last, bool fronted)
    {
        var min = int.MaxValue;
        foreach (var h in group)
        {
            min = Math.Min(min, DistanceTo(sentence, h, first, last, fronted));
        }

        return min;
    }

    private int DistanceTo(SentenceContext sentence, TermHit hit, int first, int last, bool fronted)
    {
        var numbers = compiled.Numbers;
        var distance = sentence.Distance(hit, first, last);
        return fronted && hit.FirstToken > last && distance - (hit.FirstToken - last) < numbers.ClauseBreakPenalty
            ? (int)Math.Ceiling(distance * numbers.FrontedDateWeight)
            : distance;
    }

    /// <summary>
    /// "The Potsdam Conference opened on 17 July 1945, weeks after the Lienz handovers": a word of time between the
    /// date and an event's name says the date is not the event's.
    /// </summary>
    private bool Relative(SentenceContext sentence, TermHit hit, int first, int last)
    {
        var (from, to) = hit.LastToken < first ? (hit.LastToken + 1, first - 1) : (last + 1, hit.FirstToken - 1);
        for (var i = from; i <= to; i++)
        {
            if (compiled.Rules.Words.TemporalRelationWords.Contains(sentence.Tokens[i].Norm))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The hits not set apart by a word of time (and, for measures, only date measures' outside quotations), grouped by
    /// owner in the order first named (GroupBy's order, without its lookup).
    /// </summary>
    private List<(string OwnerId, List<TermHit> Hits)> ByOwner(IReadOnlyList<TermHit> hits, SentenceContext sentence, int first, int last, bool dateMeasuresOnly)
    {
        var groups = new List<(string OwnerId, List<TermHit> Hits)>();
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];
            // An exact measure term carries its measure's kind: most hits of a shared phrase are counts, dropped unlooked-up.
            if (dateMeasuresOnly && ((hit.Entry.MeasureKind is { } kind && kind != MeasureKinds.Date)
                                     || !index.Measures.TryGetValue(hit.Entry.OwnerId, out var m) || m.Kind != MeasureKinds.Date
                                     || InsideQuote(sentence, hit)))
            {
                continue;
            }

            if (Relative(sentence, hit, first, last))
            {
                continue;
            }

            var found = false;
            foreach (var (ownerId, list) in groups)
            {
                if (ownerId == hit.Entry.OwnerId)
                {
                    list.Add(hit);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                groups.Add((hit.Entry.OwnerId, [hit]));
            }
        }

        return groups;
    }

    private static bool InsideQuote(SentenceContext sentence, TermHit hit)
    {
        foreach (var c in sentence.Claims)
        {
            if (c.Kind == ClaimKind.Quote && sentence.InsideClaim(hit, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every hit is a loose name whose words stand apart (not compact): a weak reference.</summary>
    private static bool AllLooseApart(SentenceContext sentence, List<TermHit> group)
    {
        foreach (var h in group)
        {
            if (!(h.Entry.Loose && !sentence.IsCompact(h)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllLoose(List<TermHit> group)
    {
        foreach (var h in group)
        {
            if (!h.Entry.Loose)
            {
                return false;
            }
        }

        return true;
    }

    private bool AllProtagonistsUnsaid(SentenceContext sentence, string measureId, List<TermHit> group)
    {
        foreach (var h in group)
        {
            if (!(compiled.ProtagonistsUnsaid(measureId, h.Entry) is { Count: > 0 } people && !sentence.MentionsAny(people)))
            {
                return false;
            }
        }

        return true;
    }

    private ReadingTraits Plain(int distance) => distance <= compiled.Numbers.PlainTermDistance ? ReadingTraits.Plain : ReadingTraits.None;

    private static ReadingTraits Naming(bool loose, bool gapped) => (loose ? ReadingTraits.Loose : ReadingTraits.None) | (gapped ? ReadingTraits.Gapped : ReadingTraits.None);

    /// <summary>
    /// A date nothing in the sentence or before it ties to the fact set: unsupported, unless none of its years is one
    /// the subject's facts, acts or works touch ("in 1938 Epstein fled Europe", "the peerage created in 1962"), in which
    /// case it is about another matter and no claim.
    /// </summary>
    private MatchOutcome Unread(ExtractedClaim claim) =>
        compiled.TouchesSubjectYears(claim.Date!.From.Year, claim.Date.To.Year) ? Outcomes.Unsupported(claim) : Outcomes.NotAClaim(claim);

    /// <summary>
    /// "It was signed on 11 February 1945": the event was named a sentence or two before. Context can bear a date
    /// out but not refute it, since the sentence may have moved on to something else.
    /// </summary>
    private MatchOutcome? FromContext(ExtractedClaim claim, SentenceContext sentence)
    {
        // The first supported reading wins (as the lowest rank, first found); else the first disputed one. Readings
        // are weighed in the order named, measures before acts, and none after the first supported one.
        if (!AnyDatedSpanFits(Interval.OfDate(claim.Date!.From, claim.Date.To)))
        {
            // Nothing could bear it out, so the terms of the sentences before need not be found.
            return null;
        }

        var hits = sentence.ContextHits;
        MatchOutcome? disputed = null;
        HashSet<string>? seen = null;
        foreach (var owner in (ReadOnlySpan<TermOwner>)[TermOwner.Measure, TermOwner.Act])
        {
            seen?.Clear();
            foreach (var hit in hits)
            {
                // An exact measure term carries its measure's kind: a count's weighs nothing here, so it is dropped
                // before its owner is hashed (its owner's every hit would be dropped alike).
                if (hit.Entry.Owner != owner || (hit.Entry.MeasureKind is { } kind && kind != MeasureKinds.Date)
                    || !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(hit.Entry.OwnerId))
                {
                    continue;
                }

                var id = hit.Entry.OwnerId;
                var outcome = owner == TermOwner.Measure
                    ? index.Measures.TryGetValue(id, out var measure) && measure.Kind == MeasureKinds.Date ? AsEvent(claim, measure, supportOnly: true) : null
                    : _acts.GetValueOrDefault(id) is { Date: not null } act ? AsActDate(claim, act, supportOnly: true) : null;
                if (outcome?.Status == ClaimStatuses.Supported)
                {
                    return Contextual(outcome);
                }

                if (outcome?.Status == ClaimStatuses.Disputed)
                {
                    disputed ??= outcome;
                }
            }
        }

        return disputed is null ? null : Contextual(disputed);
    }

    private MatchOutcome Contextual(MatchOutcome best) => best with
    {
        Confidence = compiled.Numbers.ContextReadingConfidence,
        Reading = new MatchReading(ReadingRule.DateContext, ReadingTraits.Context, best.Evidence.Count > 0 ? best.Evidence[0].FactId : null),
    };

    public static string MeasureKindOf(FigureValue figure) => figure.Unit switch
    {
        "percent" => MeasureKinds.Percentage,
        "GBP" or "USD" or "EUR" or "RUB" => MeasureKinds.Amount,
        _ => MeasureKinds.Count,
    };

    /// <remarks>
    /// <paramref name="supportOnly"/>: a weak reference (a loose or carried name) may only bear the date out, so a
    /// reading that would not is dropped before its message is written.
    /// </remarks>
    internal MatchOutcome? AsEvent(ExtractedClaim claim, Measure measure, bool supportOnly = false)
    {
        if (!index.FactsByMeasure.TryGetValue(measure.Id, out var list))
        {
            return null;
        }

        var claimInterval = Interval.OfDate(claim.Date!.From, claim.Date.To);
        if (supportOnly && !AnyBearsOut(list, claimInterval))
        {
            // Decided before anything is listed or written: only an inside or "during" reading can be kept.
            return null;
        }

        var facts = list.Where(f => f.Date is not null).ToList();
        if (facts.Count == 0)
        {
            return null;
        }

        var weighed = facts.Select(f => (Fact: f, Relation: IntervalOf(f.Date!)?.RelationTo(claimInterval))).Where(x => x.Relation is not null).ToList();
        var inside = weighed.Where(x => x.Relation == Relation.Inside).Select(x => x.Fact).ToList();
        if (inside.Count > 0)
        {
            // Only a date that cannot be the same day as a matched one disagrees ("February 1946" does not
            // dispute "24 February 1946").
            // A weak page's other date does not make a firm one disputed.
            var rivals = facts.Where(f => !FigureMatcher.ContainsReference(inside, f))
                .Where(f => (!f.Weak || inside.All(m => m.Weak))
                            && inside.All(m => IntervalOf(f.Date!) is { } r && IntervalOf(m.Date!) is { } q && r.RelationTo(q) == Relation.Apart && q.RelationTo(r) == Relation.Apart))
                .ToList();
            inside = [.. inside.OrderBy(f => f.Weak)];
            if (rivals.Count > 0)
            {
                var all = inside.Concat(rivals).OrderBy(f => f.Weak).ToList();
                return new MatchOutcome(ClaimStatuses.Disputed,
                    $"Sources disagree on the date of {EventName(measure)}: {DatesByWhom(all)}.",
                    all.Select(evidence.From).ToList(),
                    $"Give both dates: {DatesByWhom(all)}.");
            }

            return new MatchOutcome(ClaimStatuses.Supported,
                $"{Capitalised(EventName(measure))} is dated {EvidenceBuilder.FormatDate(inside[0].Date!)} ({evidence.Citation(inside[0].Sources)}).",
                inside.Select(evidence.From).ToList(), null);
        }

        // A day within an event that lasted months ("on 9 May 1947", the last day of Keelhaul) fits it.
        var during = weighed.Where(x => x.Relation == Relation.Overlap && IntervalOf(x.Fact.Date!) is { } span && claimInterval.RelationTo(span) == Relation.Inside)
            .Select(x => x.Fact).ToList();
        if (during.Count > 0)
        {
            return new MatchOutcome(ClaimStatuses.Supported,
                $"“{claim.Text}” falls within {EventName(measure)}, {EvidenceBuilder.FormatDate(during[0].Date!)} ({evidence.Citation(during[0].Sources)}).",
                during.Select(evidence.From).ToList(), null);
        }

        if (supportOnly)
        {
            return null;
        }

        var overlap = weighed.Where(x => x.Relation == Relation.Overlap && !x.Fact.Weak).Select(x => x.Fact).ToList();
        if (overlap.Count > 0 && HoldsPart(claim.Date!))
        {
            return new MatchOutcome(ClaimStatuses.Unsupported,
                $"No fact in the fact set settles this date. Closest fact: {EventName(measure)} ran {EvidenceBuilder.FormatDate(overlap[0].Date!)} ({evidence.Citation(overlap[0].Sources)}); “{claim.Text}” holds part of it.",
                overlap.Select(evidence.From).ToList(), null);
        }

        if (overlap.Count > 0)
        {
            return new MatchOutcome(ClaimStatuses.Imprecise,
                $"{Capitalised(EventName(measure))} ran {EvidenceBuilder.FormatDate(overlap[0].Date!)}; “{claim.Text}” only partly fits.",
                overlap.Select(evidence.From).ToList(),
                $"{EvidenceBuilder.FormatDate(overlap[0].Date!)} ({evidence.Citation(overlap[0].Sources)})");
        }

        // Only the firm sources can call a date wrong; a weak page's date never stands first or goes into the suggestion.
        if (facts.All(f => f.Weak))
        {
            return null;
        }

        var best = facts.First(f => !f.Weak);
        return new MatchOutcome(ClaimStatuses.Contradicted,
            $"{Capitalised(EventName(measure))} is dated {EvidenceBuilder.FormatDate(best.Date!)}, not “{claim.Text}”.",
            facts.OrderBy(f => f.Weak).Select(evidence.From).ToList(),
            $"{EvidenceBuilder.FormatDate(best.Date!)} ({evidence.Citation(best.Sources)})")
        {
            Confidence = YearsApart(claim.Date!, facts.Select(f => IntervalOf(f.Date!))) >= compiled.Numbers.ImplausibleYearsApart ? 0.5 : 1,
        };
    }

    /// <summary>Some dated fact holds the claimed date, or the claimed date falls within its course: AsEvent's two supported readings.</summary>
    private bool AnyBearsOut(IReadOnlyList<Fact> facts, Interval claimInterval)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            if (fact.Date is null || IntervalOf(fact.Date) is not { } span)
            {
                continue;
            }

            if (BearsOut(span, claimInterval))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The span holds the claimed date, or the claimed date falls within its course ("on 9 May 1947", the last day of Keelhaul).</summary>
    private static bool BearsOut(Interval span, Interval claim)
    {
        var relation = span.RelationTo(claim);
        return relation == Relation.Inside || (relation == Relation.Overlap && claim.RelationTo(span) == Relation.Inside);
    }

    /// <summary>"the execution of Vlasov", "Operation Keelhaul": a measure's name as the subject of a sentence.</summary>
    private static string EventName(Measure measure) =>
        measure.Name.Length > 0 && char.IsUpper(measure.Name[0]) ? measure.Name : "the " + measure.Name;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Whole years between a claimed date and the nearest of the event's dates.</summary>
    private static int YearsApart(DateValue claim, IEnumerable<Interval?> dates)
    {
        var years = int.MaxValue;
        foreach (var date in dates)
        {
            if (date is not { } d)
            {
                continue;
            }

            var from = DateOnly.FromDayNumber((int)d.Low).Year;
            var to = DateOnly.FromDayNumber((int)d.High).Year;
            var apart = claim.To.Year < from ? from - claim.To.Year : claim.From.Year > to ? claim.From.Year - to : 0;
            years = Math.Min(years, apart);
        }

        return years;
    }

    /// <summary>
    /// "Operation Keelhaul ended in 1947": one year, season or month (the rules' <c>partOfSpanPrecisions</c>) that holds
    /// part of an event or act is no error of precision, since the event did take place then; only a claim finer
    /// than the event's span ("between 1 and 15 June 1945" for 28 May – 7 June) is called imprecise.
    /// </summary>
    private bool HoldsPart(DateValue date)
    {
        if (!compiled.Rules.Words.PartOfSpanPrecisions.Contains(date.Precision.ToString()))
        {
            return false;
        }

        return date.Precision switch
        {
            DatePrecision.Year => date.From.Year == date.To.Year,
            DatePrecision.Month => date.From.Year == date.To.Year && date.From.Month == date.To.Month,
            DatePrecision.Season => date.To.DayNumber - date.From.DayNumber <= 92,
            _ => false,
        };
    }

    internal MatchOutcome? AsActDate(ExtractedClaim claim, Act act, bool supportOnly = false)
    {
        var interval = IntervalOf(act.Date!);
        if (interval is null)
        {
            return null;
        }

        var relation = interval.Value.RelationTo(Interval.OfDate(claim.Date!.From, claim.Date.To));
        if (supportOnly && relation != Relation.Inside)
        {
            return null;
        }

        var when = EvidenceBuilder.FormatDate(act.Date!);
        return relation switch
        {
            Relation.Inside => new MatchOutcome(ClaimStatuses.Supported, $"{Sentence(act.Description)} ({when}).", [evidence.From(act)], null),
            Relation.Overlap when HoldsPart(claim.Date!) => new MatchOutcome(ClaimStatuses.Unsupported,
                $"No fact in the fact set settles this date. Closest fact: {Sentence(act.Description)} ({when}; {evidence.Citation(act.Sources)}); “{claim.Text}” holds part of it.",
                [evidence.From(act)], null),
            Relation.Overlap => new MatchOutcome(ClaimStatuses.Imprecise, $"{act.Description} The date is {when}; “{claim.Text}” only partly fits.", [evidence.From(act)], $"{when} ({evidence.Citation(act.Sources)})"),
            _ => new MatchOutcome(ClaimStatuses.Contradicted, $"{Sentence(act.Description)}; this is dated {when}, not “{claim.Text}”.", [evidence.From(act)], $"{when} ({evidence.Citation(act.Sources)})")
            {
                Confidence = YearsApart(claim.Date!, [interval]) >= compiled.Numbers.ImplausibleYearsApart ? 0.5 : 1,
            },
        };
    }

    private MatchOutcome AsWorkYear(ExtractedClaim claim, Work work)
    {
        var year = claim.Date!.From.Year;
        var years = work.AlternativeYears.Prepend(work.Year!.Value).Distinct().ToList();
        if (year == work.Year)
        {
            return new MatchOutcome(ClaimStatuses.Supported, $"{work.Title} appeared in {year}.", [evidence.From(work)], null);
        }

        if (!years.Contains(year))
        {
            return new MatchOutcome(ClaimStatuses.Contradicted,
                $"{work.Title} appeared in {EvidenceBuilder.YearsOf(work)}, not {year}.",
                [evidence.From(work)], $"{work.Title} ({EvidenceBuilder.YearsOf(work)}; {evidence.Citation(work.Sources)})");
        }

        return years.Count > 1
            ? new MatchOutcome(ClaimStatuses.Disputed,
                $"Sources date {work.Title} to {EvidenceBuilder.YearsOf(work)}; {year} is one of them.",
                [evidence.From(work)], work.Note is null ? null : $"{work.Title} ({EvidenceBuilder.YearsOf(work)})")
            : new MatchOutcome(ClaimStatuses.Supported, $"{work.Title} appeared in {year}.", [evidence.From(work)], null);
    }

    private MatchOutcome? AsPeriod(SentenceContext sentence, ExtractedClaim dateClaim, ExtractedClaim figureClaim, IReadOnlyList<MeasureCandidate> candidates)
    {
        // A measure whose verdict for this period could give neither a period's sum, nor a count dated to the
        // period, nor a one-place event's date is not weighed (see FigureMatcher.MayDate): its verdict is filtered
        // out below anyway.
        var verdicts = new List<FigureVerdict>();
        foreach (var candidate in candidates)
        {
            if (!figures.MayDate(candidate, dateClaim.Date!))
            {
                continue;
            }

            var verdict = sentence.Weighed(candidate, figureClaim, dateClaim.Date, figures);
            if (!verdict.Candidate.FromContext || verdict.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
            {
                verdicts.Add(verdict);
            }
        }

        // Only readings in which the facts themselves carry dates can say anything about the date: yearly counts,
        // a count taken on that day, or a one-place event count (the nearest-named one, as for the figure itself).
        var periodic = verdicts.Where(v => v.Reason == "period").ToList();
        var withDates = verdicts.Where(v => v.PeriodFact is not null).ToList();
        var events = verdicts.Where(v => v.Reason.EndsWith("period-ignored", StringComparison.Ordinal)).ToList();
        var chosen = periodic.Count > 0 ? periodic.MinBy(v => Outcomes.Rank(v.Status))
            : withDates.Count > 0 ? withDates.MinBy(v => Outcomes.Rank(v.Status))
            : events.FirstOrDefault();
        if (chosen is null || chosen.Status == ClaimStatuses.Unsupported)
        {
            return null;
        }

        // The figure's own outcome lends its evidence to two of the verdicts below only: written when one is reached.
        MatchOutcome FigureOutcome() => figureOutcomes.Describe(figureClaim, chosen, dateClaim.Date);
        var reading = chosen.Candidate.FromContext
            ? compiled.Numbers.ContextReadingConfidence
            : VerdictGrader.Naming(compiled.Numbers, chosen.Candidate.Distance, compiled.Numbers.FigureTermMaxDistance);
        MatchOutcome Read(MatchOutcome outcome) => outcome with { Confidence = reading };
        if (chosen.Reason.EndsWith("period-ignored", StringComparison.Ordinal))
        {
            // The count belongs to one event; the date beside it is right only if it is that event's date.
            var dated = chosen.Deciding.FirstOrDefault(f => f.Period is not null);
            if (dated is null || IntervalOf(dated.Period!) is not { } when)
            {
                return null;
            }

            var fits = when.RelationTo(Interval.OfDate(dateClaim.Date!.From, dateClaim.Date.To)) != Relation.Apart;
            if (!fits && SharesYear(dated.Period!, dateClaim.Date))
            {
                // "When the Allies marched into Germany in early 1945, they found some 6.5 to 7.5 million": when a
                // count was taken and when the text says it was found are seldom the same day; within the year the
                // date is not called wrong.
                return null;
            }

            return Read(fits
                ? new MatchOutcome(ClaimStatuses.Supported, $"{Capitalised(EventName(chosen.Candidate.Measure))} is dated {EvidenceBuilder.FormatDate(dated.Period!)}.", [evidence.From(dated)], null)
                : new MatchOutcome(ClaimStatuses.Contradicted,
                    $"{Capitalised(EventName(chosen.Candidate.Measure))} is dated {EvidenceBuilder.FormatDate(dated.Period!)}, not “{dateClaim.Text}”.",
                    [evidence.From(dated)], $"{EvidenceBuilder.FormatDate(dated.Period!)} ({evidence.Citation(dated.Sources)})"));
        }

        if (chosen.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
        {
            return Read(new MatchOutcome(ClaimStatuses.Supported,
                $"The sourced figures for {dateClaim.Text} bear out “{figureClaim.Text}”.", FigureOutcome().Evidence, null));
        }

        // The figure fits another period of the same measure: the date, not the number, is what is wrong.
        var otherPeriod = chosen.Reason == "period"
            ? chosen.All.Where(f => f.Period is not null && f.Value is not null
                                    && compiled.ValueOf(f).RelationTo(Interval.OfClaim(figureClaim.Figure!)) != Relation.Apart)
                .MaxBy(f => (double)f.Value!.High)
            : null;
        // The number may be wrong, but a count is sourced for exactly this date: the date itself is right.
        if (chosen.Reason != "period" && verdicts.FirstOrDefault(v => v.PeriodFact is not null) is { PeriodFact: { } counted })
        {
            return Read(new MatchOutcome(ClaimStatuses.Supported,
                $"A sourced count is dated {EvidenceBuilder.FormatDate(counted.Period!)}: {counted.Statement}", [evidence.From(counted)], null));
        }

        if (chosen.Reason == "period" && otherPeriod is not null)
        {
            var unit = chosen.Candidate.Measure.Unit;
            var when = EvidenceBuilder.FormatDate(otherPeriod.Period!);
            var fitting = $"{EvidenceBuilder.FormatNumber((double)otherPeriod.Value!.High, unit)} in {when}";
            return Read(new MatchOutcome(ClaimStatuses.Contradicted,
                $"Only {EvidenceBuilder.FormatNumber(chosen.Aggregate!.Value.Low, unit)} {chosen.Candidate.Measure.Name} fall in the period “{dateClaim.Text}”; a figure like “{figureClaim.Text}” belongs to {when} ({fitting}).",
                FigureOutcome().Evidence, $"in {when} ({fitting}; {evidence.Citation(otherPeriod.Sources)})"));
        }

        return null;
    }

    private static string Sentence(string description) => description.TrimEnd().TrimEnd('.');

    /// <summary>The fact's period and the claimed date have a calendar year in common.</summary>
    private static bool SharesYear(FactDate period, DateValue claimed) =>
        FactDates.TryParse(period, out var d) && d.From.Year <= claimed.To.Year && d.To.Year >= claimed.From.Year;

    private static Interval? FactInterval(FactDate date) =>
        FactDates.TryParse(date, out var d) ? Interval.OfDate(d.From, d.To) : null;

    private string DatesByWhom(IEnumerable<Fact> facts) =>
        EvidenceBuilder.JoinAnd(facts.Select(f => $"{EvidenceBuilder.FormatDate(f.Date!)} ({evidence.EstimatorName(f) ?? evidence.Citation(f.Sources)})").Distinct().ToList());
}
