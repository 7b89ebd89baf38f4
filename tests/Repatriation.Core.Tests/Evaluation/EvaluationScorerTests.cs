using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

public class EvaluationScorerTests
{
    private const string Text = "In 1945 some 4.2 million returned; 1,590 men left Plattling in 1946.";

    [Fact]
    public void Align_ExactSpanSameKind_IsExact()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True));

        var (outcomes, unmatched) = EvaluationScorer.Align(passage, [Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Disputed)]);

        Assert.Equal(Alignments.Exact, Assert.Single(outcomes).Alignment);
        Assert.Empty(unmatched);
    }

    [Fact]
    public void Align_OverlappingSpanSameKind_IsWrongSpan()
    {
        var passage = Passage(Text, Label("some 4.2 million", ClaimKinds.Figure, ClaimStatuses.Supported, ClaimTruth.True));

        var (outcomes, _) = EvaluationScorer.Align(passage, [Found(Text, "4.2 million", ClaimKinds.Figure, ClaimStatuses.Supported)]);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(Alignments.WrongSpan, outcome.Alignment);
        Assert.Equal("4.2 million", outcome.FoundText);
        Assert.True(outcome.StatusCorrect);
    }

    [Fact]
    public void Align_OverlappingSpanOtherKind_IsMissedAndSpurious()
    {
        var passage = Passage(Text, Label("some 4.2 million", ClaimKinds.Figure, ClaimStatuses.Supported, ClaimTruth.True));

        var (outcomes, unmatched) = EvaluationScorer.Align(passage, [Found(Text, "4.2", ClaimKinds.Date, ClaimStatuses.Unsupported)]);

        Assert.Equal(Alignments.Missed, Assert.Single(outcomes).Alignment);
        Assert.Equal("4.2", Assert.Single(unmatched).Text);
    }

    [Fact]
    public void Align_RepeatedText_UsesTheLabelledOccurrence()
    {
        const string text = "1945 was the year; by 1945 most had gone.";
        var passage = Passage(text, Label("1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True, occurrence: 1));

        var (outcomes, unmatched) = EvaluationScorer.Align(passage,
        [
            Found(text, "1945", ClaimKinds.Date, ClaimStatuses.Unsupported, occurrence: 0),
            Found(text, "1945", ClaimKinds.Date, ClaimStatuses.Supported, occurrence: 1),
        ]);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(Alignments.Exact, outcome.Alignment);
        Assert.Equal(ClaimStatuses.Supported, outcome.FoundStatus);
        Assert.Equal(0, Assert.Single(unmatched).Offset);
    }

    [Fact]
    public void Align_ExactMatchFirst_OverlapDoesNotStealIt()
    {
        const string text = "about 3,000 men";
        // Both labels overlap the longer found claim; the exact one must keep its exact partner.
        var passage = Passage(text,
            Label("about 3,000 men", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True),
            Label("3,000", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True));

        var (outcomes, _) = EvaluationScorer.Align(passage,
        [
            Found(text, "about 3,000", ClaimKinds.Figure, ClaimStatuses.Disputed),
            Found(text, "3,000", ClaimKinds.Figure, ClaimStatuses.Disputed),
        ]);

        Assert.Equal(Alignments.WrongSpan, outcomes[0].Alignment);
        Assert.Equal("about 3,000", outcomes[0].FoundText);
        Assert.Equal(Alignments.Exact, outcomes[1].Alignment);
    }

    [Fact]
    public void Score_KnownConfusion_ComputesEveryFigure()
    {
        const string text = "A 100 B 200 C 1945 D 1946 E Bethell wrote F \"quoted\" G 300 H 400 I 500";
        var passage = Passage(text,
            Label("100", ClaimKinds.Figure, ClaimStatuses.Supported, ClaimTruth.True),           // a: right
            Label("200", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True),            // b: right, disputed is no false alarm
            Label("1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True),            // c: false alarm, and a wrong strong verdict
            Label("D 1946", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False),      // d: wrong span, right status, a right strong verdict
            Label("Bethell wrote", ClaimKinds.Attribution, ClaimStatuses.Misattributed, ClaimTruth.False), // e: flagged, only unsupported
            Label("\"quoted\"", ClaimKinds.Quote, ClaimStatuses.Misattributed, ClaimTruth.False), // f: missed
            Label("300", ClaimKinds.Figure, ClaimStatuses.Imprecise, ClaimTruth.False),          // g: passed as supported
            Label("400", ClaimKinds.Figure, ClaimStatuses.Unsupported, ClaimTruth.Uncovered));   // h: right
        var report = Report(passage,
            Found(text, "100", ClaimKinds.Figure, ClaimStatuses.Supported),
            Found(text, "200", ClaimKinds.Figure, ClaimStatuses.Disputed),
            Found(text, "1945", ClaimKinds.Date, ClaimStatuses.Contradicted),
            Found(text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted),
            Found(text, "Bethell wrote", ClaimKinds.Attribution, ClaimStatuses.Unsupported),
            Found(text, "300", ClaimKinds.Figure, ClaimStatuses.Supported),
            Found(text, "400", ClaimKinds.Figure, ClaimStatuses.Unsupported),
            Found(text, "500", ClaimKinds.Figure, ClaimStatuses.Unsupported));               // unlabelled: a non-claim reported

        var r = EvaluationScorer.Score([new PassageRun(passage, report)], FactSet);
        var m = r.Measures;

        Assert.Equal((1, 8, 8), (m.Passages, m.Labels, m.Reported));
        Assert.Equal(new Ratio(7, 8), m.ClaimsExtracted);
        Assert.Equal(new Ratio(6, 8), m.ClaimsExtractedExact);
        Assert.Equal(new Ratio(1, 1), m.AttributionsExtracted);
        Assert.Equal(new Ratio(7, 8), m.ExtractionPrecision);
        Assert.Equal(new Ratio(4, 8), m.StatusAccuracy);
        Assert.Equal(new Ratio(2, 4), m.FalseClaimsFlagged);
        Assert.Equal(new Ratio(1, 4), m.FalseClaimsStrong);
        Assert.Equal(new Ratio(1, 3), m.TrueClaimsFlagged);
        Assert.Equal(new Ratio(1, 2), m.StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 8), m.NonClaimsReported);
        var unlabelled = Assert.Single(r.Reported, c => c.Category != ReportedCategories.Labelled);
        Assert.Equal(("500", ReportedCategories.Unlabelled), (unlabelled.Text, unlabelled.Category));

        StatusScore S(string status) => r.ByStatus.Single(s => s.Status == status);
        Assert.Equal(new StatusScore(ClaimStatuses.Supported, Expected: 2, Given: 2, Correct: 1, Reported: 2, Right: 1, OnNonClaims: 0), S(ClaimStatuses.Supported));
        Assert.Equal(new StatusScore(ClaimStatuses.Contradicted, 1, 2, 1, 2, 1, 0), S(ClaimStatuses.Contradicted));
        Assert.Equal(new StatusScore(ClaimStatuses.Misattributed, 2, 0, 0, 0, 0, 0), S(ClaimStatuses.Misattributed));
        Assert.Equal(new StatusScore(ClaimStatuses.Unsupported, 1, 2, 1, 3, 1, 1), S(ClaimStatuses.Unsupported));
        Assert.Equal(new StatusScore(ClaimStatuses.Disputed, 1, 1, 1, 1, 1, 0), S(ClaimStatuses.Disputed));
        Assert.Equal(new StatusScore(ClaimStatuses.Imprecise, 1, 0, 0, 0, 0, 0), S(ClaimStatuses.Imprecise));
        Assert.Equal(new Ratio(1, 2), S(ClaimStatuses.Supported).Precision);
        Assert.Equal(new Ratio(1, 3), S(ClaimStatuses.Unsupported).RightShare);
        Assert.Null(S(ClaimStatuses.Misattributed).Precision.Value);

        Measures K(string kind) => r.ByKind.Single(k => k.Kind == kind).Measures;
        // Label-based shares filter labels by their kind; reported-based ones filter reported claims by theirs.
        Assert.Equal((4, 5), (K(ClaimKinds.Figure).Labels, K(ClaimKinds.Figure).Reported));
        Assert.Equal(new Ratio(4, 4), K(ClaimKinds.Figure).ClaimsExtracted);
        Assert.Equal(new Ratio(3, 4), K(ClaimKinds.Figure).StatusAccuracy);
        Assert.Equal(new Ratio(0, 1), K(ClaimKinds.Figure).FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 2), K(ClaimKinds.Figure).TrueClaimsFlagged);
        Assert.Equal(new Ratio(0, 0), K(ClaimKinds.Figure).StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 5), K(ClaimKinds.Figure).NonClaimsReported);
        Assert.Equal(new Ratio(2, 2), K(ClaimKinds.Date).ClaimsExtracted);
        Assert.Equal(new Ratio(1, 2), K(ClaimKinds.Date).ClaimsExtractedExact);
        Assert.Equal(new Ratio(1, 1), K(ClaimKinds.Date).FalseClaimsStrong);
        Assert.Equal(new Ratio(1, 1), K(ClaimKinds.Date).TrueClaimsFlagged);
        Assert.Equal(new Ratio(1, 2), K(ClaimKinds.Date).StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 1), K(ClaimKinds.Attribution).FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 1), K(ClaimKinds.Attribution).FalseClaimsStrong);
        Assert.Equal(new Ratio(0, 1), K(ClaimKinds.Quote).ClaimsExtracted);
        Assert.Equal(0, K(ClaimKinds.Quote).Reported);

        // Our own passages have no genre: they are grouped by style.
        var genre = Assert.Single(r.ByGenre);
        Assert.Equal("blog", genre.Genre);
        Assert.Equal(m, genre.Measures);
    }

    [Fact]
    public void Score_StrongVerdictOnUnlabelledSpan_IsWrongAndANonClaimReported()
    {
        var passage = Passage(Text, Label("1946", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False));

        var r = ScoreOne(passage,
            Found(Text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted),
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted));

        Assert.Equal(new Ratio(1, 2), r.Measures.StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 2), r.Measures.NonClaimsReported);
        Assert.Equal(ReportedCategories.Unlabelled, r.Reported.Single(c => c.Text == "1,590").Category);
    }

    [Fact]
    public void Score_StrongVerdictOnNonClaim_IsWrongAndCountsAsNonClaimReported()
    {
        const string text = "LONDON, June 2 – The agreement was signed on 12 February 1945.";
        var passage = Published("n1", "press", text,
            [Label("12 February 1945", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False)],
            [Not("2", "dateline")]);

        var r = ScoreOne(passage,
            Found(text, "2", ClaimKinds.Figure, ClaimStatuses.Contradicted),
            Found(text, "12 February 1945", ClaimKinds.Date, ClaimStatuses.Contradicted));

        Assert.Equal(new Ratio(1, 2), r.Measures.StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 2), r.Measures.NonClaimsReported);
        var dateline = r.Reported.Single(c => c.Text == "2");
        Assert.Equal((ReportedCategories.NonClaim, "dateline"), (dateline.Category, dateline.NonClaimNote));
        Assert.Equal(1, r.ByStatus.Single(s => s.Status == ClaimStatuses.Contradicted).OnNonClaims);
    }

    [Fact]
    public void Score_NonClaimReportedWithAnyStatus_Counts()
    {
        const string text = "LONDON, June 2 – The agreement was signed on 11 February 1945.";
        var passage = Published("n1", "press", text,
            [Label("11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True)],
            [Not("June 2", "dateline")]);

        var r = ScoreOne(passage,
            Found(text, "June 2", ClaimKinds.Date, ClaimStatuses.Unsupported),
            Found(text, "11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported));

        Assert.Equal(new Ratio(1, 2), r.Measures.NonClaimsReported);
        Assert.Equal(new Ratio(0, 0), r.Measures.StrongVerdictsRight);
        Assert.Equal(new Ratio(0, 1), r.Measures.TrueClaimsFlagged);
    }

    [Theory]
    [InlineData(ClaimTruth.True, ClaimStatuses.Supported, ClaimStatuses.Contradicted)]
    [InlineData(ClaimTruth.True, ClaimStatuses.Disputed, ClaimStatuses.Imprecise)]
    [InlineData(ClaimTruth.Uncovered, ClaimStatuses.Unsupported, ClaimStatuses.Misattributed)]
    public void Score_StrongVerdictOnTrueOrUncoveredLabel_IsWrong(string truth, string labelled, string given)
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, labelled, truth));

        var r = ScoreOne(passage, Found(Text, "1,590", ClaimKinds.Figure, given));

        Assert.Equal(new Ratio(0, 1), r.Measures.StrongVerdictsRight);
        Assert.Equal(new Ratio(0, 1), r.Measures.StatusAccuracy);
    }

    [Fact]
    public void Score_OtherStrongStatusOnFalseLabel_IsARightStrongVerdictButAWrongStatus()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted, ClaimTruth.False));

        var r = ScoreOne(passage, Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Imprecise));

        Assert.Equal(new Ratio(1, 1), r.Measures.StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 1), r.Measures.FalseClaimsStrong);
        Assert.Equal(new Ratio(1, 1), r.Measures.FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 1), r.Measures.StatusAccuracy);
    }

    [Fact]
    public void Score_UnsupportedOnFalseLabel_IsFlaggedButNotStrong()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted, ClaimTruth.False));

        var r = ScoreOne(passage, Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Unsupported));

        Assert.Equal(new Ratio(1, 1), r.Measures.FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 1), r.Measures.FalseClaimsStrong);
        Assert.Equal(new Ratio(0, 0), r.Measures.StrongVerdictsRight);
    }

    [Fact]
    public void Score_NumberInsideLabelledQuote_MarkedNonClaim_IsANonClaimAndTheQuoteIsFound()
    {
        const string text = "Keightley said \"we handed over 2,000 men\" that week.";
        const string quote = "\"we handed over 2,000 men\"";
        var passage = Published("q1", "press", text,
            [Label(quote, ClaimKinds.Quote, ClaimStatuses.Unsupported, ClaimTruth.Uncovered)],
            [Not("2,000", "a number inside a quotation")]);

        var r = ScoreOne(passage,
            Found(text, quote, ClaimKinds.Quote, ClaimStatuses.Unsupported),
            Found(text, "2,000", ClaimKinds.Figure, ClaimStatuses.Unsupported));

        Assert.Equal(new Ratio(1, 1), r.Measures.ClaimsExtracted);
        Assert.Equal(ReportedCategories.NonClaim, r.Reported.Single(c => c.Text == "2,000").Category);
        Assert.Equal(new Ratio(1, 2), r.Measures.NonClaimsReported);
    }

    [Fact]
    public void Score_ClaimOfAnotherKindOnALabel_IsStray_NeitherExtractedNorANonClaim()
    {
        var passage = Passage(Text, Label("1946", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True));

        var r = ScoreOne(passage, Found(Text, "1946", ClaimKinds.Figure, ClaimStatuses.Contradicted));

        Assert.Equal(new Ratio(0, 1), r.Measures.ClaimsExtracted);
        Assert.Equal(ReportedCategories.Stray, Assert.Single(r.Reported).Category);
        Assert.Equal(new Ratio(0, 1), r.Measures.NonClaimsReported);
        Assert.Equal(new Ratio(0, 1), r.Measures.ExtractionPrecision);
        Assert.Equal(new Ratio(0, 1), r.Measures.StrongVerdictsRight);
    }

    [Theory]
    [InlineData(ClaimStatuses.Supported, ClaimStatuses.Supported, false)]
    [InlineData(ClaimStatuses.Supported, ClaimStatuses.Disputed, true)]
    [InlineData(ClaimStatuses.Supported, ClaimStatuses.Unsupported, true)]
    [InlineData(ClaimStatuses.Supported, ClaimStatuses.Contradicted, true)]
    [InlineData(ClaimStatuses.Disputed, ClaimStatuses.Disputed, false)]
    [InlineData(ClaimStatuses.Disputed, ClaimStatuses.Supported, false)]
    [InlineData(ClaimStatuses.Disputed, ClaimStatuses.Imprecise, true)]
    [InlineData(ClaimStatuses.Disputed, ClaimStatuses.Unsupported, true)]
    [InlineData(ClaimStatuses.Supported, null, false)]
    public void Score_TrueCoveredClaim_IsFlaggedWhenGivenNeitherSupportedNorItsOwnStatus(string labelled, string? given, bool alarm)
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, labelled, ClaimTruth.True));

        var r = given is null ? ScoreOne(passage) : ScoreOne(passage, Found(Text, "1,590", ClaimKinds.Figure, given));

        Assert.Equal(new Ratio(alarm ? 1 : 0, 1), r.Measures.TrueClaimsFlagged);
    }

    [Fact]
    public void Score_PerturbedCopy_IsScoredLikeAnyPassage()
    {
        const string original = "John R. Deane signed the agreement on 11 February 1945.";
        const string perturbed = "John R. Deane signed the agreement on 12 February 1945.";
        var a = Published("a", "press", original,
        [
            Label("11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True),
            Label("John R. Deane signed", ClaimKinds.Attribution, ClaimStatuses.Supported, ClaimTruth.True),
        ]);
        var b = Published("a-p1", "press", perturbed,
        [
            Label("12 February 1945", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False),
            Label("John R. Deane signed", ClaimKinds.Attribution, ClaimStatuses.Supported, ClaimTruth.True),
        ], perturbedFrom: "a");
        var runA = new PassageRun(a, Report(a, Found(original, "11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported)));
        var runB = new PassageRun(b, Report(b, Found(perturbed, "12 February 1945", ClaimKinds.Date, ClaimStatuses.Contradicted)));

        var both = EvaluationScorer.Score([runA, runB], FactSet, CorpusParts.Tuning).Measures;
        var copy = EvaluationScorer.Score([runB], FactSet, CorpusParts.Tuning).Measures;

        Assert.Equal((2, 4, 2), (both.Passages, both.Labels, both.Reported));
        Assert.Equal(new Ratio(2, 4), both.ClaimsExtracted);
        Assert.Equal(new Ratio(1, 1), both.FalseClaimsFlagged);
        Assert.Equal(new Ratio(1, 1), both.StrongVerdictsRight);
        Assert.Equal(new Ratio(1, 2), copy.ClaimsExtracted);
        Assert.Equal(new Ratio(1, 1), copy.FalseClaimsStrong);
    }

    [Fact]
    public void Score_ByGenre_GroupsPublishedPassagesByGenre()
    {
        const string text = "The agreement was signed on 11 February 1945.";
        var label = Label("11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True);
        var press = Published("p", "press", text, [label]);
        var blurb = Published("b", "blurb", text, [label]);
        var blurb2 = Published("b2", "blurb", text, [label]);

        var r = EvaluationScorer.Score(
        [
            new PassageRun(press, Report(press, Found(text, "11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported))),
            new PassageRun(blurb, Report(blurb, Found(text, "11 February 1945", ClaimKinds.Date, ClaimStatuses.Unsupported))),
            new PassageRun(blurb2, Report(blurb2)),
        ], FactSet, CorpusParts.Heldout);

        Assert.Equal(CorpusParts.Heldout, r.Part);
        Assert.Equal(["blurb", "press"], r.ByGenre.Select(g => g.Genre));
        var blurbs = r.ByGenre[0].Measures;
        Assert.Equal((2, 2, 1), (blurbs.Passages, blurbs.Labels, blurbs.Reported));
        Assert.Equal(new Ratio(1, 2), blurbs.ClaimsExtracted);
        Assert.Equal(new Ratio(1, 2), blurbs.TrueClaimsFlagged);
        Assert.Equal(new Ratio(0, 1), r.ByGenre[1].Measures.TrueClaimsFlagged);
    }

    [Fact]
    public void Score_NoPassages_EveryShareIsNotApplicable()
    {
        var r = EvaluationScorer.Score([], FactSet, CorpusParts.Heldout);

        Assert.True(r.IsEmpty);
        Assert.All(EvaluationMeasures.All, m => Assert.Null(m.Of(r.Measures).Value));
    }

    [Fact]
    public void Score_PassageWithoutReport_RecordsErrorAndMissesItsLabels()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted, ClaimTruth.False));

        var r = EvaluationScorer.Score([new PassageRun(passage, null, "boom")], FactSet);

        Assert.Equal("boom", Assert.Single(r.Errors).Error);
        Assert.Equal(Alignments.Missed, Assert.Single(r.Claims).Alignment);
        Assert.Equal(new Ratio(0, 1), r.Measures.FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 0), r.Measures.ExtractionPrecision);
    }

    [Fact]
    public void Goals_PerfectAndAlarmingReports_AreMetAndNotMet()
    {
        var passage = Passage(Text,
            Label("1,590", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True),
            Label("1946", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False));
        var good = ScoreOne(passage,
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Disputed),
            Found(Text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted));
        var alarm = ScoreOne(passage,
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Imprecise),
            Found(Text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted));

        Assert.All(EvaluationMeasures.CheckGoals(good.Measures), g => Assert.True(g.Met, g.ToString()));
        Assert.Equal(
            [EvaluationMeasures.TrueClaimsFlagged.Id, EvaluationMeasures.StrongVerdictsRight.Id],
            EvaluationMeasures.CheckGoals(alarm.Measures).Where(g => !g.Met).Select(g => g.Measure.Id));
    }

    [Fact]
    public void Goals_NothingMeasured_IsNotMet()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True));
        var r = ScoreOne(passage, Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Disputed));

        var goals = EvaluationMeasures.CheckGoals(r.Measures);

        Assert.False(goals.Single(g => g.Measure == EvaluationMeasures.FalseClaimsFlagged).Met);
        Assert.True(goals.Single(g => g.Measure == EvaluationMeasures.ClaimsExtracted).Met);
    }

    [Fact]
    public void Measures_Goals_AreTheIssuesTargets() =>
        Assert.Equal(
            [("claims-extracted", ">=", 0.95), ("false-flagged", ">=", 0.95), ("false-strong", ">=", 0.80), ("true-flagged", "<=", 0.05), ("strong-right", ">=", 0.95), ("non-claims-reported", "<=", 0.05)],
            EvaluationMeasures.Goals.Select(m => (m.Id, m.Comparison, m.Goal!.Value)));
}
