using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>
/// Checks who said, wrote, signed, ordered or estimated what: quotations by their words, works by their titles,
/// acts by the terms that name them, estimates by the figure they give.
/// </summary>
internal sealed class AttributionMatcher(CompiledFactSet compiled)
{
    private readonly FactIndex index = compiled.Index;
    // Each known quotation's words, normalised and split once per compiled fact set.
    private readonly (Quotation Quotation, string Words, string[] Split)[] _quotations =
        compiled.Index.FactSet.Quotations.Select(q => (q, Normalise(q.Text))).Where(q => q.Item2.Length > 0)
            .Select(q => (q.Item1, q.Item2, q.Item2.Split(' '))).ToArray();
    private readonly Rules.WordSet ActVerbs = compiled.Rules.Words.ActVerbs;
    private readonly HashSet<string?> _verbsOfActs = compiled.Index.FactSet.Acts.Select(a => a.Verb).ToHashSet<string?>(StringComparer.Ordinal);

    // For each act (by its place in the fact set's list), the people its description names besides its actors: found
    // once per fact set, not again for every claim that asks whom an accusation was against.
    private readonly HashSet<string>[] _othersNamedByActs = [.. compiled.Index.FactSet.Acts.Select(act =>
        compiled.Mentions.Find(act.Description, 0, act.Description.Length)
            .Where(m => m.Kind == MentionKind.Person && !act.Actors.Contains(m.Id)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal))];
    private EvidenceBuilder evidence => compiled.Evidence;
    private FigureMatcher figures => compiled.Figures;

    public MatchOutcome MatchQuote(ExtractedClaim claim, SentenceContext sentence)
    {
        var words = QuoteText(claim);
        var quotation = FindQuotation(words, claim.PersonId);
        if (quotation is null)
        {
            return Outcomes.Unsupported(claim);
        }

        // The speaker named nearby ("Horne wrote of Tolstoy's book that it was '…'") is who the text gives the words to.
        var personId = claim.PersonId is not null && claim.PersonId != quotation.Speaker && IsNamedNearby(quotation.Speaker, sentence)
            ? quotation.Speaker
            : claim.PersonId;
        var outcome = Judge(personId, claim.PersonText, quotation) with
        {
            Reading = new MatchReading(ReadingRule.Quote, claim.PersonFromContext ? ReadingTraits.PersonFromContext : ReadingTraits.None, quotation.Id),
        };
        return claim.PersonFromContext && quotation.Status != QuotationStatuses.Apocryphal
            ? outcome with { Confidence = compiled.Numbers.FarReadingConfidence }
            : outcome;
    }

    /// <summary>The extractor may give a verb's base form ("sue"); acts are recorded with the past form ("sued").</summary>
    internal static string? PastForm(string? verb) => verb switch
    {
        null => null,
        "write" => "wrote",
        "say" => "said",
        "give" => "gave",
        "tell" => "told",
        "find" => "found",
        _ when verb.EndsWith("ed", StringComparison.Ordinal) || verb.Contains('-') || IrregularPast.Contains(verb) => verb,
        _ when verb.EndsWith('e') => verb + "d",
        _ => verb + "ed",
    };

    private static readonly HashSet<string> IrregularPast =
        ["wrote", "said", "put", "gave", "told", "found", "thought", "spoke", "took", "made", "led", "set", "held", "drew", "saw", "knew", "sent", "kept", "brought", "met", "read"];

    public MatchOutcome MatchAttribution(ExtractedClaim claim, SentenceContext sentence)
    {
        claim = claim with { Verb = PastForm(claim.Verb) };
        if (claim.PersonId is null)
        {
            // "…a warning for the future.”—Andrei Sakharov": known words, known to be someone else's.
            if (claim.ObjectText is { Length: > 0 } words && FindQuotation(Normalise(words)) is { } quotation)
            {
                return Judge(claim.PersonText ?? "", claim.PersonText, quotation) with { Reading = new MatchReading(ReadingRule.AttributionQuote, ReadingTraits.None, quotation.Id) };
            }

            return new MatchOutcome(ClaimStatuses.Unsupported,
                $"The fact set knows nothing of {claim.PersonText ?? "this person"}; check the attribution against the source.", [], null);
        }

        if (claim.Verb == Extraction.MentionAttributions.HeldOffice && claim.ObjectText is { } officeWords)
        {
            return JudgeOffice(claim, officeWords) is var office && office.Evidence.Count > 0
                ? office with { Reading = new MatchReading(ReadingRule.AttributionOffice, office.Reading.Traits, office.Evidence[0].FactId) }
                : office;
        }

        var outcomes = new List<MatchOutcome>();
        var works = WorksNamed(claim, sentence).ToList();

        // Quoted words the attribution introduces (not someone else's quotation in the same sentence) tell what is
        // attributed; an attribution of a book ("Tolstoy's Victims of Yalta") is judged by the book alone.
        if (works.Count == 0)
        {
            var relays = claim.Verb is { } relaying && compiled.Rules.Words.RelayingVerbs.Contains(relaying);
            foreach (var quote in sentence.Claims.Where(c => c.Kind == ClaimKind.Quote && (relays || c.PersonId == claim.PersonId || c.PersonId is null)))
            {
                if (FindQuotation(QuoteText(quote), relays ? null : claim.PersonId) is { } quotation)
                {
                    // "Tolstoy quoted Alexander's words": relaying someone else's words is no claim to have said them.
                    outcomes.Add((relays && quotation.Speaker != claim.PersonId
                        ? new MatchOutcome(ClaimStatuses.Supported,
                            $"These words are {evidence.PersonName(quotation.Speaker)}'s, as {evidence.PersonName(claim.PersonId)} {claim.Verb} them.", [evidence.From(quotation)], null)
                        : Judge(claim.PersonId, claim.PersonText, quotation)) with { Reading = new MatchReading(ReadingRule.AttributionQuote, ReadingTraits.None, quotation.Id) });
                }
            }

            if (outcomes.Count == 0 && claim.ObjectText is { Length: > 0 } objectText && FindQuotation(Normalise(objectText), claim.PersonId) is { } said)
            {
                outcomes.Add(Judge(claim.PersonId, claim.PersonText, said) with { Reading = new MatchReading(ReadingRule.AttributionQuote, ReadingTraits.None, said.Id) });
            }
        }

        // "Mark Elliott has written a thorough book", "a pamphlet written by Count Tolstoy", "The Minister and the
        // Massacres is a 1986 book written by Nikolai Tolstoy": writing a work is authorship. A title further on in the
        // sentence can bear it out (it may be a topic, so it never refutes); else any work of theirs can.
        var writesWork = works.Count == 0 && claim.Verb is "wrote" or "published" && WorkNounBeside(claim, sentence);
        if (writesWork)
        {
            var titles = sentence.HitsOf(TermOwner.Work)
                .Where(h => !sentence.Claims.Any(c => c.Kind == ClaimKind.Quote && sentence.InsideClaim(h, c)))
                .ToList();
            if (titles.Select(h => index.Works[h.Entry.OwnerId]).FirstOrDefault(w => w.Authors.Contains(claim.PersonId)) is { } theirs)
            {
                works.Add(theirs);
            }
            else if (titles.Count > 0)
            {
                // "Victims of Yalta is a 1977 book written by Nicholas Bethell": the title the clause describes ("is a",
                // ", a") is someone else's, a wrong author; otherwise the title may be a topic.
                writesWork = false;
                var (first, last) = sentence.TokenSpan(claim);
                var nearest = titles.MinBy(h => sentence.Distance(h, first, last))!;
                var described = nearest.LastToken + 1 < first
                    && (sentence.Tokens[nearest.LastToken + 1].Norm is "is" or "was" || sentence.OpensApposition(nearest.LastToken));
                if (described && sentence.Distance(nearest, first, last) <= 2 * compiled.Numbers.WorkTitleMaxDistance)
                {
                    var work = index.Works[nearest.Entry.OwnerId];
                    outcomes.Add(new MatchOutcome(ClaimStatuses.Misattributed,
                        $"{work.Title} is by {evidence.PeopleNames(work.Authors)}, not {claim.PersonText}.",
                        [evidence.From(work)], $"{evidence.PeopleNames(work.Authors)}, {work.Title} ({EvidenceBuilder.YearsOf(work)})")
                    {
                        Confidence = compiled.Numbers.RivalReadingFactor,
                        Reading = new MatchReading(ReadingRule.AttributionDescribedWork, ReadingTraits.None, work.Id),
                    });
                }
            }
        }

        // "Epstein's book of 1973": a book by this person, unnamed; their works in the fact set bear it out.
        if (works.Count == 0 && (claim.Verb == "authored" || writesWork))
        {
            var theirs = index.FactSet.Works.Where(w => w.Authors.Contains(claim.PersonId)).ToList();
            if (theirs.Count > 0)
            {
                outcomes.Add(new MatchOutcome(ClaimStatuses.Supported,
                    $"{evidence.PersonName(claim.PersonId)} is the author of {EvidenceBuilder.JoinAnd(theirs.Select(w => w.Year is null ? w.Title : $"{w.Title} ({EvidenceBuilder.YearsOf(w)})").ToList())}.",
                    theirs.Select(evidence.From).ToList(), null) { Reading = new MatchReading(ReadingRule.AttributionAnyWork, ReadingTraits.None, null) });
            }
        }

        foreach (var work in works)
        {
            outcomes.Add((work.Authors.Contains(claim.PersonId)
                ? new MatchOutcome(ClaimStatuses.Supported, $"{work.Title} is by {evidence.PeopleNames(work.Authors)}.", [evidence.From(work)], null)
                : new MatchOutcome(ClaimStatuses.Misattributed,
                    $"{work.Title} is by {evidence.PeopleNames(work.Authors)}, not {claim.PersonText}.",
                    [evidence.From(work)], $"{evidence.PeopleNames(work.Authors)}, {work.Title} ({EvidenceBuilder.YearsOf(work)})"))
                with { Reading = new MatchReading(ReadingRule.AttributionWork, ReadingTraits.None, work.Id) });
        }

        // Acts are judged only for verbs that name an act ("signed", "ordered") or the act's own verb: "X wrote that
        // Order 270 was drafted by Y" attributes writing to X, not the order.
        if (claim.Verb is { } verb && ActsNamed(sentence, verb, out var howNamed) is { Count: > 0 } acts && JudgeActs(claim, acts) is { } actOutcome)
        {
            // An act named by its own words in this sentence, with its own verb, is a sure reading; one named a
            // sentence before, or only by a distinctive word ("at Yalta"), is not sure enough to call a name wrong.
            // A name the sources record as commonly but wrongly credited with this very act ("signed by Churchill") is a
            // known mistake, however loosely the act is named.
            var known = acts.Any(a => a.Verb == verb && a.WronglyCredited.Contains(claim.PersonId));
            var sure = known || (howNamed == ActReference.Named && acts.Any(a => a.Verb == verb)) ? 1.0
                : howNamed == ActReference.Named ? compiled.Numbers.RivalReadingFactor
                : compiled.Numbers.ContextReadingConfidence * (howNamed == ActReference.Keyword ? compiled.Numbers.UnsaidScopeFactor : 1);
            var traits = (known ? ReadingTraits.KnownWrong : ReadingTraits.None)
                         | howNamed switch { ActReference.Named => acts.Any(a => a.Verb == verb) ? ReadingTraits.Plain : ReadingTraits.None, ActReference.Before => ReadingTraits.Context, _ => ReadingTraits.Keyword };
            outcomes.Add(actOutcome with { Confidence = sure, Reading = new MatchReading(ReadingRule.AttributionAct, traits, actOutcome.Evidence.Count > 0 ? actOutcome.Evidence[0].FactId : null) });
        }

        if (outcomes.Count == 0 && (claim.Verb is null || compiled.Rules.Words.EstimateVerbs.Contains(claim.Verb)))
        {
            if (JudgeEstimate(claim, sentence) is { } estimate)
            {
                outcomes.Add(estimate with { Reading = new MatchReading(ReadingRule.AttributionEstimate, estimate.Confidence < 1 ? ReadingTraits.WeakOnly : ReadingTraits.None, estimate.Evidence.Count > 0 ? estimate.Evidence[0].FactId : null) });
            }
        }

        // "the USA Military Mission in the USSR, headed by Major General John R. Deane": the body the clause names before
        // the verb of leading is the person's office when most of the office's words are there. Support only: a body
        // the fact set does not know the head of may well have been theirs.
        if (outcomes.Count == 0 && claim.Verb is { } leads && compiled.Rules.Words.LeadershipVerbs.Contains(leads)
            && HeadedOffice(claim, sentence) is { } headed)
        {
            outcomes.Add(new MatchOutcome(ClaimStatuses.Supported,
                $"{evidence.PersonName(headed.Person)} was {headed.Office}{EvidenceBuilder.Tenure(headed)}.", [evidence.From(headed)], null)
            {
                Reading = new MatchReading(ReadingRule.AttributionOffice, ReadingTraits.None, headed.Id),
            });
        }

        // "Tolstoy had accused the peer …" after a sentence naming Lord Aldington: an act of this person whose verb is
        // the claim's (or its kin: alleged, claimed) and whose other party the sentence or the one before names. Support
        // only: whom else they accused of what the fact set may not know.
        if (outcomes.Count == 0 && claim.Verb is { } charged && AccusationKnown(claim, charged, sentence) is { } accusation)
        {
            outcomes.Add(new MatchOutcome(ClaimStatuses.Supported, $"{Sentence(accusation.Description)}", [evidence.From(accusation)], null)
            {
                Confidence = compiled.Numbers.ContextReadingConfidence,
                Reading = new MatchReading(ReadingRule.AttributionAct, ReadingTraits.Loose, accusation.Id),
            });
        }

        if (outcomes.Count == 0)
        {
            return new MatchOutcome(ClaimStatuses.Unsupported,
                NothingKnown(evidence.PersonName(claim.PersonId), claim.Verb), [], null);
        }

        // One wrong attribution in the sentence is enough to flag it.
        return outcomes.MaxBy(o => o.Status == ClaimStatuses.Misattributed ? 9 : -Outcomes.Rank(o.Status))!;
    }

    /// <summary>
    /// "Harold Macmillan, then Minister Resident": the office was the person's (supported) or someone else's at the
    /// time (misattributed, naming the holder). A name several people held, or a bare title, is not sure enough to
    /// call the text wrong.
    /// </summary>
    private MatchOutcome JudgeOffice(ExtractedClaim claim, string officeWords)
    {
        var offices = compiled.Offices.Named(officeWords);
        if (offices.Count == 0)
        {
            return Outcomes.Unsupported(claim);
        }

        if (offices.FirstOrDefault(o => o.Person == claim.PersonId) is { } held)
        {
            return new MatchOutcome(ClaimStatuses.Supported,
                $"{evidence.PersonName(held.Person)} was {held.Office}{EvidenceBuilder.Tenure(held)}.", [evidence.From(held)], null);
        }

        var holders = offices.Select(o => o.Person).Distinct().ToList();
        var office = offices[0];
        var words = Tokenizer.Tokenize(officeWords).Count(t => !compiled.Rules.Words.TermFunctionWords.Contains(t.Norm));
        var sure = holders.Count > 1 ? compiled.Numbers.ContextReadingConfidence
            : words >= 2 ? 1.0 : compiled.Numbers.RivalReadingFactor;
        return new MatchOutcome(ClaimStatuses.Misattributed,
            $"{evidence.PeopleNames(holders)} was {office.Office}{EvidenceBuilder.Tenure(office)}, not {claim.PersonText}.",
            offices.Select(evidence.From).ToList(),
            $"{evidence.PeopleNames(holders)}, {office.Office}")
        {
            Confidence = sure,
            Reading = new MatchReading(ReadingRule.AttributionOffice,
                (holders.Count > 1 ? ReadingTraits.Rival : ReadingTraits.None) | (words < 2 ? ReadingTraits.Keyword : ReadingTraits.None), null),
        };
    }

    /// <summary>The person's act of this verb's kind (actKinVerbs) whose other people the sentence or its context names.</summary>
    private Act? AccusationKnown(ExtractedClaim claim, string verb, SentenceContext sentence)
    {
        var kin = compiled.Rules.Words.ActKinVerbs.BaseOf(verb);
        if (kin is null)
        {
            return null;
        }

        var acts = index.FactSet.Acts;
        for (var i = 0; i < acts.Count; i++)
        {
            var act = acts[i];
            if (!act.Actors.Contains(claim.PersonId!) || !string.Equals(compiled.Rules.Words.ActKinVerbs.BaseOf(act.Verb), kin, StringComparison.Ordinal))
            {
                continue;
            }

            var others = _othersNamedByActs[i];
            if (others.Count > 0 && sentence.MentionsAny(others))
            {
                return act;
            }
        }

        return null;
    }

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>The person's office named by the words of the sentence before the claim, if any.</summary>
    private OfficeHeld? HeadedOffice(ExtractedClaim claim, SentenceContext sentence)
    {
        var (first, _) = sentence.TokenSpan(claim);
        var before = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < first && k < sentence.Tokens.Count; k++)
        {
            before.Add(sentence.Tokens[k].Norm);
        }

        var functionWords = compiled.Rules.Words.TermFunctionWords;
        return before.Count == 0 ? null
            : compiled.Offices.DescribedBy(claim.PersonId!, before, w => !functionWords.Contains(w), compiled.Numbers.HeadedOfficeWordShare);
    }

    /// <summary>What the fact set lacks, said for each relation in plain English.</summary>
    private string NothingKnown(string person, string? verb) => verb switch
    {
        "authored" => $"The fact set holds no work by {person} under this title; check the title and the author against the book.",
        Extraction.MentionAttributions.HeldOffice => $"The fact set records no such office for {person}; check it against a source.",
        null or "according-to" or "estimated" or "counted" or "calculated" or "reckoned" =>
            $"The fact set holds no estimate or statement of {person}'s that this sentence repeats; check it against the source.",
        _ when ActVerbs.Contains(verb) => $"The fact set records no act of {person}'s like this; check it against a source.",
        _ => $"The fact set holds nothing {person} is known to have {Participle(verb)} in these words; check it against the source.",
    };

    /// <summary>"wrote" → "written", "said" → "said", "condemns" → "condemned": the participle after "known to have".</summary>
    private static string Participle(string verb) => verb switch
    {
        "wrote" or "write" or "writes" => "written",
        "gave" or "give" => "given",
        "took" => "taken",
        "spoke" => "spoken",
        "drew" => "drawn",
        "saw" => "seen",
        "knew" => "known",
        "went" => "gone",
        "came" => "come",
        "began" => "begun",
        "ran" => "run",
        "fought" or "brought" or "thought" or "found" or "held" or "led" or "met" or "sent" or "kept" or "said" or "told" or "put" or "read" or "set" or "made" => verb,
        _ when verb.EndsWith("ed", StringComparison.Ordinal) => verb,
        _ when verb.EndsWith("ies", StringComparison.Ordinal) => verb[..^3] + "ied",
        _ when verb.EndsWith("es", StringComparison.Ordinal) && verb.Length > 4 && verb[^3] is 's' or 'x' or 'z' or 'h' => verb[..^2] + "ed",
        _ when verb.EndsWith('s') && verb.Length > 3 => Participle(verb[..^1]),
        _ when verb.EndsWith('e') => verb + "d",
        _ => verb + "ed",
    };

    /// <summary>True when the person's name, or one of their aliases, stands in this sentence.</summary>
    private bool IsNamedNearby(string personId, SentenceContext sentence)
    {
        if (!index.People.TryGetValue(personId, out var person))
        {
            return false;
        }

        var words = sentence.Tokens.Select(t => t.Norm).ToHashSet(StringComparer.Ordinal);
        return person.Aliases.Prepend(person.Name)
            .Select(alias => Tokenizer.Tokenize(alias).Select(t => t.Norm).ToList())
            .Any(tokens => tokens.Count > 0 && tokens.All(words.Contains));
    }

    private MatchOutcome Judge(string? personId, string? personText, Quotation quotation)
    {
        var speaker = evidence.PersonName(quotation.Speaker);
        var items = new List<Evidence> { evidence.From(quotation) };
        if (quotation.Status == QuotationStatuses.Apocryphal)
        {
            return new MatchOutcome(ClaimStatuses.Misattributed,
                $"These words are commonly pinned on {speaker}, but no primary source for them is known.", items,
                $"Present the line as attributed to {speaker} without a known source, or drop it.");
        }

        if (personId is not null && personId != quotation.Speaker)
        {
            return new MatchOutcome(ClaimStatuses.Misattributed,
                $"These words are {speaker}'s, not {personText}'s.", items,
                $"{speaker}: “{quotation.Text}” ({evidence.Citation(quotation.Sources)})");
        }

        var secondHand = quotation.Status == QuotationStatuses.SecondHand ? " (known only at second hand; check it against the book)" : "";
        return new MatchOutcome(ClaimStatuses.Supported,
            $"{speaker} is on record with these words{secondHand}.", items, null);
    }

    private MatchOutcome JudgeAct(ExtractedClaim claim, Act act)
    {
        var actors = evidence.PeopleNames(act.Actors);
        if (act.Actors.Contains(claim.PersonId!))
        {
            return new MatchOutcome(ClaimStatuses.Supported, $"{act.Description}", [evidence.From(act)], null);
        }

        var commonly = act.WronglyCredited.Contains(claim.PersonId!) ? " (a common mistake)" : "";
        return new MatchOutcome(ClaimStatuses.Misattributed,
            $"{claim.PersonText} did not do this{commonly}: {act.Description}", [evidence.From(act)],
            $"{actors} ({evidence.Citation(act.Sources)})");
    }

    /// <summary>"According to X, N…": the figure must be X's own estimate.</summary>
    private MatchOutcome? JudgeEstimate(ExtractedClaim claim, SentenceContext sentence)
    {
        var personId = claim.PersonId!;
        MatchOutcome? misattributed = null, contradicted = null;
        foreach (var figureClaim in sentence.Claims.Where(c => c.Kind == ClaimKind.Figure && c.Figure is not null))
        {
            var claimInterval = Interval.OfClaim(figureClaim.Figure!);
            // The measures the sentence's words name, and the one a fact gives this very figure for.
            var readings = figures.Candidates(sentence, figureClaim, DateMatcher.MeasureKindOf(figureClaim.Figure!)).ToList();
            if (figures.ByValue(sentence, figureClaim, null) is { } byValue && readings.All(r => r.Measure.Id != byValue.Verdict.Candidate.Measure.Id))
            {
                readings.Add(byValue.Verdict.Candidate);
            }

            foreach (var candidate in readings)
            {
                var facts = index.FactsByMeasure.TryGetValue(candidate.Measure.Id, out var list) ? list : [];
                // The facts the figure fits best: the source's own number inside the claim's precision, else any overlap.
                var fitting = facts.Where(f => f.Value is not null && compiled.ValueOf(f).RelationTo(claimInterval) != Relation.Apart).ToList();
                var exact = fitting.Where(f => new Interval((double)f.Value!.Low, (double)f.Value.High).RelationTo(claimInterval) == Relation.Inside).ToList();
                // Only a figure that is exactly someone else's makes the attribution wrong; a loose overlap does not.
                var matching = exact;
                var byPerson = facts.Where(f => IsEstimateOf(f, personId) && f.Value is not null).ToList();
                if ((exact.Count > 0 ? exact : fitting).FirstOrDefault(f => IsEstimateOf(f, personId)) is { } mine)
                {
                    // The person's own figure in any candidate measure settles it.
                    return new MatchOutcome(ClaimStatuses.Supported, $"{evidence.PersonName(personId)} gives this figure: {mine.Statement}", [evidence.From(mine)], null);
                }

                if (matching.Count > 0 && misattributed is null)
                {
                    // The figure is someone else's: a named person's, or a scholarly or archival source's. Where the fact
                    // set has it only from an encyclopedia or a popular page ("official statistics as quoted on
                    // Wikipedia"), it cannot say whose estimate it is.
                    var owner = matching.FirstOrDefault(OwnedForSure) ?? matching[0];
                    var ownerName = evidence.EstimatorName(owner) ?? evidence.Citation(owner.Sources);
                    misattributed = new MatchOutcome(ClaimStatuses.Misattributed,
                        $"“{figureClaim.Text}” is {ownerName}'s figure, not {claim.PersonText}'s.",
                        matching.Concat(byPerson).Select(evidence.From).ToList(),
                        byPerson.Count > 0
                            ? $"{evidence.PersonName(personId)} gives {EvidenceBuilder.FormatValue(byPerson[0].Value!, candidate.Measure.Unit)}; {figureClaim.Text} is {ownerName}'s figure"
                            : $"according to {ownerName}")
                    {
                        Confidence = OwnedForSure(owner) ? 1.0 : compiled.Numbers.ContextReadingConfidence,
                    };
                }
                else if (byPerson.Count > 0 && contradicted is null)
                {
                    // The person gives another figure for this measure, but may give this one for something narrower:
                    // the closest fact is shown, the text is not called wrong.
                    contradicted = new MatchOutcome(ClaimStatuses.Contradicted,
                        $"{evidence.PersonName(personId)} gives {EvidenceBuilder.FormatValue(byPerson[0].Value!, candidate.Measure.Unit)} for {candidate.Measure.Name}, not “{figureClaim.Text}”.",
                        byPerson.Select(evidence.From).ToList(),
                        $"{EvidenceBuilder.FormatValue(byPerson[0].Value!, candidate.Measure.Unit)} ({evidence.Citation(byPerson[0].Sources)})")
                    {
                        Confidence = compiled.Numbers.ContextReadingConfidence,
                    };
                }
            }
        }

        return misattributed ?? contradicted;
    }

    /// <summary>The fact is the person's estimate: credited to them by id, or by a name that resolves to them ("Zemskov").</summary>
    private bool IsEstimateOf(Fact fact, string personId) =>
        fact.EstimateBy == personId
        || (fact.EstimateBy is null && fact.EstimateByName is { } name && compiled.FindPerson(name.Split('(')[0].Trim())?.Id == personId);

    private bool OwnedForSure(Fact fact) =>
        fact.EstimateBy is not null
        || fact.Sources.Any(s => index.Sources.TryGetValue(s.Source, out var source) && SourceReliabilities.IsScholarly(source.Reliability));

    /// <summary>A word for a work ("book", "pamphlet", "account") just before the attribution or just after it.</summary>
    private bool WorkNounBeside(ExtractedClaim claim, SentenceContext sentence)
    {
        var (first, last) = sentence.TokenSpan(claim);
        var reach = compiled.Numbers.WorkTitleMaxDistance;
        for (var i = Math.Max(0, first - reach); i <= Math.Min(sentence.Tokens.Count - 1, last + reach + 1); i++)
        {
            if ((i < first || i > last) && compiled.Rules.Words.WorkNouns.Contains(sentence.Tokens[i].Norm))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<Work> WorksNamed(ExtractedClaim claim, SentenceContext sentence)
    {
        // Only a title next to the attribution is what it attributes ("Bethell's The Last Secret", "Tolstoy wrote
        // Victims of Yalta"); a title elsewhere in the sentence is a topic.
        var (first, last) = sentence.TokenSpan(claim);
        var named = sentence.HitsOf(TermOwner.Work)
            .Where(h => h.DistanceTo(first, last) <= compiled.Numbers.WorkTitleMaxDistance && !IsTopic(sentence, h, last))
            .Where(h => !sentence.Claims.Any(c => c.Kind == ClaimKind.Quote && sentence.InsideClaim(h, c)))
            .Select(h => h.Entry.OwnerId);
        if (claim.ObjectText is { Length: > 0 } objectText)
        {
            // The object must be a title, not a quoted sentence that happens to contain one ("truly the last secret").
            var objectTokens = Tokenizer.Tokenize(objectText);
            named = named.Concat(compiled.Terms.Find(objectTokens)
                .Where(h => h.Entry.Owner == TermOwner.Work && (h.LastToken - h.FirstToken + 1) * 10 >= objectTokens.Count * 6)
                .Select(h => h.Entry.OwnerId));
        }

        return named.Distinct().Select(id => index.Works[id]);
    }

    /// <summary>
    /// The acts a claim's verb can refer to: named in the sentence, else in the sentence or two before ("It was
    /// signed by…", "Stalin signed the order"), else recognised by a distinctive word of their names ("at Yalta").
    /// </summary>
    /// <summary>"Horne wrote of Victims of Yalta…": a title after "of", "about" or "that" is what is written about.</summary>
    private bool IsTopic(SentenceContext sentence, TermHit title, int attributionLast)
    {
        for (var i = attributionLast + 1; i < title.FirstToken; i++)
        {
            if (compiled.Rules.Words.TopicWords.Contains(sentence.Tokens[i].Norm))
            {
                return true;
            }
        }

        return false;
    }

    private enum ActReference { Named, Before, Keyword }

    private List<Act> ActsNamed(SentenceContext sentence, string verb, out ActReference how)
    {
        var terms = compiled.Terms;
        // Acts matched only by their words apart are too weak a reference to call a signature wrong.
        how = ActReference.Named;
        if (!_verbsOfActs.Contains(verb) && !ActVerbs.Contains(verb))
        {
            // No act has this verb and it is not one that names acts generally: whatever the sentence or the ones
            // before name, none can be found, so their terms need not be read.
            return [];
        }

        var ids = sentence.HitsOf(TermOwner.Act).Where(h => !h.Entry.Loose).Select(h => h.Entry.OwnerId).ToHashSet();
        if (!ActsFor(ids, verb).Any())
        {
            how = ActReference.Before;
            ids = sentence.PrecedingHits.Where(h => h.Entry.Owner == TermOwner.Act).Select(h => h.Entry.OwnerId).ToHashSet();
        }

        if (!ActsFor(ids, verb).Any() && ActVerbs.Contains(verb))
        {
            how = ActReference.Keyword;
            var words = sentence.Tokens.Concat(sentence.PrecedingTokens).Select(t => t.Norm).ToHashSet();
            ids = terms.ActKeywords.Where(k => words.Contains(k.Keyword)).Select(k => k.ActId).ToHashSet();
        }

        return ActsFor(ids, verb).ToList();
    }

    private IEnumerable<Act> ActsFor(HashSet<string> ids, string verb)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var acts = index.FactSet.Acts.Where(a => ids.Contains(a.Id)).ToList();
        var sameVerb = acts.Where(a => a.Verb == verb).ToList();
        return sameVerb.Count > 0 || !ActVerbs.Contains(verb) ? sameVerb : acts.Where(a => ActVerbs.Contains(a.Verb));
    }

    /// <summary>The person did it if any act the words can refer to lists them; otherwise it is misattributed.</summary>
    private MatchOutcome? JudgeActs(ExtractedClaim claim, IReadOnlyList<Act> acts)
    {
        if (acts.Count == 0)
        {
            return null;
        }

        var done = acts.FirstOrDefault(a => a.Actors.Contains(claim.PersonId!));
        return done is not null ? JudgeAct(claim, done) : JudgeAct(claim, acts.FirstOrDefault(a => a.WronglyCredited.Contains(claim.PersonId!)) ?? acts[0]);
    }

    /// <summary>
    /// The known quotation these words are, or are part of. A short fragment ("visibly shamefaced") is taken only
    /// from the person the text gives it to: from anyone, two words are more likely a stock phrase.
    /// </summary>
    private Quotation? FindQuotation(string words, string? personId = null)
    {
        if (!HasTwoWords(words))
        {
            return null;
        }

        Quotation? best = null;
        var bestLength = 0;
        string[]? split = null;
        foreach (var (quotation, known, knownSplit) in _quotations)
        {
            var matches = words.Contains(known, StringComparison.Ordinal) || IsFragmentOf(words, ref split, known, knownSplit)
                          || (personId is not null && quotation.Speaker == personId && known.Contains(words, StringComparison.Ordinal));
            if (matches && known.Length > bestLength)
            {
                (best, bestLength) = (quotation, known.Length);
            }
        }

        return best;
    }

    /// <summary>
    /// A quoted fragment of a known quotation: enough of it (three words or half) to be the same words, not a stock
    /// phrase; or a retelling that keeps most of the words in order ("no Soviet prisoners of war, only traitors").
    /// </summary>
    /// <remarks><paramref name="split"/>: the words split on spaces, done on first need and kept for the next quotation.</remarks>
    private static bool IsFragmentOf(string words, ref string[]? split, string known, string[] knownSplit)
    {
        if (known.Contains(words, StringComparison.Ordinal))
        {
            return words.Count(c => c == ' ') >= 2 || words.Length * 2 >= known.Length;
        }

        var a = split ??= words.Split(' ');
        var shorter = Math.Min(a.Length, knownSplit.Length);
        return shorter >= 5 && CommonInOrder(a, knownSplit) >= 0.8 * shorter;
    }

    /// <summary>At least two words between spaces (what splitting without empty entries would count), without splitting.</summary>
    private static bool HasTwoWords(string words)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in words)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                if (++count == 2)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Length of the longest common subsequence of words.</summary>
    private static int CommonInOrder(string[] a, string[] b)
    {
        Span<int> row = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        foreach (var word in a)
        {
            var diagonal = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = word == b[j - 1] ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static string QuoteText(ExtractedClaim quote) => Normalise(quote.ObjectText ?? quote.Text);

    /// <summary>Letters and digits only, lower case, single spaces: quotes survive re-typing of punctuation.</summary>
    internal static string Normalise(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space && c is not '\'' and not '’')
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().Trim();
    }
}
