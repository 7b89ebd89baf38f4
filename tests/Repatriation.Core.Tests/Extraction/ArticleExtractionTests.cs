using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

/// <summary>
/// A short article written for these tests that holds every claim shape of a typical submission:
/// a numbered headline, vague quantities, a month, a year range in words (and one in brackets about another war,
/// which is no claim), an author
/// with quoted words, an order number, a share, a percentage, a range and a closing year.
/// </summary>
public class ArticleExtractionTests
{
    private const string Article =
        "7. Western handovers of millions of refugees led to the deaths of hundreds of thousands\n" +
        "At a summit in February 1945 the Allies agreed to return Soviet citizens. " +
        "Between 1946 and 1948 several million people were sent east, among them Cossacks who had fought in the Civil War (1917-1922). " +
        "Few were welcomed, with historian Nikolai Tolstoy describing the escort as “deeply ashamed” after it had “watched the prisoners board the trains in silence”. " +
        "Almost all returned soldiers were punished under Order No. 270. " +
        "Estimates of executions run to tens, if not hundreds of thousands. " +
        "At least 15% of civilians were punished, and between 120,000-250,000 returnees were sent to camps until 1956.";

    [Fact]
    public void Extract_Article_FindsEveryClaimInTextOrder()
    {
        var claims = Extract(Article);

        Assert.Equal(
        [
            (ClaimKind.Figure, "millions"),
            (ClaimKind.Figure, "hundreds of thousands"),
            (ClaimKind.Date, "February 1945"),
            (ClaimKind.Date, "Between 1946 and 1948"),
            (ClaimKind.Figure, "several million"),
            (ClaimKind.Attribution, "historian Nikolai Tolstoy describing"),
            (ClaimKind.Quote, "“deeply ashamed”"),
            (ClaimKind.Quote, "“watched the prisoners board the trains in silence”"),
            (ClaimKind.Figure, "Almost all"),
            (ClaimKind.Figure, "tens, if not hundreds of thousands"),
            (ClaimKind.Figure, "At least 15%"),
            (ClaimKind.Figure, "between 120,000-250,000"),
            (ClaimKind.Date, "until 1956"),
        ], claims.Select(c => (c.Kind, c.Text)));

        Assert.All(claims, c => Assert.Equal(c.Text, Article.Substring(c.Offset, c.Length)));
        Assert.Equal(claims.OrderBy(c => c.Offset).Select(c => c.Offset), claims.Select(c => c.Offset));
    }

    [Fact]
    public void Extract_Article_HeadlineIsOneSentenceWithoutItsListNumber()
    {
        var claims = Extract(Article);

        Assert.Equal(0, claims[0].SentenceOffset);
        Assert.Equal(Article.IndexOf('\n'), claims[0].SentenceLength);
        Assert.Equal(Article.IndexOf("millions", StringComparison.Ordinal), claims[0].Offset);
    }

    [Fact]
    public void Extract_Article_NormalisesValues()
    {
        var claims = Extract(Article);

        Assert.Equal((2_000_000.0, 9_990_000.0, true), (claims[4].Figure!.Low, claims[4].Figure!.High, claims[4].Figure!.Vague));
        Assert.Equal((new DateOnly(1946, 1, 1), new DateOnly(1948, 12, 31), "between"), (claims[3].Date!.From, claims[3].Date!.To, claims[3].Date!.Qualifier));
        Assert.Equal(("described", "tolstoy-nikolai", "deeply ashamed"), (claims[5].Verb, claims[5].PersonId, claims[5].ObjectText));
        Assert.Equal((90.0, 100.0, "percent"), (claims[8].Figure!.Low, claims[8].Figure!.High, claims[8].Figure!.Unit));
        Assert.Equal((10_000.0, 999_000.0), (claims[9].Figure!.Low, claims[9].Figure!.High));
        Assert.Equal((15.0, double.PositiveInfinity, "at least"), (claims[10].Figure!.Low, claims[10].Figure!.High, claims[10].Figure!.Qualifier));
        Assert.Equal((120_000.0, 250_000.0, "between", 5_000.0), (claims[11].Figure!.Low, claims[11].Figure!.High, claims[11].Figure!.Qualifier, claims[11].Figure!.Tolerance));
    }
}
