using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>A measure a claim may speak to, with how well the sentence names it and how the scopes relate.</summary>
/// <remarks><see cref="FromContext"/>: named only in the sentences before, so it may bear the figure out but not refute it.</remarks>
/// <see cref="ScopeNarrower"/>: the claim counts a part of the measure's group ("civilians" of all repatriates), so the
/// measure can only show the claim too large (a part cannot exceed the whole).
internal sealed record MeasureCandidate(Measure Measure, int Distance, int TermLength, bool ScopeBroader, bool FromContext = false)
{
    public bool ScopeNarrower { get; init; }

    /// <summary>Only the measure's action named it ("hanged"), not a term of its own.</summary>
    public bool ByActionOnly { get; init; }

    /// <summary>The measure's place was not said with the figure, only earlier in the running context.</summary>
    public bool PlaceCarried { get; init; }

    /// <summary>The nearest term naming the measure stands in another clause than the figure (a ";", ":" or dash between).</summary>
    public bool AcrossClause { get; init; }

    /// <summary>
    /// The term naming the measure stands nearer another figure of the same kind in the sentence ("223,272 people were
    /// sent into military service and then to the army, 5,716 people (1.8%) to the defense industry"): it is that
    /// figure's term, and this one may count something else.
    /// </summary>
    public bool OtherFigureNearer { get; init; }
}

/// <summary>The facts of one measure weighed against one figure.</summary>
internal sealed record FigureVerdict(
    MeasureCandidate Candidate,
    string Status,
    IReadOnlyList<Fact> Deciding,
    IReadOnlyList<Fact> All,
    Interval? Aggregate,
    string Reason)
{
    /// <summary>A fact dated to the claim's period was among those weighed ("by 1 March 1946" is the date of a count).</summary>
    public Fact? PeriodFact { get; init; }
}

/// <summary>
/// Matches counts, percentages and sums against measures of the same kind named in the sentence, in the same
/// scope: the fact set's population and place hierarchy decides "same", "wider" (wrong scope) or "other".
/// </summary>
internal sealed class FigureMatcher(CompiledFactSet compiled)
{
    private readonly FactIndex index = compiled.Index;

    public IReadOnlyList<MeasureCandidate> Candidates(SentenceContext sentence, ExtractedClaim claim, string kind) =>
        sentence.CandidatesFor(claim, kind, () => FindCandidates(sentence, claim, kind));

    private IReadOnlyList<MeasureCandidate> FindCandidates(SentenceContext sentence, ExtractedClaim claim, string kind)
    {
        var direct = Candidates(sentence, claim, kind, sentence.HitsOf(TermOwner.Measure), fromContext: false);
        if (direct.Count > 0)
        {
            return direct;
        }

        // "In the following year the stream shrank to 195,273": what is counted was named a sentence earlier. A vague
        // quantity ("tens of thousands") could fit almost anything named before, so it gets no such help.
        if (claim.Figure?.Vague == true)
        {
            return direct;
        }

        var before = sentence.PrecedingHits.Where(h => h.Entry.Owner == TermOwner.Measure)
            .Select(h => new TermHit(h.Entry, 0, 0));
        return Candidates(sentence, claim, kind, before, fromContext: true);
    }

    private List<MeasureCandidate> Candidates(SentenceContext sentence, ExtractedClaim claim, string kind, IEnumerable<TermHit> hits, bool fromContext)
    {
        var (first, last) = sentence.TokenSpan(claim);
        var scope = sentence.ScopeOf(claim);
        var maxDistance = compiled.Numbers.FigureTermMaxDistance;
        var candidates = new List<MeasureCandidate>();
        if (!fromContext)
        {
            // "230,000 repatriated people ended up in the Gulag": an action word between the figure and its noun says
            // which people, not what happened to them, when the clause goes on to name something else.
            bool Attributive(TermHit h) => h.Entry.ByAction && h.FirstToken == last + 1 && h.LastToken + 1 < sentence.Tokens.Count
                && compiled.Rules.Words.UnitNouns.BaseOf(sentence.Tokens[h.LastToken + 1].Norm) == FigureParser.Persons;
            var any = false;
            foreach (var h in hits)
            {
                if (Attributive(h))
                {
                    any = true;
                    break;
                }
            }

            if (any)
            {
                var list = hits.ToList();
                if (list.Any(h => !Attributive(h) && h.FirstToken > last && index.Measures.TryGetValue(h.Entry.OwnerId, out var m) && m.Kind == kind))
                {
                    hits = list.Where(h => !Attributive(h)).ToList();
                }
            }
        }

        // Hits by measure, in the order first named. A phrase many measures share names dozens, so the list and the
        // index into it are per-thread scratch (nothing below asks for candidates again), not allocated per figure.
        var owners = t_owners ??= [];
        var ownerIndex = t_ownerIndex ??= new Dictionary<string, int>(StringComparer.Ordinal);
        owners.Clear();
        ownerIndex.Clear();
        int spanFirst = -1, spanLast = -1, spanDistance = 0;
        foreach (var hit in hits)
        {
            // A phrase many measures share gives one hit per measure, side by side: its distance is measured once.
            if (hit.FirstToken != spanFirst || hit.LastToken != spanLast)
            {
                (spanFirst, spanLast, spanDistance) = (hit.FirstToken, hit.LastToken, sentence.Distance(hit, first, last));
            }

            var d = spanDistance;
            if (!ownerIndex.TryGetValue(hit.Entry.OwnerId, out var at))
            {
                ownerIndex[hit.Entry.OwnerId] = owners.Count;
                owners.Add((hit.Entry.OwnerId, hit, d, hit.Entry.ByAction));
            }
            else
            {
                var o = owners[at];
                owners[at] = (o.Id, d < o.Distance ? hit : o.Best, Math.Min(d, o.Distance), o.ByAction && hit.Entry.ByAction);
            }
        }

        foreach (var (ownerId, best, nearest, byAction) in owners)
        {
            if (!index.Measures.TryGetValue(ownerId, out var measure) || measure.Kind != kind || !UnitsAgree(measure, claim.Figure!))
            {
                continue;
            }

            var distance = fromContext ? maxDistance : nearest;
            if (distance > maxDistance)
            {
                continue;
            }

            if (ScopeOf(measure, scope) is { } broader)
            {
                candidates.Add(new MeasureCandidate(measure, distance, best.Entry.Tokens.Length, broader, fromContext)
                {
                    ByActionOnly = byAction,
                    PlaceCarried = measure.Place is not null && scope.Place is null && !measure.PlaceImplied,
                    AcrossClause = !fromContext && nearest - best.DistanceTo(first, last) >= compiled.Numbers.ClauseBreakPenalty,
                    OtherFigureNearer = !fromContext && NearerFigure(sentence, claim, kind, best, nearest),
                });
            }
            else if (!fromContext && measure.Kind == MeasureKinds.Count && IsPartOf(measure, scope))
            {
                candidates.Add(new MeasureCandidate(measure, distance, best.Entry.Tokens.Length, false) { ScopeNarrower = true });
            }
        }

        // The measure counted at exactly the place named (Plattling, not all of western Germany) comes first.
        // A stable insertion sort in place: lists are short, and ties keep the order first named.
        for (var i = 1; i < candidates.Count; i++)
        {
            var item = candidates[i];
            var j = i;
            while (j > 0 && Order(candidates[j - 1], item, scope.Place) > 0)
            {
                candidates[j] = candidates[j - 1];
                j--;
            }

            candidates[j] = item;
        }

        return candidates;
    }

    /// <summary>Same-scope before narrower, narrower before wider, the measure of the place named first, then nearer, then the longer term.</summary>
    private static int Order(MeasureCandidate a, MeasureCandidate b, string? place)
    {
        var c = a.ScopeNarrower.CompareTo(b.ScopeNarrower);
        if (c == 0)
        {
            c = a.ScopeBroader.CompareTo(b.ScopeBroader);
        }

        if (c == 0)
        {
            c = AtPlace(b, place).CompareTo(AtPlace(a, place));
        }

        if (c == 0)
        {
            c = a.Distance.CompareTo(b.Distance);
        }

        return c != 0 ? c : b.TermLength.CompareTo(a.TermLength);
    }

    private static bool AtPlace(MeasureCandidate candidate, string? place) => candidate.Measure.Place is not null && candidate.Measure.Place == place;

    [ThreadStatic]
    private static List<(string Id, TermHit Best, int Distance, bool ByAction)>? t_owners;

    [ThreadStatic]
    private static Dictionary<string, int>? t_ownerIndex;

    /// <summary>
    /// Like with like only: kilometres are never weighed against persons, nor pounds against dollars. A count whose
    /// noun is unsaid may be of anything a count measure counts.
    /// </summary>
    internal static bool UnitsAgree(Measure measure, FigureValue figure)
    {
        var unit = measure.Unit ?? (measure.Kind == MeasureKinds.Percentage ? FigureParser.Percent : FigureParser.Persons);
        return unit == figure.Unit || (figure.UnitImplied && measure.Kind == MeasureKinds.Count);
    }

    /// <summary>The claim names a group inside the measure's, at the same place (or neither names one).</summary>
    private bool IsPartOf(Measure measure, ClaimScope scope) =>
        measure.Population is { } whole && scope.Population is { } part && part != whole && index.IsWithinPopulation(part, whole)
        && measure.Place is null && scope.Place is null;

    /// <summary>null: the measure counts another group or place; true: the claim names a wider group than the measure.</summary>
    internal bool? ScopeOf(Measure measure, ClaimScope scope)
    {
        var broader = false;
        if (measure.Population is { } measurePopulation && scope.Population is { } claimPopulation && measurePopulation != claimPopulation)
        {
            if (index.IsWithinPopulation(measurePopulation, claimPopulation))
            {
                // "out of the 312,594 people who passed through the filtration camps": a generic noun names no
                // wider group than the measure's, so it is no error of scope.
                broader = !scope.PopulationGeneric;
            }
            else
            {
                // A narrower or another group than the measure counts: the measure does not speak to it.
                return null;
            }
        }

        // A count made at one place speaks only to texts that put the figure there (or said where a sentence earlier).
        if (measure.Place is null)
        {
            return scope.Place is null ? broader : null;
        }

        bool Fits(string place) => index.IsWithinPlace(place, measure.Place) || index.IsWithinPlace(measure.Place, place);
        if (scope.Place is { } claimPlace)
        {
            return Fits(claimPlace) ? broader : null;
        }

        return measure.PlaceImplied || scope.ContextPlaces.Any(Fits) ? broader : null;
    }

    /// <summary>
    /// A measure one of whose facts gives exactly the figure: accepted when the sentence (or the two before) names the
    /// measure, its group or its place, or when the figure is specific enough (three significant digits: "399",
    /// "4,199,488") to be a citation by itself. Such a reading can only bear the figure out.
    /// </summary>
    public (FigureVerdict Verdict, double Confidence)? ByValue(SentenceContext sentence, ExtractedClaim claim, DateValue? period) =>
        sentence.ByValue(claim, period, this);

    /// <summary>Asked for by the figure itself, by each date beside it and by estimates: found once per period (see <see cref="SentenceContext.ByValue"/>).</summary>
    internal (FigureVerdict Verdict, double Confidence)? FindByValue(SentenceContext sentence, ExtractedClaim claim, DateValue? period)
    {
        // Only a figure that states one number ("399", "about 20,000") can cite one: not a bound ("more than 300,000"),
        // not a range, not a vague quantity. Its own number, give or take its rounding, must be the fact's.
        var figure = claim.Figure!;
        double nominal;
        if (figure.Vague || figure.Low <= 0 || double.IsInfinity(figure.High))
        {
            return null;
        }

        if (figure.Qualifier is null or "exactly" or "precisely" && figure.Low == figure.High)
        {
            nominal = figure.Low;
        }
        else if (figure.Qualifier is "about" or "some" or "around" or "approximately" or "approx." or "roughly" or "c." or "ca." or "circa" or "an estimated" or "estimated")
        {
            nominal = (figure.Low + figure.High) / 2;
        }
        else
        {
            return null;
        }

        var interval = new Interval(nominal - figure.Tolerance, nominal + figure.Tolerance);
        var specific = SignificantDigits(nominal) >= 3 && figure.Unit != FigureParser.Percent;
        var scope = sentence.ScopeOf(claim);
        (FigureVerdict Verdict, double Confidence)? best = null;
        foreach (var measureId in compiled.MeasuresHolding(interval, figure.Unit))
        {
            // The group and place must be the measure's own: a count of Cossacks is no citation of all repatriates.
            if (!index.Measures.TryGetValue(measureId, out var measure) || measure.Kind == MeasureKinds.Date || ByValueScope(measure, scope, sentence, specific) != false)
            {
                continue;
            }

            var named = IsNamed(sentence, measure);
            if (!named && !specific)
            {
                continue;
            }

            // Within the period the sentence gives: "3,888,721 in 1946" is no citation of the 1945 count.
            var verdict = Weigh(new MeasureCandidate(measure, compiled.Numbers.FigureTermMaxDistance, 0, false, FromContext: true), claim, period);
            if (verdict.Status is not (ClaimStatuses.Supported or ClaimStatuses.Disputed))
            {
                continue;
            }

            var confidence = named ? compiled.Numbers.FarReadingConfidence : compiled.Numbers.ContextReadingConfidence;
            if (best is null || confidence > best.Value.Confidence)
            {
                best = (verdict, confidence);
            }
        }

        return best;
    }

    /// <summary>Another figure of the same kind in the sentence stands nearer the term than this one does.</summary>
    private static bool NearerFigure(SentenceContext sentence, ExtractedClaim claim, string kind, TermHit term, int distance)
    {
        foreach (var other in sentence.Claims)
        {
            if (other.Kind != ClaimKind.Figure || ReferenceEquals(other, claim) || other.Offset == claim.Offset
                || other.Figure is null || DateMatcher.MeasureKindOf(other.Figure) != kind)
            {
                continue;
            }

            var (first, last) = sentence.TokenSpan(other);
            if (sentence.Distance(term, first, last) < distance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The claim's scope for a citation by value. A precise figure that a fact gives exactly may take its place from
    /// anywhere in its sentence when the sentence names one place only ("entrain 399 former Russian soldiers … from the
    /// assembly center at Dachau"), however far from the figure: this reading can only bear a figure out.
    /// </summary>
    private bool? ByValueScope(Measure measure, ClaimScope scope, SentenceContext sentence, bool specific)
    {
        // The one place the sentence names is the figure's when the figure is precise enough to be a citation, or when
        // it names the very group the measure counts ("handing over 70,000 Cossacks and Yugoslavs …, the British army
        // in Austria"): either way only a fact giving exactly this value can bear it out.
        var fit = ScopeOf(measure, scope);
        var ownGroup = measure.Population is { } counted && scope.Population == counted;
        if (fit is not null || !(specific || ownGroup) || scope.Place is not null || measure.Place is null)
        {
            return fit;
        }

        var places = sentence.HitsOf(TermOwner.Place).Select(h => h.Entry.OwnerId).Distinct().Take(2).ToList();
        return places.Count == 1 ? ScopeOf(measure, scope with { Place = places[0] }) : null;
    }

    /// <summary>The sentence or the two before name the measure (its terms or its action's), its group or its place.</summary>
    private static bool IsNamed(SentenceContext sentence, Measure measure)
    {
        bool Names(TermHit hit) => hit.Entry.Owner switch
        {
            TermOwner.Measure => hit.Entry.OwnerId == measure.Id,
            TermOwner.Population => hit.Entry.OwnerId == measure.Population,
            TermOwner.Place => hit.Entry.OwnerId == measure.Place,
            _ => false,
        };

        return sentence.Hits.Any(Names) || sentence.PrecedingHits.Any(Names);
    }

    private static int SignificantDigits(double value)
    {
        var digits = ((long)Math.Round(value)).ToString(System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        return digits.Length;
    }

    /// <summary>Weighs the figure against the facts of a candidate measure, within the claim's period if it names one.</summary>
    public FigureVerdict Weigh(MeasureCandidate candidate, ExtractedClaim claim, DateValue? period)
    {
        var verdict = WeighScoped(candidate, claim, period);
        if (!candidate.ScopeNarrower || verdict.Status == ClaimStatuses.Unsupported)
        {
            return verdict;
        }

        // For a part of the measure's group only "more than the whole" is a finding.
        var whole = verdict.Aggregate ?? (verdict.Deciding.Count > 0
            ? new Interval(verdict.Deciding.Min(f => compiled.ValueOf(f).Low), verdict.Deciding.Max(f => compiled.ValueOf(f).High))
            : (Interval?)null);
        var exceeds = whole is { } w && Interval.OfClaim(claim.Figure!).Low > w.High && verdict.Status is ClaimStatuses.Contradicted or ClaimStatuses.Imprecise;
        return exceeds
            ? verdict with { Status = ClaimStatuses.Contradicted, Reason = verdict.Reason == "period" ? "period" : "part-exceeds-whole" }
            : verdict with { Status = ClaimStatuses.Unsupported, Reason = "part" };
    }

    /// <summary>
    /// Whether weighing the candidate for this period can give what a date beside the figure is judged by (see
    /// DateMatcher.AsPeriod): a period's sum (a periodic measure), a fact dated to the period (a verdict's PeriodFact),
    /// or a one-place event's count with the period ignored. Follows <see cref="WeighScoped"/>'s branches and is false
    /// only where its verdict has none of them, so a date need not weigh the measure at all.
    /// </summary>
    internal bool MayDate(MeasureCandidate candidate, DateValue period)
    {
        if (!index.FactsByMeasure.TryGetValue(candidate.Measure.Id, out var all) || all.Count == 0)
        {
            return false;
        }

        if (candidate.Measure.Periodic)
        {
            return true;
        }

        var anyFits = false;
        foreach (var fact in all)
        {
            if (HoldsPeriod(fact, period))
            {
                return true;
            }

            if (PeriodFits(fact, period))
            {
                if (fact.Period is not null)
                {
                    return true;
                }

                anyFits = true;
            }
        }

        // No fact fits the period: a count made at one place is one event, weighed with the period ignored.
        return !anyFits && candidate.Measure.Place is not null && !candidate.Measure.PlaceImplied;
    }

    private FigureVerdict WeighScoped(MeasureCandidate candidate, ExtractedClaim claim, DateValue? period)
    {
        var figure = claim.Figure!;
        var all = index.FactsByMeasure.TryGetValue(candidate.Measure.Id, out var list) ? list : [];
        var claimInterval = Interval.OfClaim(figure);
        if (all.Count == 0)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], all, null, "no facts");
        }

        if (candidate.Measure.Periodic && period is not null)
        {
            return WeighPeriod(candidate, figure, claimInterval, all, period);
        }

        var considered = period is null ? all : all.Where(f => PeriodFits(f, period)).ToList();
        var periodIgnored = false;
        if (considered.Count == 0 && HeldBy(all, period!) is { Count: > 0 } holding)
        {
            // "154 … at Fort Dix on the morning of June 29, 1945" for a count the sources date to June 1945: a date
            // inside the one day or month a fact is dated to is that fact's date. Support only: a value that does not
            // fit is weighed as before.
            var held = WeighValues(candidate, figure, claimInterval, all, holding, periodIgnored: false) with { PeriodFact = holding[0] };
            if (held.Status is ClaimStatuses.Supported or ClaimStatuses.Disputed)
            {
                return held;
            }
        }

        if (considered.Count == 0)
        {
            // A count at one place is one event: a wrong date beside it is a separate error, not another count.
            if (candidate.Measure.Place is null || candidate.Measure.PlaceImplied)
            {
                return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], all, null, "no period");
            }

            considered = all;
            periodIgnored = true;
        }

        var periodFact = period is null || periodIgnored ? null : considered.FirstOrDefault(f => f.Period is not null);
        return WeighValues(candidate, figure, claimInterval, all, considered, periodIgnored) with { PeriodFact = periodFact };
    }

    private FigureVerdict WeighValues(MeasureCandidate candidate, FigureValue figure, Interval claimInterval, IReadOnlyList<Fact> facts, IReadOnlyList<Fact> considered, bool periodIgnored)
    {
        // One pass: the facts the figure falls inside, and the firm ones it overlaps.
        var inside = new List<Fact>();
        var overlap = new List<Fact>();
        foreach (var fact in considered)
        {
            var relation = RelationOf(fact, claimInterval);
            if (relation == Relation.Inside)
            {
                inside.Add(fact);
            }
            else if (relation == Relation.Overlap && !fact.Weak)
            {
                overlap.Add(fact);
            }
        }

        if (inside.Count > 0)
        {
            // A range wide enough to hold every disagreeing estimate ("1,500–2,200") already says they disagree.
            var rivals = Rivals(considered, inside).Where(f => !ContainsReference(inside, f) && (!f.Weak || inside.All(m => m.Weak))).ToList();
            inside = [.. inside.OrderBy(f => f.Weak)];
            if (candidate.ScopeBroader)
            {
                return new FigureVerdict(candidate, ClaimStatuses.Imprecise, inside.Concat(rivals).OrderBy(f => f.Weak).ToList(), facts, null, "scope");
            }

            return rivals.Count > 0
                ? new FigureVerdict(candidate, ClaimStatuses.Disputed, inside.Concat(rivals).OrderBy(f => f.Weak).ToList(), facts, null, "rivals")
                : new FigureVerdict(candidate, ClaimStatuses.Supported, inside, facts, null, periodIgnored ? "inside-period-ignored" : "inside");
        }

        // A count of a wider group than the measure counts ("repatriated persons" where the facts count POWs) is wrong in
        // scope only when it gives the narrower group's very figure; any other value may well be the wider group's.
        if (candidate.ScopeBroader)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], facts, null, "broader");
        }

        if (overlap.Count > 0)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Imprecise, overlap, facts, null, "overlap");
        }

        // A weak source (a blog, a blurb) may bear a figure out but never refutes one, never stretches one, and never
        // makes a firm figure "disputed": only the firm sources can.
        var firm = considered.Where(f => !f.Weak).ToList();
        if (firm.Count == 0)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], facts, null, "weak only");
        }

        considered = firm;
        var nearest = considered.MinBy(f => compiled.ValueOf(f).RatioApart(claimInterval))!;
        var ratio = compiled.ValueOf(nearest).RatioApart(claimInterval);
        var loose = figure.Vague && ratio < compiled.Numbers.VagueFactor;
        return new FigureVerdict(candidate, loose ? ClaimStatuses.Imprecise : ClaimStatuses.Contradicted,
            considered.OrderBy(f => compiled.ValueOf(f).RatioApart(claimInterval)).Take(4).ToList(), facts, null,
            loose ? "vague" : periodIgnored ? "apart-period-ignored" : "apart");
    }

    internal static bool ContainsReference(IReadOnlyList<Fact> facts, Fact fact)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            if (ReferenceEquals(facts[i], fact))
            {
                return true;
            }
        }

        return false;
    }

    private FigureVerdict WeighPeriod(MeasureCandidate candidate, FigureValue figure, Interval claimInterval, IReadOnlyList<Fact> facts, DateValue period)
    {
        var within = facts.Where(f => !f.Weak && f.Period is not null && FactDates.TryParse(f.Period, out var p)
                                      && p.From >= period.From && p.To <= period.To).ToList();
        if (within.Count == 0)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], facts, null, "no period");
        }

        var sum = new Interval(within.Sum(f => compiled.ValueOf(f).Low), within.Sum(f => compiled.ValueOf(f).High));
        var relation = sum.RelationTo(claimInterval);
        if (candidate.ScopeBroader && relation != Relation.Inside)
        {
            return new FigureVerdict(candidate, ClaimStatuses.Unsupported, [], facts, null, "broader");
        }

        var status = relation switch
        {
            Relation.Inside => candidate.ScopeBroader ? ClaimStatuses.Imprecise : ClaimStatuses.Supported,
            Relation.Overlap => ClaimStatuses.Imprecise,
            _ => (figure.Vague && sum.RatioApart(claimInterval) < compiled.Numbers.VagueFactor) ? ClaimStatuses.Imprecise : ClaimStatuses.Contradicted,
        };

        // The years around the claimed period show where the bulk really fell (1945, for the repatriations).
        // (Compared by reference: a fact is a record, and hashing all its fields is costly.)
        Fact? largest = null;
        foreach (var f in facts)
        {
            if (!ContainsReference(within, f) && (largest is null || (double)f.Value!.High > (double)largest.Value!.High))
            {
                largest = f;
            }
        }

        var deciding = largest is null ? within : [.. within, largest];
        return new FigureVerdict(candidate, status, deciding, facts, sum, "period");
    }

    /// <summary>
    /// A fact counted over a period fits a claim's period when it lies inside it; a running total ("by 1 March
    /// 1946") fits a claim that names the day or month it was taken.
    /// </summary>
    private static bool PeriodFits(Fact fact, DateValue period)
    {
        if (fact.Period is null || !FactDates.TryParse(fact.Period, out var p))
        {
            return true;
        }

        var inside = p.From >= period.From && p.To <= period.To;
        var endsThen = period.To.DayNumber - period.From.DayNumber <= 31 || IsRunningTotal(period.Qualifier);
        var asOf = endsThen && p.To >= period.From && p.To <= period.To;
        return inside || asOf;
    }

    /// <summary>The facts dated to one day or month (heldPeriodPrecisions) that holds the claim's period.</summary>
    private List<Fact>? HeldBy(IReadOnlyList<Fact> all, DateValue period)
    {
        List<Fact>? holding = null;
        foreach (var fact in all)
        {
            if (HoldsPeriod(fact, period))
            {
                (holding ??= []).Add(fact);
            }
        }

        return holding;
    }

    /// <summary>
    /// A fact dated by a single day or month (no end) holds a claim's period that lies inside it and is no running
    /// total: "June 29, 1945" for a count dated June 1945.
    /// </summary>
    private bool HoldsPeriod(Fact fact, DateValue period)
    {
        if (fact.Period is not { To: null } date || IsRunningTotal(period.Qualifier)
            || !compiled.Rules.Words.HeldPeriodPrecisions.Contains(date.From.Length switch { 10 => "Day", 7 => "Month", _ => "Year" })
            || !FactDates.TryParse(date, out var p))
        {
            return false;
        }

        return p.From <= period.From && period.To <= p.To;
    }

    /// <summary>"By 1948", "up to early 1947", "until 1952": a count running from the start to then.</summary>
    private static bool IsRunningTotal(string? qualifier) =>
        qualifier?.ToLowerInvariant() is "by" or "up to" or "until" or "till" or "to" or "by the end of" or "through" or "until about" or "before";

    /// <summary>
    /// The fact's own figure inside the claim's precision bears it out, whatever hedge the source adds ("about 43%"
    /// supports "43%"); otherwise the hedged interval decides between overlap and apart.
    /// </summary>
    private Relation RelationOf(Fact fact, Interval claim)
    {
        var nominal = Interval.Nominal(fact.Value!).RelationTo(claim);
        return nominal == Relation.Inside ? Relation.Inside : compiled.ValueOf(fact).RelationTo(claim);
    }

    /// <summary>
    /// Estimates of the same quantity for the same period that disagree with a matched one: "2 million" and
    /// "nearly 2.5 million" are rivals even when a loose claim fits both.
    /// </summary>
    internal List<Fact> Rivals(IReadOnlyList<Fact> considered, IReadOnlyList<Fact> matched) =>
        considered.Where(f => matched.Any(m => !ReferenceEquals(m, f) && SamePeriod(m, f)
                                               && compiled.ValueOf(m).RelationTo(compiled.ValueOf(f)) == Relation.Apart
                                               && Interval.Nominal(f.Value!).RelationTo(compiled.ValueOf(m)) == Relation.Apart))
            .ToList();

    /// <summary>Both undated, or dated to overlapping periods that end together (a day inside the month another source gives).</summary>
    private static bool SamePeriod(Fact a, Fact b)
    {
        if (a.Period is null || b.Period is null)
        {
            return a.Period is null && b.Period is null;
        }

        // Running totals to different dates ("by March 1946", "by July 1952") count different things.
        return FactDates.TryParse(a.Period, out var p) && FactDates.TryParse(b.Period, out var q)
               && p.From <= q.To && q.From <= p.To && Math.Abs(p.To.DayNumber - q.To.DayNumber) <= 31;
    }
}
