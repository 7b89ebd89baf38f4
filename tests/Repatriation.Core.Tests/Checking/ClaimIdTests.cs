using System.Text.Json.Nodes;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Checking;

/// <summary>
/// Claim ids carry editors' decisions and baselines across revisions: stable when the text changes elsewhere or
/// the fact set gets a new version, different when the claim's own words change.
/// </summary>
public class ClaimIdTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();
    private readonly ClaimChecker _checker = new();

    private IReadOnlyList<ClaimResult> Claims(string text, FactSetSnapshot? snapshot = null) =>
        _checker.Check(new CheckRequest(text, "test"), snapshot ?? Shipped).Claims;

    private static FactSetSnapshot WithVersion(string version)
    {
        var json = JsonNode.Parse(ShippedFactSet.ReadJson())!;
        json["version"] = version;
        return FactSetLoader.Load(json.ToJsonString(), "test", null, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Id_NewFactSetVersion_KeepsEveryId()
    {
        var before = Claims(ClaimCheckerTests.ListArticle).Select(c => c.Id).ToList();
        var newer = WithVersion(Shipped.FactSet.Version + "-next");

        var after = Claims(ClaimCheckerTests.ListArticle, newer).Select(c => c.Id).ToList();

        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Id_ParagraphAddedAboveAndBelow_KeepsEveryId()
    {
        var before = Claims(ClaimCheckerTests.ListArticle).Select(c => (c.Text, c.Id)).ToList();

        var after = Claims("A new opening paragraph about 1944 and the Crimea.\n\n" + ClaimCheckerTests.ListArticle + "\n\nA closing note written in 2026.\n")
            .Select(c => (c.Text, c.Id)).ToList();

        Assert.All(before, claim => Assert.Contains(claim, after));
    }

    [Fact]
    public void Id_ClaimsOwnFigureChanged_NewIdForItOnly()
    {
        const string Original = "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n\nAbout 2,272,000 people were repatriated from the western zones.\n";
        var edited = Original.Replace("2,272,000", "2,500,000", StringComparison.Ordinal);

        var before = Claims(Original).ToDictionary(c => c.Text, c => c.Id);
        var after = Claims(edited).ToDictionary(c => c.Text, c => c.Id);

        Assert.Equal(before["February 1945"], after["February 1945"]);
        var oldFigure = Assert.Single(before, p => p.Key.Contains("2,272,000", StringComparison.Ordinal)).Value;
        var newFigure = Assert.Single(after, p => p.Key.Contains("2,500,000", StringComparison.Ordinal)).Value;
        Assert.NotEqual(oldFigure, newFigure);
        Assert.DoesNotContain(oldFigure, after.Values);
    }

    [Fact]
    public void Id_AnotherFactSet_ChangesIds()
    {
        var json = JsonNode.Parse(ShippedFactSet.ReadJson())!;
        json["id"] = "another-fact-set";
        var other = FactSetLoader.Load(json.ToJsonString(), "test", null, DateTimeOffset.UnixEpoch);

        var before = Claims(ClaimCheckerTests.ListArticle).Select(c => c.Id);
        var after = Claims(ClaimCheckerTests.ListArticle, other).Select(c => c.Id);

        Assert.Empty(before.Intersect(after));
    }

    [Fact]
    public void Id_AnotherClaimInTheSameSentenceChanged_KeepsThisId()
    {
        const string Original = "Between 1946 and 1948 several million civilians were forcibly repatriated to the Soviet Union.\n";
        var edited = Original.Replace("several million", "two million", StringComparison.Ordinal);

        var before = Claims(Original).ToDictionary(c => c.Text, c => c.Id);
        var after = Claims(edited).ToDictionary(c => c.Text, c => c.Id);

        Assert.Equal(before["Between 1946 and 1948"], after["Between 1946 and 1948"]);
        Assert.NotEqual(before["several million"], Assert.Single(after, p => p.Key.Contains("two million", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Id_SentenceAroundTheClaimReworded_ChangesId()
    {
        const string Original = "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n";
        var edited = Original.Replace("agreed to return", "decided to send back", StringComparison.Ordinal);

        Assert.NotEqual(Assert.Single(Claims(Original)).Id, Assert.Single(Claims(edited)).Id);
    }

    [Fact]
    public void Id_SameClaimInTheSameSentenceTwice_DistinctIds()
    {
        const string Repeated = "In February 1945 the Allies met at Yalta.\n\nIn February 1945 the Allies met at Yalta.\n";

        var ids = Claims(Repeated).Select(c => c.Id).ToList();

        Assert.Equal(2, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
