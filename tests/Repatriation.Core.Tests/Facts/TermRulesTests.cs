using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>The word lists behind the term rules, run on example terms, so that changing a list fails a test.</summary>
public class TermRulesTests
{
    private static readonly HashSet<string> Names = ["lienz", "fort dix", "zemskov", "military collegium"];

    [Theory]
    [InlineData("Gulags", "gulag")]
    [InlineData("Vlasov's execution", "vlasov execution")]
    [InlineData("Vlasov’s execution", "vlasov execution")]
    [InlineData("  Handed   over ", "handed over")]
    [InlineData("Zemskow", "zemskow")]
    [InlineData("Émigrés", "émigré")]
    [InlineData("Order No. 001735", "order no 001735")]
    [InlineData("Krasnov", "krasnov")]
    public void Key_Term_IsItsComparedWords(string term, string key) =>
        Assert.Equal(key, TermRules.Key(term));

    [Theory]
    [InlineData("amnesty", "is a bare word")]
    [InlineData("the riot", "is a bare word")]
    [InlineData("Krasnov", "is a bare word")]
    [InlineData("Fort Dix", "names a place, group or person, not an event")]
    [InlineData("Military Collegium", "names a place, group or person, not an event")]
    [InlineData("repatriation agreement", "is made only of generic words and dates")]
    [InlineData("ten days", "is made only of generic words and dates")]
    [InlineData("10-day", "is made only of generic words and dates")]
    [InlineData("1 June 1945", "is made only of generic words and dates")]
    [InlineData("order of 24 May", "is made only of generic words and dates")]
    [InlineData("general amnesty", "is made only of generic words and dates")]
    [InlineData("Top Secret", "is made only of generic words and dates")]
    [InlineData("tear gas", "is made only of generic words and dates")]
    public void WhyNotAnEventName_GenericOrBareTerm_SaysWhy(string term, string why) =>
        Assert.Equal(why, TermRules.WhyNotAnEventName(term, Names));

    [Theory]
    [InlineData("Fort Dix riot")] // a place and a kind of event: one event
    [InlineData("Lienz handovers")]
    [InlineData("Order No. 270")] // an identifier is not a date
    [InlineData("Order 001735")]
    [InlineData("1955 amnesty")] // a kind of event dated by its year
    [InlineData("December 1945 directive")]
    [InlineData("Vlasov was hanged")]
    [InlineData("Keightley's 24 May order")]
    [InlineData("collaborators' amnesty")]
    public void WhyNotAnEventName_SpecificTerm_IsNull(string term) =>
        Assert.Null(TermRules.WhyNotAnEventName(term, Names));

    [Fact]
    public void MaxMeasuresPerTerm_IsTwo() =>
        // A verb shared by a measure and its per-year twin is fine; a third measure makes it generic.
        Assert.Equal(2, TermRules.MaxMeasuresPerTerm);

    [Theory]
    [InlineData("popular", true, false)]
    [InlineData("weak", true, false)]
    [InlineData("archival", false, true)]
    [InlineData("scholarly", false, true)]
    [InlineData("reference", false, false)]
    [InlineData("press", false, false)]
    [InlineData(null, false, false)]
    public void SourceReliabilities_Groups_AreTheWeakAndContestedLines(string? reliability, bool popular, bool scholarly)
    {
        Assert.Equal(popular, SourceReliabilities.IsPopular(reliability));
        Assert.Equal(scholarly, SourceReliabilities.IsScholarly(reliability));
    }
}
