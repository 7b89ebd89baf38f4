using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

public class QuoteExtractionTests
{
    [Fact]
    public void Extract_CurlyQuoteAfterAttribution_TiesToThatPerson()
    {
        const string text = "Tolstoy described the guards as “visibly broken” after the march.";

        var claim = Single(text, ClaimKind.Quote);

        Assert.Equal(32, claim.Offset);
        Assert.Equal(16, claim.Length);
        Assert.Equal("“visibly broken”", claim.Text);
        Assert.Equal("visibly broken", claim.ObjectText);
        Assert.Equal("Tolstoy", claim.PersonText);
        Assert.Equal("tolstoy-nikolai", claim.PersonId);
    }

    [Fact]
    public void Extract_TwoQuotesInOneSentence_BothTieToTheAuthor()
    {
        const string text = "With author Nikolai Tolstoy describing the escort as “deeply ashamed” after it had “watched the prisoners board in silence”, the story spread.";

        var quotes = Extract(text, ClaimKind.Quote);

        Assert.Collection(quotes,
            q => AssertSpan(text, q, "“deeply ashamed”"),
            q => AssertSpan(text, q, "“watched the prisoners board in silence”"));
        Assert.All(quotes, q => Assert.Equal(("Nikolai Tolstoy", "tolstoy-nikolai"), (q.PersonText, q.PersonId)));
        Assert.Equal("watched the prisoners board in silence", quotes[1].ObjectText);
    }

    [Fact]
    public void Extract_StraightQuotes_AreQuotes()
    {
        const string text = "Zemskov wrote: \"the figures were revised twice\".";

        var claim = Single(text, ClaimKind.Quote);

        AssertSpan(text, claim, "\"the figures were revised twice\"");
        Assert.Equal("zemskov-viktor", claim.PersonId);
    }

    [Fact]
    public void Extract_SingleCurlyQuotesOfSeveralWords_AreQuotesAndApostrophesAreNot()
    {
        const string text = "Bethell called Stalin’s demand ‘the last secret of the war’ in print.";

        var claim = Single(text, ClaimKind.Quote);

        AssertSpan(text, claim, "‘the last secret of the war’");
        Assert.Equal("Bethell", claim.PersonText);
        Assert.Equal("bethell-nicholas", claim.PersonId);
    }

    [Fact]
    public void Extract_QuoteWithSpeakerInPreviousSentence_TiesToThatSpeaker()
    {
        const string text = "Solzhenitsyn was blunt. \"They were betrayed by everyone,\" he wrote.";

        var claim = Single(text, ClaimKind.Quote);

        Assert.Equal("\"They were betrayed by everyone,\"", claim.Text);
        Assert.Equal("They were betrayed by everyone", claim.ObjectText);
        Assert.Equal("solzhenitsyn-aleksandr", claim.PersonId);
    }

    [Fact]
    public void Extract_QuoteWithoutNamedPerson_IsNoClaim()
    {
        const string text = "\"We were never told,\" one survivor recalled.";

        Assert.Empty(Extract(text, ClaimKind.Quote));
    }

    [Fact]
    public void Extract_QuoteOfUnnamedSpeaker_IsNotTiedToPersonOfPreviousSentence()
    {
        const string text = "Stalin had insisted. A British officer told them they were \"just going to a conference\".";

        // The words are an unnamed officer's, not Stalin's: no quotation claim at all.
        Assert.Empty(Extract(text, ClaimKind.Quote));
    }

    [Theory]
    [InlineData("The so-called “liberation” began at dawn.")]
    [InlineData("Tolstoy's book “Victims of Yalta” was banned.")]
    [InlineData("The “Operation Keelhaul” files stayed closed.")]
    [InlineData("Read “The Last Secret” by Nicholas Bethell.")]
    public void Extract_ScareQuoteOrTitle_IsNoQuote(string text)
    {
        Assert.Empty(Extract(text, ClaimKind.Quote));
    }
}
