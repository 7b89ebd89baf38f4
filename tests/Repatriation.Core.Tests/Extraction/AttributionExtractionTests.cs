using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

public class AttributionExtractionTests
{
    [Theory]
    [InlineData("According to Nikolai Tolstoy, the handovers were secret.", "According to Nikolai Tolstoy", "Nikolai Tolstoy", "tolstoy-nikolai", "according-to")]
    [InlineData("The handovers were secret, according to the historian Nikolai Tolstoy.", "according to the historian Nikolai Tolstoy", "Nikolai Tolstoy", "tolstoy-nikolai", "according-to")]
    [InlineData("Tolstoy wrote that the camp was closed.", "Tolstoy wrote", "Tolstoy", "tolstoy-nikolai", "wrote")]
    [InlineData("Zemskov estimated that five million returned.", "Zemskov estimated", "Zemskov", "zemskov-viktor", "estimated")]
    [InlineData("Solzhenitsyn said little about it.", "Solzhenitsyn said", "Solzhenitsyn", "solzhenitsyn-aleksandr", "said")]
    [InlineData("V. N. Zemskov calculated the total from archives.", "V. N. Zemskov calculated", "V. N. Zemskov", "zemskov-viktor", "calculate")]
    [InlineData("Count Nikolai Tolstoy argued the opposite.", "Count Nikolai Tolstoy argued", "Count Nikolai Tolstoy", "tolstoy-nikolai", "argue")]
    [InlineData("Tolstoy later recalled the scene.", "Tolstoy later recalled", "Tolstoy", "tolstoy-nikolai", "recall")]
    [InlineData("Zemskov has written on the subject.", "Zemskov has written", "Zemskov", "zemskov-viktor", "wrote")]
    [InlineData("As Bethell put it, the deal was cynical.", "As Bethell put it", "Bethell", "bethell-nicholas", "said")]
    [InlineData("In the words of Solzhenitsyn, it was a betrayal.", "In the words of Solzhenitsyn", "Solzhenitsyn", "solzhenitsyn-aleksandr", "said")]
    [InlineData("The soldiers, with author Nikolai Tolstoy describing their shame, left.", "author Nikolai Tolstoy describing", "Nikolai Tolstoy", "tolstoy-nikolai", "described")]
    public void Extract_PersonAndVerb_SpanNamesPersonAndVerb(string text, string span, string person, string personId, string verb)
    {
        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, span);
        Assert.Equal(person, claim.PersonText);
        Assert.Equal(personId, claim.PersonId);
        Assert.Equal(verb, claim.Verb);
    }

    [Fact]
    public void Extract_UnknownPerson_IsClaimWithoutId()
    {
        const string text = "Alexander von Falkenhausen reported the move.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "Alexander von Falkenhausen reported");
        Assert.Equal("Alexander von Falkenhausen", claim.PersonText);
        Assert.Null(claim.PersonId);
        Assert.Equal("report", claim.Verb);
    }

    [Fact]
    public void Extract_BookWithYear_IsAuthorshipWithTitleAndYear()
    {
        const string text = "Tolstoy's book Victims of Yalta (1977) caused a stir.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "Tolstoy's book Victims of Yalta");
        Assert.Equal("authored", claim.Verb);
        Assert.Equal("Victims of Yalta", claim.ObjectText);
        Assert.Equal(1977, claim.WorkYear);
        Assert.Equal("tolstoy-nikolai", claim.PersonId);
        AssertSpan(text, Single(text, ClaimKind.Date), "1977");
    }

    [Fact]
    public void Extract_TransliteratedTitle_KeepsLowerCaseWords()
    {
        const string text = "Zemskov’s book Stalin i narod (2014) gives the totals.";

        var claim = Single(text, ClaimKind.Attribution);

        Assert.Equal("Stalin i narod", claim.ObjectText);
        Assert.Equal(2014, claim.WorkYear);
        Assert.Equal("zemskov-viktor", claim.PersonId);
    }

    [Fact]
    public void Extract_PersonCommaInTitleYear_TakesVerbAfterParenthesis()
    {
        const string text = "Bethell, in The Last Secret (1974), argues that London knew.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "Bethell, in The Last Secret (1974), argues");
        Assert.Equal("argue", claim.Verb);
        Assert.Equal("The Last Secret", claim.ObjectText);
        Assert.Equal(1974, claim.WorkYear);
        Assert.Equal("bethell-nicholas", claim.PersonId);
    }

    [Fact]
    public void Extract_TitleByPerson_IsAuthorship()
    {
        const string text = "Victims of Yalta by Nikolai Tolstoy appeared first.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "Victims of Yalta by Nikolai Tolstoy");
        Assert.Equal("authored", claim.Verb);
        Assert.Equal("Victims of Yalta", claim.ObjectText);
        Assert.Equal("tolstoy-nikolai", claim.PersonId);
    }

    [Fact]
    public void Extract_KnownTitleWithItsYearsByPerson_IsAuthorship()
    {
        const string text = "Stalin's Secret War 1939-45 by Nikolai Tolstoy appeared first.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "Stalin's Secret War 1939-45 by Nikolai Tolstoy");
        Assert.Equal("authored", claim.Verb);
        Assert.Equal("Stalin's Secret War", claim.ObjectText);
    }

    [Fact]
    public void Extract_ParticipleDateBy_IsAgentFromBy()
    {
        const string text = "The order, issued on 16 August 1941, by Joseph Stalin, was harsh.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "by Joseph Stalin");
        Assert.Equal("issued", claim.Verb);
        Assert.Equal("stalin-joseph", claim.PersonId);
    }

    [Theory]
    [InlineData("“The British simply handed them over to die.”—Nikolai Tolstoy\n\nMore praise.", "tolstoy-nikolai")]
    [InlineData("“The British simply handed them over to die.”\n— Jane Doakes", null)]
    public void Extract_DashAndNameAfterQuotation_SignsIt(string text, string? personId)
    {
        var claim = Single(text, ClaimKind.Attribution);

        Assert.StartsWith("—", claim.Text, StringComparison.Ordinal);
        Assert.Equal(personId, claim.PersonId);
        Assert.Equal("said", claim.Verb);
        Assert.Equal("The British simply handed them over to die", claim.ObjectText?.TrimEnd('.'));
    }

    [Theory]
    [InlineData("“A sordid picture of British hypocrisy.” —Newsweek")]
    [InlineData("“A sordid picture of British hypocrisy.” —The Times (London)")]
    public void Extract_DashAndPublicationAfterQuotation_IsNoAttribution(string text) =>
        Assert.Empty(Extract(text, ClaimKind.Attribution));

    [Fact]
    public void Extract_PublishedByOneWord_IsAPublisherNoClaim()
    {
        Assert.Empty(Extract("The encyclopedia was published in 1993 by Solzhenitsyn, now out of print.", ClaimKind.Attribution));
    }

    [Fact]
    public void Extract_SignedBy_ObjectIsPhraseBefore()
    {
        const string text = "The Yalta agreement, signed by Eden, covered all Soviet citizens.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "signed by Eden");
        Assert.Equal("signed", claim.Verb);
        Assert.Equal("The Yalta agreement", claim.ObjectText);
        Assert.Equal("eden-anthony", claim.PersonId);
    }

    [Theory]
    [InlineData("Eden signed the Yalta agreement on the last day.", "Eden signed", "eden-anthony", "signed", "the Yalta agreement")]
    [InlineData("Stalin issued Order No. 270 that summer.", "Stalin issued", "stalin-joseph", "issued", "Order No. 270")]
    [InlineData("Stalin ordered the arrest of returning officers.", "Stalin ordered", "stalin-joseph", "ordered", "the arrest of returning officers")]
    [InlineData("Stalin decreed the amnesty after the war.", "Stalin decreed", "stalin-joseph", "issued", "the amnesty")]
    public void Extract_ActVerb_ObjectIsPhraseAfter(string text, string span, string personId, string verb, string objectText)
    {
        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, span);
        Assert.Equal(personId, claim.PersonId);
        Assert.Equal(verb, claim.Verb);
        Assert.Equal(objectText, claim.ObjectText);
    }

    [Fact]
    public void Extract_TwoSignatories_GivesOneClaimEach()
    {
        const string text = "Eden and Molotov signed the protocol.";

        var claims = Extract(text, ClaimKind.Attribution);

        Assert.Collection(claims,
            c => Assert.Equal(("Eden and Molotov signed", "Eden", "eden-anthony"), (c.Text, c.PersonText, c.PersonId)),
            c => Assert.Equal(("Molotov signed", "Molotov", (string?)null), (c.Text, c.PersonText, c.PersonId)));
    }

    [Fact]
    public void Extract_VerbBeforeQuote_ObjectIsQuotedWords()
    {
        const string text = "Tolstoy wrote that \"the operation was conducted with deceit\".";

        var claim = Single(text, ClaimKind.Attribution);

        Assert.Equal("the operation was conducted with deceit", claim.ObjectText);
    }

    [Theory]
    [InlineData("It is estimated that five million returned.")]
    [InlineData("He wrote to London at once.")]
    [InlineData("Soviet reports say otherwise.")]
    [InlineData("The men were handed over by British troops.")]
    [InlineData("Stalin’s Russia was no refuge.")]
    [InlineData("The report was written by the committee.")]
    public void Extract_NoNamedPerson_IsNoAttribution(string text)
    {
        Assert.Empty(Extract(text, ClaimKind.Attribution));
    }

    [Theory]
    [InlineData("In the Crimea Lieutenant General Gryzlov signed the agreement.", "Gryzlov signed", "Gryzlov")]
    [InlineData("The Foreign Office official Patrick Dean wrote a minute.", "Patrick Dean wrote", "Patrick Dean")]
    [InlineData("In 1946 Churchill warned of an iron curtain.", "Churchill warned", "Churchill")]
    [InlineData("The journalist Pringle puts the total higher.", "Pringle puts", "Pringle")]
    [InlineData("Later Epstein sued the army for the files.", "Epstein sued", "Epstein")]
    public void Extract_RankOrRoleBeforeFiniteVerb_IsNoPartOfTheSpan(string text, string span, string person)
    {
        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, span);
        Assert.Equal(person, claim.PersonText);
    }

    [Theory]
    [InlineData("Nicholas Bethell's The Last Secret appeared in 1974.", "Nicholas Bethell's The Last Secret", "The Last Secret")]
    [InlineData("Mark Elliott's Pawns of Yalta covers the American side.", "Mark Elliott's Pawns of Yalta", "Pawns of Yalta")]
    [InlineData("Julius Epstein's book was the first.", "Julius Epstein's book", null)]
    [InlineData("Rereading Tolstoy's Stalin's Secret War, one sees more.", "Tolstoy's Stalin's Secret War", "Stalin's Secret War")]
    public void Extract_PossessiveWithTitle_IsAuthorship(string text, string span, string? title)
    {
        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, span);
        Assert.Equal("authored", claim.Verb);
        Assert.Equal(title, claim.ObjectText);
    }

    [Fact]
    public void Extract_SignedByList_IsOneClaimNamingTheFirst()
    {
        const string text = "The agreement was signed by Churchill, Roosevelt and Stalin.";

        var claim = Single(text, ClaimKind.Attribution);

        AssertSpan(text, claim, "signed by Churchill");
    }

    [Theory]
    [InlineData("Speakers noted the silence of the archives.")]
    [InlineData("Neither says when the trains left.")]
    [InlineData("Stalin's Red Army took them back.")]
    [InlineData("The People's Commissariat of Defence issued it.")]
    public void Extract_CommonNounOrInstitution_IsNoAttribution(string text)
    {
        Assert.Empty(Extract(text, ClaimKind.Attribution));
    }
}
