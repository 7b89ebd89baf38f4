using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Checking;

/// <summary>
/// The contract's invariants on real reports from the shipped fact set, and the claim shapes of a typical
/// submitted article written afresh here (the repository does not carry the sample article itself).
/// </summary>
public class ClaimCheckerTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();
    private readonly ClaimChecker _checker = new();

    // Written for these tests in the shape of popular-history list articles: a numbered heading line, a Yalta date,
    // a wrong period for the mass returns, a POW figure stretched to all repatriates, a percentage nobody sources,
    // an order number, a quotation from Tolstoy and the 1955 amnesty.
    internal const string ListArticle =
        "7. The Allies sent millions of Soviet citizens home by force, and tens of thousands did not survive the return\n" +
        "At the Yalta Conference in February 1945 the Western Allies agreed with Moscow to send liberated Soviet citizens back. " +
        "Between 1946 and 1948 several million civilians and prisoners of war were forcibly repatriated to the Soviet Union. " +
        "Historian Nikolai Tolstoy described the escorts as “visibly shamefaced” when they came back to camp. " +
        "Almost all returning POWs were convicted under Order No. 270 and sent to forced labor. " +
        "At least 20% of returned civilians received violent punishment, and between 230,000-360,000 repatriated persons were sent to the Gulags; " +
        "the few who lived until 1955 were freed in an amnesty.";

    private CheckReport Check(string text, string stringIndexType = StringIndexTypes.Utf16CodeUnit) =>
        _checker.Check(new CheckRequest(text, "test", stringIndexType), Shipped);

    private static ClaimResult Claim(CheckReport report, string text) =>
        Assert.Single(report.Claims, c => c.Text == text);

    [Fact]
    public void Check_ListArticle_SummaryCountsMatchClaims()
    {
        var report = Check(ListArticle);
        var s = report.Summary;

        Assert.Equal(report.Claims.Count, s.Claims);
        Assert.Equal(s.Claims - s.Supported, s.Flagged);
        foreach (var status in ClaimStatuses.All)
        {
            var count = status switch
            {
                ClaimStatuses.Supported => s.Supported,
                ClaimStatuses.Disputed => s.Disputed,
                ClaimStatuses.Imprecise => s.Imprecise,
                ClaimStatuses.Contradicted => s.Contradicted,
                ClaimStatuses.Unsupported => s.Unsupported,
                _ => s.Misattributed,
            };
            Assert.Equal(report.Claims.Count(c => c.Status == status), count);
        }

        Assert.True(s.Claims >= 10, $"only {s.Claims} claims found");
    }

    [Fact]
    public void Check_EveryClaim_TextIsSubstringAtOffsetAndInTextOrder()
    {
        var report = Check(ListArticle);

        Assert.All(report.Claims, c => Assert.Equal(c.Text, ListArticle.Substring(c.Offset, c.Length)));
        Assert.Equal(report.Claims.Select(c => c.Offset).Order(), report.Claims.Select(c => c.Offset));
        Assert.All(report.Claims, c => Assert.Equal(ClaimStatuses.SeverityOf(c.Status), c.Severity));
        Assert.All(report.Claims.Where(c => c.Status != ClaimStatuses.Unsupported), c => Assert.NotEmpty(c.Evidence));
    }

    [Fact]
    public void Check_LineAndColumn_PointAtTheClaim()
    {
        var report = Check(ListArticle);
        var lines = ListArticle.Split('\n');

        Assert.All(report.Claims, c => Assert.Equal(c.Text, lines[c.Line - 1].Substring(c.Column - 1, c.Length)));
    }

    [Fact]
    public void Check_SameTextTwice_SameIds()
    {
        Assert.Equal(Check(ListArticle).Claims.Select(c => c.Id), Check(ListArticle).Claims.Select(c => c.Id));
    }

    [Fact]
    public void Check_EditElsewhere_KeepsIdsOfUntouchedClaims()
    {
        var before = Check(ListArticle).Claims.ToDictionary(c => c.Text, c => c.Id);
        var edited = "A new opening paragraph about 1944.\n\n" + ListArticle.Replace("the few who lived", "those who lived", StringComparison.Ordinal);
        var after = Check(edited).Claims;

        Assert.Equal(before["February 1945"], Assert.Single(after, c => c.Text == "February 1945").Id);
        Assert.Equal(before["Between 1946 and 1948"], Assert.Single(after, c => c.Text == "Between 1946 and 1948").Id);
        Assert.Equal(after.Count, after.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Check_RepeatedSentence_GetsDistinctIds()
    {
        const string sentence = "At the Yalta Conference in February 1945 the Allies agreed. ";
        var report = Check(sentence + sentence);

        var ids = report.Claims.Where(c => c.Text == "February 1945").Select(c => c.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public void Check_ListArticle_ShapesOfTheSampleGetTheirStatuses()
    {
        var report = Check(ListArticle);

        // The shapes of the sample article users submit, on a text written for this test.
        Assert.DoesNotContain(report.Claims, c => c.Offset == 0);
        Assert.Equal(ClaimStatuses.Unsupported, Claim(report, "millions").Status);
        Assert.Equal(ClaimStatuses.Supported, Claim(report, "February 1945").Status);
        Assert.Equal(ClaimStatuses.Contradicted, Claim(report, "Between 1946 and 1948").Status);
        Assert.Contains("1945", Claim(report, "Between 1946 and 1948").Message);
        Assert.Equal(ClaimStatuses.Imprecise, Claim(report, "several million").Status);
        Assert.Equal(ClaimStatuses.Imprecise, Claim(report, "between 230,000-360,000").Status);
        Assert.NotEqual(ClaimStatuses.Supported, Claim(report, "At least 20%").Status);
        Assert.Equal(ClaimStatuses.Contradicted, Claim(report, "Almost all").Status);
        Assert.DoesNotContain(report.Claims, c => c.Kind == ClaimKinds.Figure && c.Text.Contains("270", StringComparison.Ordinal));
        Assert.All(report.Claims.Where(c => c.Person is { } p && p.Contains("Tolstoy", StringComparison.Ordinal)),
            c => Assert.Equal(ClaimStatuses.Supported, c.Status));
        Assert.Equal(ClaimStatuses.Supported, Claim(report, "“visibly shamefaced”").Status);
        Assert.Equal(ClaimStatuses.Supported, report.Claims.Single(c => c.Text.Contains("1955", StringComparison.Ordinal)).Status);
        Assert.All(report.Claims, c => Assert.InRange(c.Confidence, 0, 1));
    }

    [Fact]
    public void Check_ContradictedClaim_NamesSourceAndSuggestsWording()
    {
        var claim = Claim(Check(ListArticle), "Between 1946 and 1948");

        Assert.Contains("1945", claim.Message);
        Assert.NotNull(claim.Suggestion);
        Assert.Contains(claim.Evidence.SelectMany(e => e.Sources), s => s.Author.Contains("Zemskov", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CodePointOffsets_CountAstralCharactersOnce()
    {
        const string text = "🙂🙂 At the Yalta Conference in February 1945 the Allies agreed.";
        var utf16 = Claim(Check(text), "February 1945");
        var codePoints = Claim(Check(text, StringIndexTypes.UnicodeCodePoint), "February 1945");

        Assert.Equal(utf16.Offset - 2, codePoints.Offset);
        Assert.Equal(utf16.Length, codePoints.Length);
        Assert.Equal(utf16.Column - 2, codePoints.Column);
    }

    [Fact]
    public void Check_TextLongerThanOneChunk_FindsClaimsOnBothSidesOfEveryCut()
    {
        const string paragraph = "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n\n";
        var repeats = ClaimChecker.ChunkCharacters / paragraph.Length * 3;
        var text = string.Concat(Enumerable.Repeat(paragraph, repeats));

        var report = Check(text);

        Assert.Equal(repeats, report.Claims.Count(c => c.Text == "February 1945"));
        Assert.All(report.Claims, c => Assert.Equal(c.Text, text.Substring(c.Offset, c.Length)));
    }
}
