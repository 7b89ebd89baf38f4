using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

public class NonClaimExtractionTests
{
    [Theory]
    [InlineData("15. The forced repatriation of Cossacks\nIt was kept quiet.")]
    [InlineData("Chapter 3\nIt was kept quiet.")]
    [InlineData("3.2 Results\nIt was kept quiet.")]
    [InlineData("(4) Conclusions\nIt was kept quiet.")]
    [InlineData("It was kept quiet.[12] Nobody asked.")]
    [InlineData("It was kept quiet.12 Nobody asked.")]
    [InlineData("It was kept quiet.¹² Nobody asked.")]
    [InlineData("See Bethell, p. 258, and pp. 12–14.")]
    [InlineData("See page 4 and vol. 1 of the series.")]
    [InlineData("See Slavic Review 88:2 on this.")]
    [InlineData("Men were sentenced under Order No. 270 and Order 270.")]
    [InlineData("The decree No. 1315-392s followed.")]
    [InlineData("They were charged under Article 58 and Article 10.")]
    [InlineData("The file is GARF, f. 9526, op. 4a, d. 12.")]
    [InlineData("The 2nd Division and the 101st Airborne arrived.")]
    [InlineData("V Corps handed over the XV Cossack Cavalry Corps.")]
    [InlineData("This was the most cited case.")]
    [InlineData("He came at 10:30 that night.")]
    [InlineData("One of them spoke.")]
    [InlineData("The Big Three met again.")]
    public void Extract_NumberThatOnlyNamesOrLocates_IsNoFigure(string text)
    {
        Assert.Empty(Extract(text, ClaimKind.Figure));
    }

    [Fact]
    public void Extract_ListNumberBeforeHeading_KeepsTheHeadingsClaims()
    {
        const string text = "15. The handover of millions of refugees\nIt was kept quiet.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, "millions");
        Assert.Equal("15. The handover of millions of refugees", Sentence(text, claim));
    }

    [Fact]
    public void Extract_OrderNumber_IsObjectOfAttributionNotFigure()
    {
        const string text = "Stalin issued Order No. 270 in August 1941.";

        var claims = Extract(text);

        Assert.Equal([ClaimKind.Attribution, ClaimKind.Date], claims.Select(c => c.Kind));
        Assert.Equal("Order No. 270", claims[0].ObjectText);
        Assert.Equal("August 1941", claims[1].Text);
    }

    [Fact]
    public void Extract_HalfOfAPeriod_IsNoShare()
    {
        const string text = "In the second half of 1945 the trains ran.";

        Assert.Empty(Extract(text, ClaimKind.Figure));
        AssertSpan(text, Single(text, ClaimKind.Date), "1945");
    }

    [Fact]
    public void Extract_PageRangeInCitation_IsNoDateNorFigure()
    {
        const string text = "See Zemskov, pp. 1923–1925.";

        Assert.Empty(Extract(text, ClaimKind.Figure));
        Assert.Empty(Extract(text, ClaimKind.Date));
    }

    [Fact]
    public void Extract_EmptyText_HasNoClaims()
    {
        Assert.Empty(Extract(""));
    }
}
