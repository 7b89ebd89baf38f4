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
            Label("1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True),            // c: false alarm
            Label("D 1946", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False),      // d: wrong span, right status
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
            Found(text, "500", ClaimKinds.Figure, ClaimStatuses.Unsupported));               // spurious

        var r = EvaluationScorer.Score([new PassageRun(passage, report)], FactSet);

        Assert.Equal((8, 8), (r.Labels, r.FoundClaims));
        Assert.Equal(new Ratio(6, 8), r.ExtractionRecall);
        Assert.Equal(new Ratio(7, 8), r.LenientExtractionRecall);
        Assert.Equal(new Ratio(7, 8), r.ExtractionPrecision);
        Assert.Equal(new Ratio(4, 8), r.StatusAccuracy);
        Assert.Equal(new Ratio(2, 4), r.FalseClaimsFlagged);
        Assert.Equal(new Ratio(1, 4), r.FalseClaimsContradictedOrMisattributed);
        Assert.Equal(new Ratio(1, 3), r.FalseAlarmsOnTrueClaims);
        Assert.Equal("500", Assert.Single(r.Spurious).Text);

        StatusScore S(string status) => r.ByStatus.Single(s => s.Status == status);
        Assert.Equal(new StatusScore(ClaimStatuses.Supported, Expected: 2, Predicted: 2, Correct: 1), S(ClaimStatuses.Supported));
        Assert.Equal(new StatusScore(ClaimStatuses.Contradicted, 1, 2, 1), S(ClaimStatuses.Contradicted));
        Assert.Equal(new StatusScore(ClaimStatuses.Misattributed, 2, 0, 0), S(ClaimStatuses.Misattributed));
        Assert.Equal(new StatusScore(ClaimStatuses.Unsupported, 1, 2, 1), S(ClaimStatuses.Unsupported));
        Assert.Equal(new StatusScore(ClaimStatuses.Disputed, 1, 1, 1), S(ClaimStatuses.Disputed));
        Assert.Equal(new StatusScore(ClaimStatuses.Imprecise, 1, 0, 0), S(ClaimStatuses.Imprecise));
        Assert.Equal(new Ratio(1, 2), S(ClaimStatuses.Supported).Precision);
        Assert.Null(S(ClaimStatuses.Misattributed).Precision.Value);

        KindScore K(string kind) => r.ByKind.Single(k => k.Kind == kind);
        Assert.Equal(new KindScore(ClaimKinds.Figure, Labels: 4, FoundExact: 4, FoundAny: 4, StatusCorrect: 3), K(ClaimKinds.Figure));
        Assert.Equal(new KindScore(ClaimKinds.Date, 2, 1, 2, 1), K(ClaimKinds.Date));
        Assert.Equal(new KindScore(ClaimKinds.Attribution, 1, 1, 1, 0), K(ClaimKinds.Attribution));
        Assert.Equal(new KindScore(ClaimKinds.Quote, 1, 0, 0, 0), K(ClaimKinds.Quote));
    }

    [Fact]
    public void Score_PassageWithoutReport_RecordsErrorAndMissesItsLabels()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted, ClaimTruth.False));

        var r = EvaluationScorer.Score([new PassageRun(passage, null, "boom")], FactSet);

        Assert.Equal("boom", Assert.Single(r.Errors).Error);
        Assert.Equal(Alignments.Missed, Assert.Single(r.Claims).Alignment);
        Assert.Equal(new Ratio(0, 1), r.FalseClaimsFlagged);
        Assert.Equal(new Ratio(0, 0), r.ExtractionPrecision);
    }

    [Fact]
    public void Floors_AllMet_AndOneMissed_AreReported()
    {
        var passage = Passage(Text,
            Label("1,590", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True),
            Label("1946", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False));
        var good = EvaluationScorer.Score([new PassageRun(passage, Report(passage,
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Disputed),
            Found(Text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted)))], FactSet);
        var alarm = EvaluationScorer.Score([new PassageRun(passage, Report(passage,
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Imprecise),
            Found(Text, "1946", ClaimKinds.Date, ClaimStatuses.Contradicted)))], FactSet);

        Assert.All(new EvaluationFloors().Check(good), f => Assert.True(f.Met, f.ToString()));
        var missed = Assert.Single(new EvaluationFloors().Check(alarm), f => !f.Met);
        Assert.Equal("false alarms on true covered claims", missed.Name);
    }

    [Fact]
    public void Floors_NothingMeasured_IsNotMet()
    {
        var passage = Passage(Text, Label("1,590", ClaimKinds.Figure, ClaimStatuses.Disputed, ClaimTruth.True));
        var r = EvaluationScorer.Score([new PassageRun(passage, Report(passage, Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Disputed)))], FactSet);

        var checks = new EvaluationFloors().Check(r);

        Assert.False(checks.Single(f => f.Name == "false claims flagged").Met);
        Assert.True(checks.Single(f => f.Name == "extraction recall").Met);
    }
}
