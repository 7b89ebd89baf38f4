using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

public class FigureExtractionTests
{
    private const double Inf = double.PositiveInfinity;

    [Theory]
    [InlineData("The camps held 230,000 prisoners.", "230,000", 230_000, 230_000, 5_000)]
    [InlineData("Officials counted 4,199,488 returnees.", "4,199,488", 4_199_488, 4_199_488, 0.5)]
    [InlineData("A roll listed 14502 people.", "14502", 14_502, 14_502, 0.5)]
    [InlineData("Another 1,590 were held back.", "1,590", 1_590, 1_590, 5)]
    [InlineData("In all 2.3 million came home.", "2.3 million", 2_300_000, 2_300_000, 50_000)]
    [InlineData("Later counts gave 4.2m returnees.", "4.2m", 4_200_000, 4_200_000, 50_000)]
    [InlineData("Roughly speaking, 1.5 million were civilians.", "1.5 million", 1_500_000, 1_500_000, 50_000)]
    [InlineData("Two million people were moved east.", "Two million", 2_000_000, 2_000_000, 500_000)]
    [InlineData("They shot a dozen officers.", "a dozen", 12, 12, 0.5)]
    [InlineData("Only eleven generals escaped.", "eleven", 11, 11, 0.5)]
    [InlineData("The train carried three hundred women.", "three hundred", 300, 300, 50)]
    [InlineData("Some twenty-five thousand fled.", "Some twenty-five thousand", 22_500, 27_500, 500)]
    [InlineData("It held half a million refugees.", "half a million", 500_000, 500_000, 50_000)]
    [InlineData("The board sent home 22 481 Americans.", "22 481", 22_481, 22_481, 0.5)]
    [InlineData("Of the 1 million 832 thousand soldiers who returned, few were tried.", "1 million 832 thousand", 1_832_000, 1_832_000, 500)]
    [InlineData("The board sent home 22\u202F481 Americans.", "22\u202F481", 22_481, 22_481, 0.5)]
    [InlineData("The board sent home 1 022 481 Americans.", "1 022 481", 1_022_481, 1_022_481, 0.5)]
    public void Extract_Count_ReadsValueAndRoundingTolerance(string text, string span, double low, double high, double tolerance)
    {
        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, span);
        Assert.Equal(low, claim.Figure!.Low);
        Assert.Equal(high, claim.Figure.High);
        Assert.Equal(tolerance, claim.Figure.Tolerance);
        Assert.Equal("persons", claim.Figure.Unit);
        Assert.False(claim.Figure.Vague);
    }

    [Fact]
    public void Extract_SpaceAfterFourDigits_IsNoDigitGroup()
    {
        var claim = Single("In 1945 100 people were repatriated.", ClaimKind.Figure);

        Assert.Equal("100", claim.Text);
    }

    [Theory]
    [InlineData("Several million civilians were returned.", "Several million", 2_000_000, 9_990_000)]
    [InlineData("The purge killed hundreds of thousands.", "hundreds of thousands", 200_000, 999_000)]
    [InlineData("Tens of thousands died in transit.", "Tens of thousands", 10_000, 99_900)]
    [InlineData("Executions ran to tens, if not hundreds of thousands.", "tens, if not hundreds of thousands", 10_000, 999_000)]
    [InlineData("Only a few thousand stayed in the West.", "a few thousand", 2_000, 9_990)]
    [InlineData("The policy uprooted millions of people.", "millions", 2_000_000, 9_990_000)]
    [InlineData("Of these, thousands were Cossacks.", "thousands", 2_000, 9_990)]
    [InlineData("Several hundred thousand were convicted.", "Several hundred thousand", 200_000, 999_000)]
    public void Extract_VagueQuantity_IsVagueInterval(string text, string span, double low, double high)
    {
        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, span);
        Assert.Equal(low, claim.Figure!.Low);
        Assert.Equal(high, claim.Figure.High);
        Assert.True(claim.Figure.Vague);
        Assert.Equal("persons", claim.Figure.Unit);
    }

    [Theory]
    [InlineData("Estimates run 230,000-360,000 in all.", "230,000-360,000", null)]
    [InlineData("Estimates run 230,000–360,000 in all.", "230,000–360,000", null)]
    [InlineData("Estimates run between 230,000 and 360,000 in all.", "between 230,000 and 360,000", "between")]
    [InlineData("Estimates run between 230,000-360,000 in all.", "between 230,000-360,000", "between")]
    [InlineData("Estimates run from 230,000 to 360,000 in all.", "from 230,000 to 360,000", "from")]
    [InlineData("Estimates run 230,000 to 360,000 in all.", "230,000 to 360,000", null)]
    public void Extract_Range_IsOneClaimWithBothEnds(string text, string span, string? qualifier)
    {
        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, span);
        Assert.Equal(230_000, claim.Figure!.Low);
        Assert.Equal(360_000, claim.Figure.High);
        Assert.Equal(qualifier, claim.Figure.Qualifier);
        Assert.Equal(5_000, claim.Figure.Tolerance);
    }

    [Fact]
    public void Extract_RangeWithScaleOnSecondEnd_ScalesBothEnds()
    {
        const string text = "Between two and three million were returned.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, "Between two and three million");
        Assert.Equal(2_000_000, claim.Figure!.Low);
        Assert.Equal(3_000_000, claim.Figure.High);
    }

    [Fact]
    public void Extract_TwoNumbersJoinedByAndWithoutBetween_AreTwoClaims()
    {
        const string text = "The camps held 45,000 and 50,000 men.";

        var claims = Extract(text, ClaimKind.Figure);

        Assert.Collection(claims,
            c => Assert.Equal(("45,000", 45_000.0), (c.Text, c.Figure!.Low)),
            c => Assert.Equal(("50,000", 50_000.0), (c.Text, c.Figure!.Low)));
    }

    [Theory]
    [InlineData("Of the returnees, 20% were punished.", "20%", 20, 20, null, false)]
    [InlineData("Of the returnees, 20 per cent were punished.", "20 per cent", 20, 20, null, false)]
    [InlineData("Of the returnees, 20 percent were punished.", "20 percent", 20, 20, null, false)]
    [InlineData("Of the returnees, a fifth of them were punished.", "a fifth", 20, 20, null, false)]
    [InlineData("Of the returnees, half of them were punished.", "half", 50, 50, null, false)]
    [InlineData("Of the returnees, two-thirds were punished.", "two-thirds", 66.67, 66.67, null, false)]
    [InlineData("Of the returnees, almost all were punished.", "almost all", 90, 100, "almost", true)]
    [InlineData("Of the returnees, most were punished.", "most", 50, 100, null, true)]
    [InlineData("Of the returnees, nearly half were punished.", "nearly half", 45, 50, "nearly", false)]
    [InlineData("Of the returnees, the majority were punished.", "the majority", 50, 100, null, true)]
    [InlineData("Of the returnees, at least 20% were punished.", "at least 20%", 20, Inf, "at least", false)]
    [InlineData("Of the returnees, less than 10% were punished.", "less than 10%", 0, 10, "less than", false)]
    [InlineData("Of the returnees, 20–30% were punished.", "20–30%", 20, 30, null, false)]
    public void Extract_PercentageOrShare_IsPercent(string text, string span, double low, double high, string? qualifier, bool vague)
    {
        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, span);
        Assert.Equal("percent", claim.Figure!.Unit);
        Assert.Equal(low, claim.Figure.Low);
        Assert.Equal(high, claim.Figure.High);
        Assert.Equal(qualifier, claim.Figure.Qualifier);
        Assert.Equal(vague, claim.Figure.Vague);
    }

    [Theory]
    [InlineData("The fund paid £1.5 million in the end.", "£1.5 million", 1_500_000, "GBP", 50_000)]
    [InlineData("The fund paid £500,000 in the end.", "£500,000", 500_000, "GBP", 50_000)]
    [InlineData("The fund paid $2 million in the end.", "$2 million", 2_000_000, "USD", 500_000)]
    [InlineData("The fund paid 300 pounds in the end.", "300 pounds", 300, "GBP", 50)]
    public void Extract_Money_HasCurrencyUnit(string text, string span, double value, string unit, double tolerance)
    {
        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, span);
        Assert.Equal(value, claim.Figure!.Low);
        Assert.Equal(value, claim.Figure.High);
        Assert.Equal(unit, claim.Figure.Unit);
        Assert.Equal(tolerance, claim.Figure.Tolerance);
    }

    [Theory]
    [InlineData("at least", 2_000, Inf)]
    [InlineData("more than", 2_000, Inf)]
    [InlineData("over", 2_000, Inf)]
    [InlineData("nearly", 1_800, 2_000)]
    [InlineData("almost", 1_800, 2_000)]
    [InlineData("about", 1_800, 2_200)]
    [InlineData("some", 1_800, 2_200)]
    [InlineData("around", 1_800, 2_200)]
    [InlineData("approximately", 1_800, 2_200)]
    [InlineData("roughly", 1_800, 2_200)]
    [InlineData("c.", 1_800, 2_200)]
    [InlineData("an estimated", 1_800, 2_200)]
    [InlineData("up to", 0, 2_000)]
    [InlineData("as many as", 0, 2_000)]
    [InlineData("fewer than", 0, 2_000)]
    [InlineData("less than", 0, 2_000)]
    public void Extract_Qualifier_IsKeptInSpanAndShapesInterval(string qualifier, double low, double high)
    {
        var text = $"The guards led {qualifier} 2,000 men away.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, qualifier + " 2,000");
        Assert.Equal(qualifier, claim.Figure!.Qualifier);
        Assert.Equal(low, claim.Figure.Low);
        Assert.Equal(high, claim.Figure.High);
        Assert.Equal(500, claim.Figure.Tolerance);
    }

    [Fact]
    public void Extract_OverAfterHandedOrTurned_IsParticleNotQualifier()
    {
        const string text = "The British handed over 98% of them.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, "98%");
        Assert.Null(claim.Figure!.Qualifier);
        Assert.Equal(98, claim.Figure.High);
    }

    [Fact]
    public void Extract_AllBut_KeepsTheExceptedNumber()
    {
        const string text = "They returned all but seven of the prisoners.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, "all but seven");
        Assert.Equal((7.0, 7.0, "all but"), (claim.Figure!.Low, claim.Figure.High, claim.Figure.Qualifier));
    }

    [Fact]
    public void Extract_QualifierAtSentenceStart_IsInSpanAndNormalisedToLowerCase()
    {
        const string text = "At least 20% of returned civilians were punished.";

        var claim = Single(text, ClaimKind.Figure);

        Assert.Equal(0, claim.Offset);
        Assert.Equal(12, claim.Length);
        Assert.Equal("At least 20%", claim.Text);
        Assert.Equal("at least", claim.Figure!.Qualifier);
        Assert.Equal(double.PositiveInfinity, claim.Figure.High);
    }

    [Fact]
    public void Extract_HedgeBeforeShareWithItsOwnQualifier_LeavesHedgeOut()
    {
        const string text = "It is estimated almost all repatriated POWs were convicted.";

        var claim = Single(text, ClaimKind.Figure);

        AssertSpan(text, claim, "almost all");
        Assert.Equal(90, claim.Figure!.Low);
        Assert.Equal("almost", claim.Figure.Qualifier);
    }

    [Fact]
    public void Extract_SeveralFigures_AreInTextOrderWithTheirSentence()
    {
        const string text = "First came 1,000 men. Then 2,000 women followed, and 300 children.";

        var claims = Extract(text, ClaimKind.Figure);

        Assert.Equal(["1,000", "2,000", "300"], claims.Select(c => c.Text));
        Assert.Equal([11, 27, 53], claims.Select(c => c.Offset));
        Assert.Equal("First came 1,000 men.", Sentence(text, claims[0]));
        Assert.Equal("Then 2,000 women followed, and 300 children.", Sentence(text, claims[1]));
        Assert.Equal(claims[1].SentenceOffset, claims[2].SentenceOffset);
    }
}
