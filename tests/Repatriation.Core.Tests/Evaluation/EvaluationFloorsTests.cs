using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

public class EvaluationFloorsTests
{
    private const string Text = "In 1945 some 4.2 million returned; 1,590 men left Plattling in 1946.";

    /// <summary>4 labels: 3 found (one false claim called contradicted, one true claim falsely alarmed), 1 unlabelled claim reported.</summary>
    private static EvaluationResult Result(string part = CorpusParts.Heldout)
    {
        var passage = Passage(Text,
            Label("1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True),
            Label("some 4.2 million", ClaimKinds.Figure, ClaimStatuses.Supported, ClaimTruth.True),
            Label("1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted, ClaimTruth.False),
            Label("1946", ClaimKinds.Date, ClaimStatuses.Unsupported, ClaimTruth.Uncovered));
        var report = Report(passage,
            Found(Text, "1945", ClaimKinds.Date, ClaimStatuses.Supported),
            Found(Text, "4.2 million", ClaimKinds.Figure, ClaimStatuses.Unsupported),
            Found(Text, "1,590", ClaimKinds.Figure, ClaimStatuses.Contradicted),
            Found(Text, "Plattling", ClaimKinds.Attribution, ClaimStatuses.Unsupported));
        return EvaluationScorer.Score([new PassageRun(passage, report)], FactSet, part);
    }

    private static EvaluationFloors Floors(string part, params (MeasureDefinition Measure, double Floor)[] floors) =>
        new(new Dictionary<string, IReadOnlyDictionary<string, double>> { [part] = floors.ToDictionary(f => f.Measure.Id, f => f.Floor) });

    [Theory]
    [InlineData(false, 0.986, 0.98)]
    [InlineData(false, 0.95, 0.95)]
    [InlineData(false, 0.57, 0.57)]
    [InlineData(false, 1.0, 1.0)]
    [InlineData(false, 0.929999, 0.92)]
    [InlineData(true, 0.045, 0.05)]
    [InlineData(true, 0.05, 0.05)]
    [InlineData(true, 0.0133, 0.02)]
    [InlineData(true, 0.0, 0.0)]
    public void BoundAt_Reached_RoundsTowardsWhatStillPasses(bool lowerIsBetter, double reached, double expected)
    {
        var measure = lowerIsBetter ? EvaluationMeasures.TrueClaimsFlagged : EvaluationMeasures.ClaimsExtracted;

        var bound = measure.BoundAt(reached);

        Assert.Equal(expected, bound, 9);
        Assert.False(double.IsNegative(bound));
        Assert.True(measure.Reaches(reached, bound));
    }

    [Fact]
    public void WithReached_ThenCheck_NothingBrokenNothingLooseNothingMissing()
    {
        var result = Result();

        var checks = EvaluationFloors.Empty.WithReached(result).Check(result);

        Assert.Equal(EvaluationMeasures.Floored.Count, checks.Count);
        Assert.All(checks, c => Assert.False(c.Broken || c.TooLoose || c.Missing, c.Describe()));
        // 3 of 4 labels found (2 with the exact span); 1 of 2 true claims alarmed; 1 of 4 reported claims unlabelled.
        var floors = EvaluationFloors.Empty.WithReached(result).For(CorpusParts.Heldout);
        Assert.Equal(0.75, floors[EvaluationMeasures.ClaimsExtracted.Id]);
        Assert.Equal(0.5, floors[EvaluationMeasures.TrueClaimsFlagged.Id]);
        Assert.Equal(0.25, floors[EvaluationMeasures.NonClaimsReported.Id]);
        Assert.Equal(0.5, floors[EvaluationMeasures.ClaimsExtractedExact.Id]);
        Assert.False(floors.ContainsKey(EvaluationMeasures.AttributionsExtracted.Id));   // no attribution labelled: nothing counted, no floor
    }

    [Fact]
    public void Check_BelowFloor_IsBrokenNamingMeasureValueAndFloor()
    {
        var check = Assert.Single(Floors(CorpusParts.Heldout, (EvaluationMeasures.ClaimsExtracted, 0.80)).Check(Result()), c => c.Floor is not null);

        Assert.True(check.Broken);
        Assert.Equal("held-out: claims extracted (claims-extracted) is 0.750 (3/4), below its floor 0.80", check.Describe());
    }

    [Fact]
    public void Check_AboveCeiling_IsBroken()
    {
        var check = Assert.Single(Floors(CorpusParts.Heldout, (EvaluationMeasures.NonClaimsReported, 0.20)).Check(Result()), c => c.Floor is not null);

        Assert.True(check.Broken);
        Assert.Contains("is 0.250 (1/4), above its ceiling 0.20", check.Describe());
    }

    [Fact]
    public void Check_FarBetterThanFloor_AsksToRaiseIt()
    {
        var checks = Floors(CorpusParts.Heldout, (EvaluationMeasures.ClaimsExtracted, 0.72), (EvaluationMeasures.TrueClaimsFlagged, 0.60)).Check(Result());

        var loose = checks.Where(c => c.TooLoose).ToList();
        Assert.Equal([EvaluationMeasures.ClaimsExtracted, EvaluationMeasures.TrueClaimsFlagged], loose.Select(c => c.Measure));
        Assert.All(loose, c => Assert.False(c.Broken));
        Assert.Contains("more than 0.02 better than its floor 0.72: raise the floor (run `dotnet run --project src/Repatriation.Cli -- eval --write-floors`", loose[0].Describe());
        Assert.Contains("better than its ceiling 0.60: lower the ceiling", loose[1].Describe());
    }

    [Theory]
    [InlineData(0.73, false)]
    [InlineData(0.7299, true)]
    public void Check_WithinSlack_IsKept(double floor, bool loose)
    {
        var check = Floors(CorpusParts.Heldout, (EvaluationMeasures.ClaimsExtracted, floor)).Check(Result()).Single(c => c.Floor is not null);

        Assert.Equal(loose, check.TooLoose);
        Assert.False(check.Broken);
    }

    [Fact]
    public void Check_FloorOnMeasureWithNothingCounted_IsBroken()
    {
        var check = Floors(CorpusParts.Heldout, (EvaluationMeasures.AttributionsExtracted, 0.5)).Check(Result()).Single(c => c.Floor is not null);

        Assert.True(check.Broken);
        Assert.Contains("nothing was counted", check.Describe());
    }

    [Fact]
    public void Check_MeasurableWithoutFloor_IsMissing()
    {
        var checks = EvaluationFloors.Empty.Check(Result(CorpusParts.Regression));

        Assert.Contains(checks, c => c.Missing && c.Measure == EvaluationMeasures.ClaimsExtracted && c.Describe().Contains("has no floor in"));
        Assert.DoesNotContain(checks, c => c.Missing && c.Measure == EvaluationMeasures.AttributionsExtracted);
        Assert.DoesNotContain(checks, c => c.Broken);
    }

    [Fact]
    public void ToJson_Parse_RoundTrips()
    {
        var floors = EvaluationFloors.Empty.WithReached(Result(CorpusParts.Regression)).WithReached(EvaluationScorer.Score([], FactSet, CorpusParts.Heldout));

        var json = floors.ToJson();
        var back = EvaluationFloors.Parse(json, "floors.json");

        Assert.Equal(floors.For(CorpusParts.Regression), back.For(CorpusParts.Regression));
        Assert.Empty(back.For(CorpusParts.Heldout));
        Assert.Contains("\"heldout\": {}", json);
        Assert.Contains("`eval --write-floors`", json);
    }

    [Theory]
    [InlineData("""{"tuning": {"claims-extracted": 0.5}}""", "'tuning' is not a part with floors")]
    [InlineData("""{"heldout": {"claims-found": 0.5}}""", "heldout.claims-found is not a floored measure")]
    [InlineData("""{"heldout": {"extraction-precision": 0.5}}""", "heldout.extraction-precision is not a floored measure")]
    [InlineData("""{"heldout": {"claims-extracted": 1.5}}""", "heldout.claims-extracted must be a number from 0 to 1")]
    [InlineData("""{"heldout": {"claims-extracted": "0.5"}}""", "heldout.claims-extracted must be a number from 0 to 1")]
    [InlineData("""[1]""", "must hold an object of parts")]
    [InlineData("""{ not json""", "not JSON")]
    public void Parse_BadFile_IsRefusedNamingTheEntry(string json, string expected)
    {
        var e = Assert.Throws<FloorsFileException>(() => EvaluationFloors.Parse(json, "eval/floors.json"));

        Assert.StartsWith("eval/floors.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Changes_SayWhichFloorsMovedAndWhenOneIsLowered()
    {
        var before = Floors(CorpusParts.Heldout, (EvaluationMeasures.ClaimsExtracted, 0.80), (EvaluationMeasures.TrueClaimsFlagged, 0.30), (EvaluationMeasures.StatusAccuracy, 0.5));
        var after = EvaluationFloors.Empty.WithReached(Result());

        var changes = before.Changes(after);

        Assert.Contains("heldout claims-extracted: LOOSENED 0.80 -> 0.75", changes);
        Assert.Contains("heldout true-flagged: LOOSENED 0.30 -> 0.50", changes);
        Assert.Contains("heldout false-flagged: set - -> 1.00", changes);
        Assert.DoesNotContain(changes, c => c.Contains("status-accuracy"));   // 0.50 before and after
        Assert.Contains("heldout claims-extracted: tightened 0.70 -> 0.75", Floors(CorpusParts.Heldout, (EvaluationMeasures.ClaimsExtracted, 0.70)).Changes(after));
    }
}
