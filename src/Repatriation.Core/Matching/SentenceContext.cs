using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>
/// One sentence prepared for matching: its words, the fact-set terms found in it, and the other claims in it.
/// Built once and shared by every claim of the sentence.
/// </summary>
internal sealed class SentenceContext
{
    public SentenceContext(string text, int offset, int length, IReadOnlyList<ExtractedClaim> claims, CompiledFactSet facts, TextTokens? words = null)
    {
        Facts = facts;
        var terms = facts.Terms;
        Text = text;
        Offset = offset;
        Length = length;
        Claims = claims;
        _terms = terms;
        _words = words;
        Tokens = words?.Slice(offset, offset + length) ?? Tokenizer.Tokenize(text, offset, length);
        Hits = terms.Find(Tokens);
    }

    private readonly TextTokens? _words;

    public CompiledFactSet Facts { get; }
    public string Text { get; }
    public int Offset { get; }
    public int Length { get; }
    public IReadOnlyList<ExtractedClaim> Claims { get; }
    public List<Token> Tokens { get; }
    public List<TermHit> Hits { get; }

    private List<(int First, int Last)>? _figureSpans;

    /// <summary>The token spans of the sentence's figures, in order (each figure's scope looks at the others).</summary>
    public IReadOnlyList<(int First, int Last)> FigureSpans
    {
        get
        {
            if (_figureSpans is null)
            {
                _figureSpans = [];
                foreach (var c in Claims)
                {
                    if (c.Figure is not null)
                    {
                        _figureSpans.Add(TokenSpan(c));
                    }
                }
            }

            return _figureSpans;
        }
    }

    /// <summary>The token positions a claim covers (nearest token when the claim falls between words).</summary>
    public (int First, int Last) TokenSpan(ExtractedClaim claim)
    {
        // Tokens stand in text order without overlapping, so their starts and ends both rise: the tokens the claim
        // covers run from the first ending after its start to the last starting before its end (found by halving).
        var end = claim.Offset + claim.Length;
        var first = FirstToken(static (t, offset) => t.End > offset, claim.Offset);
        var last = FirstToken(static (t, offset) => t.Start >= offset, end) - 1;
        if (first > last)
        {
            // Between words: the next word (the first, when none follows).
            var next = FirstToken(static (t, offset) => t.Start >= offset, claim.Offset);
            first = last = next < Tokens.Count ? next : 0;
        }

        return (first, last);
    }

    /// <summary>Tokens between two token spans (0 when they touch or overlap): how far apart two claims or terms stand.</summary>
    public static int TokensApart((int First, int Last) a, (int First, int Last) b) =>
        a.Last < b.First ? b.First - a.Last : a.First > b.Last ? a.First - b.Last : 0;

    /// <summary>The first token for which <paramref name="passes"/> holds, given it holds for every token after one that does.</summary>
    private int FirstToken(Func<Token, int, bool> passes, int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (passes(Tokens[mid], offset))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private readonly List<TermHit>?[] _hitsByOwner = new List<TermHit>?[OwnerCount];
    private readonly List<TermHit>?[] _hitsWithLooseByOwner = new List<TermHit>?[OwnerCount];
    private const int OwnerCount = (int)TermOwner.Act + 1;

    /// <summary>The sentence's hits of one owner, in order; asked for many times per claim, so kept once found.</summary>
    public IReadOnlyList<TermHit> HitsOf(TermOwner owner) => _hitsByOwner[(int)owner] ??= OfOwner(Hits, owner, null);

    private static List<TermHit> OfOwner(List<TermHit> hits, TermOwner owner, List<TermHit>? more)
    {
        // Counted first so the list is allocated once at its size (a shared phrase gives dozens of measure hits).
        var count = 0;
        foreach (var hit in hits)
        {
            count += hit.Entry.Owner == owner ? 1 : 0;
        }

        foreach (var hit in more ?? [])
        {
            count += hit.Entry.Owner == owner ? 1 : 0;
        }

        var list = new List<TermHit>(count);
        foreach (var hit in hits)
        {
            if (hit.Entry.Owner == owner)
            {
                list.Add(hit);
            }
        }

        foreach (var hit in more ?? [])
        {
            if (hit.Entry.Owner == owner)
            {
                list.Add(hit);
            }
        }

        return list;
    }

    private readonly TermIndex _terms;
    private List<TermHit>? _looseHits;
    private List<TermHit>? _precedingHits;
    private IReadOnlyList<string>? _contextPlaces;
    // Keyed by the claim's span, not the record: record equality would hash every field on each lookup.
    // Made when first asked for: a sentence without figures or dates needs neither map.
    private Dictionary<(int Offset, int Length, string Kind), IReadOnlyList<MeasureCandidate>>? _candidates;

    /// <summary>Exact hits plus events and acts named with their words apart (only dates need these, so they are found on demand).</summary>
    public IReadOnlyList<TermHit> HitsWithLoose(TermOwner owner)
    {
        _looseHits ??= _terms.FindLoose(Tokens, Hits);
        return _hitsWithLooseByOwner[(int)owner] ??= OfOwner(Hits, owner, _looseHits);
    }

    /// <summary>Terms named in the sentence or two before this one.</summary>
    public List<TermHit> PrecedingHits => _precedingHits ??= _terms.Find(PrecedingTokens);

    private List<TermHit>? _contextHits;

    /// <summary>Terms named before, plus events and acts whose words are spread over this sentence and those before.</summary>
    public List<TermHit> ContextHits
    {
        get
        {
            if (_contextHits is null)
            {
                _contextHits = [.. PrecedingHits];
                _contextHits.AddRange(_terms.FindLoose([.. PrecedingTokens, .. Tokens], _contextHits));
            }

            return _contextHits;
        }
    }

    /// <summary>Places named in the sentence or two before this one.</summary>
    public IReadOnlyList<string> ContextPlaces =>
        _contextPlaces ??= PrecedingHits.Where(h => h.Entry.Owner == TermOwner.Place).Select(h => h.Entry.OwnerId).Distinct().ToList() is { Count: > 0 } near
            ? near
            : ParagraphPlace();

    /// <summary>
    /// "…from the assembly center at Dachau … [five sentences] … Nine men hanged themselves": where the sentences
    /// just before name no place, the one place named earlier in the same paragraph (back to placeContextCharacters) is
    /// still the scene. Only one: a paragraph that names two places leaves the scene open.
    /// </summary>
    private List<string> ParagraphPlace()
    {
        var passage = _words ?? new TextTokens(Text);
        var reach = Math.Max(0, Offset - Facts.Numbers.PlaceContextCharacters);
        var start = Math.Max(passage.ParagraphStart(Offset), reach);
        var end = PrecedingTokens.Count > 0 ? Math.Min(PrecedingTokens[0].Start, Offset) : Offset;
        if (end <= start)
        {
            return [];
        }

        var places = _terms.Find(passage.Slice(start, end)).Where(h => h.Entry.Owner == TermOwner.Place).Select(h => h.Entry.OwnerId).Distinct().Take(2).ToList();
        return places.Count == 1 ? places : [];
    }

    private Dictionary<(int Offset, int Length), ClaimScope>? _scopes;

    /// <summary>The group and place a claim's words put it in, read once per claim.</summary>
    public ClaimScope ScopeOf(ExtractedClaim claim)
    {
        _scopes ??= new();
        if (!_scopes.TryGetValue((claim.Offset, claim.Length), out var scope))
        {
            _scopes[(claim.Offset, claim.Length)] = scope = ScopeReader.Read(this, claim);
        }

        return scope;
    }

    /// <summary>Measure candidates are asked for several times per claim (its own verdict, dates, estimates): computed once.</summary>
    public IReadOnlyList<MeasureCandidate> CandidatesFor(ExtractedClaim claim, string kind, Func<IReadOnlyList<MeasureCandidate>> compute)
    {
        var key = (claim.Offset, claim.Length, kind);
        _candidates ??= new();
        if (!_candidates.TryGetValue(key, out var list))
        {
            _candidates[key] = list = compute();
        }

        return list;
    }

    private Dictionary<(MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period), FigureVerdict>? _verdicts;

    /// <summary>
    /// A figure is weighed against a measure for its own verdict and again for each date beside it, often for the same
    /// period: weighed once. Keyed by reference (candidates are cached above; records would hash every field).
    /// </summary>
    public FigureVerdict Weighed(MeasureCandidate candidate, ExtractedClaim claim, DateValue? period, FigureMatcher figures)
    {
        _verdicts ??= new(ByReference.Instance);
        if (!_verdicts.TryGetValue((candidate, claim, period), out var verdict))
        {
            _verdicts[(candidate, claim, period)] = verdict = figures.Weigh(candidate, claim, period);
        }

        return verdict;
    }

    private Dictionary<(MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period), (FigureVerdict Verdict, double Confidence)?>? _byValue;

    /// <summary>The measure a fact gives this very figure for, within a period: found once per claim and period.</summary>
    public (FigureVerdict Verdict, double Confidence)? ByValue(ExtractedClaim claim, DateValue? period, FigureMatcher figures)
    {
        _byValue ??= new(ByReference.Instance);
        if (!_byValue.TryGetValue((null, claim, period), out var found))
        {
            _byValue[(null, claim, period)] = found = figures.FindByValue(this, claim, period);
        }

        return found;
    }

    private sealed class ByReference : IEqualityComparer<(MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period) x, (MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period) y) =>
            ReferenceEquals(x.Candidate, y.Candidate) && ReferenceEquals(x.Claim, y.Claim) && ReferenceEquals(x.Period, y.Period);

        public int GetHashCode((MeasureCandidate? Candidate, ExtractedClaim Claim, DateValue? Period) key) =>
            HashCode.Combine(key.Candidate is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Candidate),
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Claim),
                key.Period is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Period));
    }

    /// <summary>
    /// Words apart, counting a clause break (";", ":", a dash) between them as ten more and a comma as two:
    /// "captured on 12 May 1945; he was hanged…" ties the date to the capture, not the hanging.
    /// </summary>
    public int Distance(TermHit hit, int first, int last)
    {
        var distance = hit.DistanceTo(first, last);
        if (distance == 0)
        {
            return 0;
        }

        var (from, to) = hit.LastToken < first ? (Tokens[hit.LastToken].End, Tokens[first].Start) : (Tokens[last].End, Tokens[hit.FirstToken].Start);
        if (hit.LastToken < first && hit.LastToken + 1 < first && OpensApposition(hit.LastToken))
        {
            // "Victims of Yalta, which came out in 1974": the comma opens a description of the name, the date is in it.
            from = Tokens[hit.LastToken + 1].Start;
        }

        return distance + Punctuation(from, to);
    }

    private HashSet<string>? _peopleMentioned;

    /// <summary>Whether any of these people is mentioned in the sentence or its running context.</summary>
    public bool MentionsAny(IReadOnlySet<string> people)
    {
        if (_peopleMentioned is null)
        {
            var start = PrecedingTokens.Count > 0 ? Math.Min(PrecedingTokens[^1].Start, PrecedingTokens.Min(t => t.Start)) : Offset;
            _peopleMentioned = Facts.Mentions.Find(Text, Math.Min(start, Offset), Offset + Length)
                .Where(m => m.Kind == MentionKind.Person).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        }

        return people.Any(_peopleMentioned.Contains);
    }

    /// <summary>
    /// A loose name whose words stand in their order within a few words of each other in one clause ("Vlasov and his
    /// officers were hanged" for "Vlasov hanged"): named, if with words between.
    /// </summary>
    public bool IsCompact(TermHit hit)
    {
        if (!hit.Entry.Loose || hit.LastToken - hit.FirstToken > Facts.Numbers.GappedTermSpan)
        {
            return false;
        }

        var at = hit.FirstToken;
        foreach (var word in hit.Entry.Tokens)
        {
            while (at <= hit.LastToken && Tokens[at].Norm != word)
            {
                at++;
            }

            if (at > hit.LastToken)
            {
                return false;
            }

            at++;
        }

        return Punctuation(Tokens[hit.FirstToken].End, Tokens[hit.LastToken].Start) < Facts.Numbers.ClauseBreakPenalty;
    }

    /// <summary>A comma right after the token, then a word that opens a description of what the token ends ("…, which", "…, a").</summary>
    internal bool OpensApposition(int token)
    {
        var next = Tokens[token + 1];
        return Facts.Rules.Words.AppositionStarts.Contains(next.Norm)
            && Text.AsSpan(Tokens[token].End, next.Start - Tokens[token].End).Trim() is [',' ];
    }

    /// <summary>Extra distance for punctuation between two places in the sentence: a comma a little, a clause break a lot.</summary>
    private int Punctuation(int from, int to)
    {
        var penalty = 0;
        for (var i = from; i < to; i++)
        {
            var c = Text[i];
            if (c is ';' or ':' or '—' || (c is '–' or '-' && i > 0 && i + 1 < Text.Length && Text[i - 1] == ' ' && Text[i + 1] == ' '))
            {
                return Facts.Numbers.ClauseBreakPenalty;
            }

            if (c == ',')
            {
                penalty = Facts.Numbers.CommaPenalty;
            }
        }

        return penalty;
    }

    private List<Token>? _precedingTokens;

    /// <summary>
    /// The running context of this sentence, for what it leaves unsaid ("It was signed by…", "In the following year
    /// the stream shrank to 195,273"): the text just before it, up to the rules' context length (about two sentences;
    /// newspapers' one-sentence paragraphs run on), and the heading of its section. A heading starts a new context: the
    /// text before it is another section's; the heading itself carries until the next heading.
    /// </summary>
    public List<Token> PrecedingTokens
    {
        get
        {
            if (_precedingTokens is null)
            {
                var passage = _words ?? new TextTokens(Text);
                var start = Math.Max(0, Offset - Facts.Numbers.ContextCharacters);
                var heading = passage.HeadingBefore(Offset);
                if (heading is { } h && h.End > start)
                {
                    start = Math.Min(Offset, h.End);
                }

                _precedingTokens = passage.Slice(start, Offset);
                if (heading is { } carried && carried.End <= start)
                {
                    _precedingTokens.InsertRange(0, passage.Slice(carried.Offset, carried.End));
                }
            }

            return _precedingTokens;
        }
    }

    /// <summary>True when a term hit lies inside another claim's span (a title inside a quotation, say).</summary>
    public bool InsideClaim(TermHit hit, ExtractedClaim claim) =>
        Tokens[hit.FirstToken].Start >= claim.Offset && Tokens[hit.LastToken].End <= claim.Offset + claim.Length;
}

/// <summary>The population and place a claim's words put it in; <see cref="ContextPlaces"/> are the places named in the sentences before.</summary>
internal sealed record ClaimScope(string? Population, string? Place, SentenceContext? Sentence = null)
{
    public IReadOnlyList<string> ContextPlaces => Sentence?.ContextPlaces ?? [];

    /// <summary>The group was named only by a generic noun ("people", "persons"): it says no group is wider than the measure's.</summary>
    public bool PopulationGeneric { get; init; }
}

internal static class ScopeReader
{
    /// <summary>
    /// The group a figure counts: populations named within a few words of it (two named together, "civilians and
    /// prisoners of war", mean their common wider group), else the nearest in the sentence.
    /// </summary>
    public static ClaimScope Read(SentenceContext sentence, ExtractedClaim claim)
    {
        var index = sentence.Facts.Index;
        var numbers = sentence.Facts.Numbers;
        var (first, last) = sentence.TokenSpan(claim);
        var populations = sentence.HitsOf(TermOwner.Population);
        string? population = null;
        if (populations.Count == 0)
        {
            // No group named: nothing below could find one.
            return new ClaimScope(null, NearestPlace(sentence, first, last), sentence);
        }

        // The noun right after a number is what it counts ("230,000 repatriated persons", "three prisoners").
        // Groups joined by "and"/"or" ("civilians and prisoners of war") mean their common wider group.
        var following = populations.Where(h => h.FirstToken > last && h.FirstToken - last <= numbers.GroupNounMaxGap).OrderBy(h => h.FirstToken).FirstOrDefault();
        if (following.Entry is not null)
        {
            var joined = new List<string> { following.Entry.OwnerId };
            var end = following.LastToken;
            while (end + 2 < sentence.Tokens.Count && sentence.Tokens[end + 1].Norm is "and" or "or"
                   && populations.FirstOrDefault(h => h.FirstToken == end + 2) is { Entry: not null } next)
            {
                joined.Add(next.Entry.OwnerId);
                end = next.LastToken;
            }

            var group = joined.Distinct().Count() == 1 ? joined[0] : CommonAncestor(joined.Distinct().ToList(), index);
            return new ClaimScope(group, NearestPlace(sentence, first, last), sentence)
            {
                PopulationGeneric = end == following.LastToken && Generic(sentence, following),
            };
        }

        // A group with another figure between it and this one is that figure's ("2% of civilians, and 15% of the PoWs
        // (226,127…)": the civilians are the 2%'s).
        var near = populations.Where(h => h.DistanceTo(first, last) <= numbers.GroupMaxDistance).ToList();
        if (near.Count > 0 && sentence.Claims.Count(c => c.Figure is not null) > 1)
        {
            var otherFigures = sentence.FigureSpans.Where(s => s.Last < first || s.First > last).ToList();
            near = near.Where(h => !otherFigures.Any(f => StandsBetween(f, h, first, last))).ToList();
        }

        var nearIds = near.Select(h => h.Entry.OwnerId).Distinct().ToList();
        nearIds = RemoveAncestorsOfOthers(nearIds, index);
        var generic = false;
        if (nearIds.Count == 1)
        {
            population = nearIds[0];
            generic = near.Where(h => h.Entry.OwnerId == population).All(h => Generic(sentence, h));
        }
        else if (nearIds.Count > 1)
        {
            population = CommonAncestor(nearIds, index);
        }
        else if (populations.Count > 0)
        {
            var nearest = populations.OrderBy(h => h.DistanceTo(first, last)).First();
            population = nearest.Entry.OwnerId;
            generic = Generic(sentence, nearest);
        }

        return new ClaimScope(population, NearestPlace(sentence, first, last), sentence) { PopulationGeneric = generic };
    }

    /// <summary>
    /// Every word of the group's name is a generic noun ("people", "persons"; the rules' <c>genericGroupNouns</c>) and
    /// no term of the fact set qualifies it ("repatriated people" are repatriates).
    /// </summary>
    private static bool Generic(SentenceContext sentence, TermHit hit)
    {
        if (hit.FirstToken > 0 && sentence.Hits.Any(h => h.LastToken == hit.FirstToken - 1))
        {
            return false;
        }

        var nouns = sentence.Facts.Rules.Words.GenericGroupNouns;
        for (var i = hit.FirstToken; i <= hit.LastToken; i++)
        {
            if (!nouns.Contains(sentence.Tokens[i].Norm))
            {
                return false;
            }
        }

        return true;
    }



    /// <summary>
    /// The place a figure is about: named just after it ("332,792 from Austria") or close by; a place elsewhere in
    /// a long sentence belongs to another clause.
    /// </summary>
    private static string? NearestPlace(SentenceContext sentence, int first, int last)
    {
        // A place with another figure between it and this one belongs to that figure ("54,350 from Italy, out of
        // 4,305,035 in all").
        // A place nearer another figure is that figure's ("54,350 from Italy, out of 4,305,035"). Words that name a
        // group ("British and American prisoners") are not a place.
        // (Loops, not LINQ: read once per figure. The kept places are the first named following the figure within
        // the gap, else the nearest within reach, the first named on a tie.)
        var placeHits = sentence.HitsOf(TermOwner.Place);
        if (placeHits.Count == 0)
        {
            return null;
        }

        var groups = sentence.HitsOf(TermOwner.Population);
        var numbers = sentence.Facts.Numbers;
        TermHit? following = null;
        TermHit? near = null;
        var nearDistance = int.MaxValue;
        foreach (var h in placeHits)
        {
            if (BelongsToOtherFigure(sentence, h, first, last) || InsideGroup(groups, h))
            {
                continue;
            }

            if (h.FirstToken > last && h.FirstToken - last <= numbers.PlaceNounMaxGap && (following is null || h.FirstToken < following.Value.FirstToken))
            {
                following = h;
            }

            var distance = h.DistanceTo(first, last);
            if (distance <= numbers.PlaceMaxDistance && distance < nearDistance)
            {
                (near, nearDistance) = (h, distance);
            }
        }

        return following?.Entry.OwnerId ?? near?.Entry.OwnerId;
    }

    private static bool BelongsToOtherFigure(SentenceContext sentence, TermHit h, int first, int last)
    {
        foreach (var f in sentence.FigureSpans)
        {
            if (!(f.Last < first || f.First > last))
            {
                continue;
            }

            if (StandsBetween(f, h, first, last)
                || sentence.Distance(h, f.First, f.Last) < sentence.Distance(h, first, last))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Another figure's span lies wholly between the term and the figure at <paramref name="first"/>..<paramref name="last"/>.</summary>
    private static bool StandsBetween((int First, int Last) figure, TermHit h, int first, int last) =>
        (figure.First > h.LastToken && figure.Last < first) || (figure.First > last && figure.Last < h.FirstToken);

    private static bool InsideGroup(IReadOnlyList<TermHit> groups, TermHit h)
    {
        foreach (var g in groups)
        {
            if (g.FirstToken <= h.LastToken && h.FirstToken <= g.LastToken)
            {
                return true;
            }
        }

        return false;
    }

    // "Soviet POWs" names both "Soviet citizens" and "POWs": the narrower one is meant.
    private static List<string> RemoveAncestorsOfOthers(List<string> ids, FactIndex index) =>
        ids.Where(id => !ids.Any(other => other != id && index.IsWithinPopulation(other, id))).ToList();

    private static string? CommonAncestor(List<string> ids, FactIndex index)
    {
        var candidate = ids[0];
        while (candidate is not null)
        {
            if (ids.All(id => index.IsWithinPopulation(id, candidate)))
            {
                return candidate;
            }

            candidate = index.Populations.TryGetValue(candidate, out var p) ? p.Parent : null;
        }

        return null;
    }
}

/// <summary>
/// The words of a whole text, tokenised once: each sentence and the stretch before it take their words from here
/// instead of tokenising the same characters again.
/// </summary>
internal sealed class TextTokens(string text)
{
    private readonly List<Token> _tokens = Tokenizer.Tokenize(text);
    private List<int>? _paragraphStarts;
    private List<Extraction.TextSpan>? _headings;

    /// <summary>Where the paragraph holding <paramref name="offset"/> starts: after the last blank line before it.</summary>
    public int ParagraphStart(int offset)
    {
        _paragraphStarts ??= FindParagraphStarts();
        var i = _paragraphStarts.BinarySearch(offset);
        return i >= 0 ? _paragraphStarts[i] : _paragraphStarts[~i - 1];
    }

    /// <summary>The nearest heading line that ends at or before <paramref name="offset"/>, if any.</summary>
    public Extraction.TextSpan? HeadingBefore(int offset)
    {
        _headings ??= FindHeadings();
        // Headings are found in text order, so their ends rise: the last ending at or before the offset, by halving
        // (each sentence asks, and a long text has many headings).
        int lo = 0, hi = _headings.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_headings[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 ? _headings[lo - 1] : null;
    }

    private List<int> FindParagraphStarts()
    {
        var starts = new List<int> { 0 };
        var i = text.IndexOf('\n');
        while (i >= 0 && i + 1 < text.Length)
        {
            var j = i + 1;
            while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            {
                j++;
            }

            if (j < text.Length && text[j] == '\n')
            {
                while (j < text.Length && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                starts.Add(j);
            }

            i = text.IndexOf('\n', j < text.Length ? j : text.Length - 1);
            if (i < 0 || j >= text.Length)
            {
                break;
            }
        }

        return starts;
    }

    /// <summary>
    /// Headings: a line of its own, opening a paragraph, of at most twelve words and not ending as a sentence does
    /// (no full stop, comma, colon or semicolon).
    /// </summary>
    private List<Extraction.TextSpan> FindHeadings()
    {
        _paragraphStarts ??= FindParagraphStarts();
        var headings = new List<Extraction.TextSpan>();
        foreach (var start in _paragraphStarts)
        {
            if (start >= text.Length)
            {
                continue;
            }

            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                continue;
            }

            var line = text.AsSpan(start, end - start).TrimEnd();
            if (line.Length == 0 || line[^1] is '.' or ',' or ':' or ';' or '?' or '!' || line.Count(' ') >= 12)
            {
                continue;
            }

            headings.Add(new Extraction.TextSpan(start, line.Length));
        }

        return headings;
    }

    /// <summary>The words that lie wholly between two offsets.</summary>
    public List<Token> Slice(int start, int end)
    {
        var first = FirstAtOrAfter(start);
        var last = first;
        while (last < _tokens.Count && _tokens[last].End <= end)
        {
            last++;
        }

        return _tokens.GetRange(first, last - first);
    }

    private int FirstAtOrAfter(int offset)
    {
        int lo = 0, hi = _tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start < offset)
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
