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
    [InlineData("Rating | : 4/5 (69 Downloads) |")]
    [InlineData("Rating: 0 out of 5 stars")]
    [InlineData("Manufactured in the United States of America. 74 75 76 77 78\n")]
    [InlineData("Includes an index. 1. Migration, Internal. 2. Forced migration. 3. Deportation.")]
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

    [Theory]
    [InlineData("LONDON, June 2 – In 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("LONDON, June 2, 1978 (AP) – In 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("MOSCOW (Reuters), 2 June 1978 — In 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("WASHINGTON, D.C., June 2, 1978 -- In 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("Washington, March 24 - In 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("Berlin, February 14, 1946.\nIn 1946, 195,273 Soviet citizens went home.", "1946")]
    [InlineData("11 FEBRUARY 1978, Page 18\n\nIn 1946, 195,273 Soviet citizens went home.", "1946")]
    public void Extract_Dateline_IsNoClaimButTheReportIs(string text, string reportDate)
    {
        var claims = Extract(text);

        Assert.Equal([reportDate, "195,273"], claims.Select(c => c.Text));
    }

    [Fact]
    public void Extract_SentenceEndingInADateOnItsLine_IsAClaim()
    {
        var claims = Extract("In Berlin, 14 February 1946.\nNothing else happened.");

        Assert.Equal(["14 February 1946"], claims.Select(c => c.Text));
    }

    [Theory]
    [InlineData("By Jane Smith, 3 May 2015\nIn 1946, 195,273 Soviet citizens went home.", "3 May 2015")]
    [InlineData("Published: 3 May 2015\nIn 1946, 195,273 Soviet citizens went home.", "3 May 2015")]
    [InlineData("Last updated 2019\nIn 1946, 195,273 Soviet citizens went home.", "2019")]
    [InlineData("Copyright © 1977 Nikolai Tolstoy\nIn 1946, 195,273 Soviet citizens went home.", "1977")]
    [InlineData("In 1946, 195,273 Soviet citizens went home (Tolstoy, paperback edition 2002).", "2002")]
    [InlineData("In 1946, 195,273 Soviet citizens went home (Tolstoy, reprinted in 1990).", "1990")]
    public void Extract_BylineOrPublicationLineOrEdition_IsNoClaim(string text, string metadata)
    {
        var claims = Extract(text);

        Assert.DoesNotContain(claims, c => c.Text.Contains(metadata, StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Text == "1946");
        Assert.Contains(claims, c => c.Text == "195,273");
    }

    [Fact]
    public void Extract_NumbersInsideAQuotation_AreTheSpeakersNotClaims()
    {
        const string text = "Keightley told Bethell: “we put 2,000 men on the trains in May 1945 and nobody asked why”.";

        var claims = Extract(text);

        Assert.DoesNotContain(claims, c => c.Kind is ClaimKind.Figure or ClaimKind.Date);
        Assert.Contains(claims, c => c.Kind == ClaimKind.Quote);
    }

    [Theory]
    [InlineData("During the First World War, 2 million Russians were taken prisoner.", "2 million")]
    [InlineData("The Korean War, which began in 1950, changed that.", "1950")]
    [InlineData("Aged 76, Krasnov was hanged.", "76")]
    [InlineData("Krasnov, a 76-year-old general, was hanged.", "76")]
    [InlineData("It was three times the previous record.", "three")]
    [InlineData("They were sentenced to ten years.", "ten")]
    [InlineData("The trains left at 6 a.m. each day.", "6")]
    public void Extract_FigureAboutAnotherMatterOrOfNoMeasuredUnit_IsNoClaim(string text, string number)
    {
        Assert.DoesNotContain(Extract(text), c => c.Text.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EmptyText_HasNoClaims()
    {
        Assert.Empty(Extract(""));
    }
}
