using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Semantic;

namespace Repatriation.Semantic.Tests;

/// <summary>
/// The semantic reading inside the engine, on the shipped fact set: it picks the measure a figure's clause does not
/// name, and it never turns a claim wrong on its own.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class SemanticPassTests(ModelFixture model)
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();

    // Written for these tests in the wording of the 1946 Dachau report: the clause with the figure says only
    // "entrainment", which no measure's terms hold.
    private const string Dachau = "The prisoners resisted for hours. The entrainment was finally effected of 368 men.";

    private ClaimResult Figure(ClaimChecker checker, string text, string figure) =>
        Assert.Single(checker.Check(new CheckRequest(text, "test"), Shipped).Claims, c => c.Text == figure);

    [Fact]
    public void Check_FigureWhoseMeasureIsUnnamed_IsUnsupportedWithoutTheModel()
    {
        var claim = Figure(new ClaimChecker(1), Dachau, "368");

        Assert.Equal(ClaimStatuses.Unsupported, claim.Status);
    }

    [Fact]
    public void Check_FigureWhoseMeasureIsUnnamed_TheModelFindsTheDachauMeasure()
    {
        var claim = Figure(new ClaimChecker(1, model.Reader()), Dachau, "368");

        Assert.Equal(ClaimStatuses.Supported, claim.Status);
        Assert.Contains(claim.Evidence, e => e.FactId == "frus-368-entrained-dachau");
        Assert.True(claim.Confidence < 1, "a reading by likeness is never certain");
    }

    [Fact]
    public void Check_WrongFigureWhoseMeasureIsUnnamed_StaysUnsupported()
    {
        var claim = Figure(new ClaimChecker(1, model.Reader()), Dachau.Replace("368", "863", StringComparison.Ordinal), "863");

        Assert.Equal(ClaimStatuses.Unsupported, claim.Status);
    }

    // Written for these tests: "11" is a loose figure (fewer than three significant digits, it fits many facts by
    // chance), and "senior officers ... went to the gallows" names no measure's terms. Its sentence is 0.52 alike to
    // the co-defendants measure: borne out at the tuned LooseSupportSimilarity (0.50), not at the next step (0.55).
    private const string Gallows = "After a closed trial in Moscow the general and 11 senior officers of his army went to the gallows.";

    [Fact]
    public void Check_LooseFigureAlikeEnough_IsBorneOutByTheCoDefendantsMeasure()
    {
        var claim = Figure(new ClaimChecker(1, model.Reader()), Gallows, "11");

        Assert.Equal(ClaimStatuses.Supported, claim.Status);
        Assert.Contains(claim.Evidence, e => e.FactId == "vlasov-eleven-co-defendants");
    }

    [Fact]
    public void Check_LooseFigureBelowTheLooseThreshold_StaysUnsupported()
    {
        var claim = Figure(new ClaimChecker(1, model.Reader(new SemanticSettings { LooseSupportSimilarity = 0.55 })), Gallows, "11");

        Assert.Equal(ClaimStatuses.Unsupported, claim.Status);
    }

    [Fact]
    public void Check_SupportThresholdAboveEveryLikeness_LeavesTheFigureUnsupported()
    {
        var claim = Figure(new ClaimChecker(1, model.Reader(new SemanticSettings { SupportSimilarity = 0.99, LooseSupportSimilarity = 0.99 })), Dachau, "368");

        Assert.Equal(ClaimStatuses.Unsupported, claim.Status);
    }
}
