using Repatriation.Core.Extraction;

namespace Repatriation.Core.Tests.Extraction;

public class CandidateStartsTests
{
    [Fact]
    public void Fill_AnchorAtTheEndOfALongRunWithoutSpaces_LooksBackABoundedDistance()
    {
        // Walking the whole run back for every number in it made "1,000,000,…" quadratic.
        var text = string.Concat(Enumerable.Repeat("1,000,000,", 10_000));
        var anchor = text.Length - 3;
        Span<int> starts = stackalloc int[CandidateStarts.MaxStarts];

        var count = CandidateStarts.Fill(text, anchor, 3, 0, starts);

        Assert.InRange(count, 1, CandidateStarts.MaxStarts);
        Assert.All(starts[..count].ToArray(), s => Assert.InRange(s, anchor - 200, anchor));
    }

    [Fact]
    public void Fill_OrdinaryQualifiedFigure_StillStartsAtTheQualifier()
    {
        const string text = "They handed over at least 2,272,000 people.";
        var anchor = text.IndexOf('2');
        Span<int> starts = stackalloc int[CandidateStarts.MaxStarts];

        var count = CandidateStarts.Fill(text, anchor, 3, 0, starts);

        Assert.Contains(text.IndexOf("at least", StringComparison.Ordinal), starts[..count].ToArray());
    }
}
