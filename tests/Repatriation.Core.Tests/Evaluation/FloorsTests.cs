using System.Collections.Concurrent;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using Xunit.Abstractions;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>
/// The engine itself (extractor, matcher, shipped fact set) on the corpus parts with floors, against
/// eval/floors.json: CI fails when a floor is broken (a regression), and when a figure has run more than 0.02 ahead
/// of its floor (raise it: `eval --write-floors`). A part that holds no passages yet is skipped, and says so. The same
/// figures print with `repatriation eval`; held-out mismatches are never printed here.
/// </summary>
public class FloorsTests(ITestOutputHelper output)
{
    private static readonly ConcurrentDictionary<string, Lazy<(CorpusPart Part, EvaluationResult Result)>> Runs = new();

    private static readonly Lazy<EvaluationFloors> Floors =
        new(() => EvaluationFloors.Load(Path.Combine(RepositoryRoot(), EvaluationFloors.RelativePath)));

    private static (CorpusPart Part, EvaluationResult Result) Run(string part) =>
        Runs.GetOrAdd(part, p => new(() =>
        {
            var loaded = EvaluationCorpus.LoadPart(RepositoryRoot(), p);
            return (loaded, EvaluationRunner.Run(loaded, FactSetLoader.LoadShipped()));
        })).Value;

    private IReadOnlyList<FloorCheck> Checks(string part)
    {
        var (loaded, result) = Run(part);
        Skip.If(loaded.IsEmpty, $"the {CorpusParts.DisplayName(part)} part ({loaded.Directory}) holds no passages yet; its floors are checked once it does");
        Assert.Empty(result.Errors);
        var checks = Floors.Value.Check(result);
        foreach (var check in checks)
        {
            output.WriteLine(check.Describe());
        }

        return checks;
    }

    [SkippableTheory]
    [InlineData(CorpusParts.Regression)]
    [InlineData(CorpusParts.Heldout)]
    public void Run_ShippedEngineOnPart_BreaksNoFloor(string part)
    {
        var broken = Checks(part).Where(c => c.Broken).ToList();

        Assert.True(broken.Count == 0, $"{broken.Count} floor(s) broken:\n{string.Join("\n", broken.Select(c => c.Describe()))}");
    }

    [SkippableTheory]
    [InlineData(CorpusParts.Regression)]
    [InlineData(CorpusParts.Heldout)]
    public void Run_ShippedEngineOnPart_IsNotFarAheadOfItsFloors(string part)
    {
        var stale = Checks(part).Where(c => c.TooLoose || c.Missing).ToList();

        Assert.True(stale.Count == 0,
            $"the engine improved (or a part has no floors yet); raise the floors so a later regression fails: run `{EvaluationFloors.WriteCommand}` and commit {EvaluationFloors.RelativePath}\n" +
            string.Join("\n", stale.Select(c => c.Describe())));
    }

    /// <summary>
    /// What EngineOnCorpusTests asserted on our own passages: the regression part still meets the original targets
    /// (exact-span extraction, false claims flagged and called wrong, true claims left alone), whatever its floors say.
    /// </summary>
    [Theory]
    [InlineData("claims-extracted-exact", 0.95)]
    [InlineData("false-flagged", 0.95)]
    [InlineData("false-strong", 0.80)]
    [InlineData("true-flagged", 0.05)]
    public void Run_ShippedEngineOnRegressionPart_MeetsTheOriginalTargets(string measureId, double target)
    {
        var (_, result) = Run(CorpusParts.Regression);
        var measure = EvaluationMeasures.Find(measureId)!;
        var value = measure.Of(result.Measures);

        Assert.True(value.Value is { } v && measure.Reaches(v, target), $"regression: {measure.Name} is {value}, target {measure.Comparison} {target:0.00}");
    }

    [Fact]
    public void FloorsFile_HasAnEntryForEveryPartWithFloors() =>
        Assert.All(CorpusParts.WithFloors, p => Assert.True(Floors.Value.Parts.ContainsKey(p), $"{EvaluationFloors.RelativePath} has no '{p}' entry"));
}
