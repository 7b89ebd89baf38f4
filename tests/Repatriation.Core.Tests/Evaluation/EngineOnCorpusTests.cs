using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>
/// The engine itself (extractor, matcher, shipped fact set) run over the corpus: CI fails when any target is
/// missed. The same figures print with `repatriation eval`.
/// </summary>
public class EngineOnCorpusTests
{
    private static readonly Lazy<IReadOnlyList<FloorCheck>> Floors = new(() =>
    {
        var passages = EvaluationCorpus.LoadDirectory(CorpusFilesTests.CorpusDirectory());
        var result = EvaluationRunner.Run(passages, FactSetLoader.LoadShipped());
        Assert.Empty(result.Errors);
        return new EvaluationFloors().Check(result);
    });

    [Theory]
    [InlineData("extraction recall")]
    [InlineData("false claims flagged")]
    [InlineData("false claims contradicted or misattributed")]
    [InlineData("false alarms on true covered claims")]
    public void Run_ShippedEngineOnCorpus_MeetsTarget(string target)
    {
        var floor = Assert.Single(Floors.Value, f => f.Name == target);

        Assert.True(floor.Met, floor.ToString());
    }
}
