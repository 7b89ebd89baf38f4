using Repatriation.Core.Extraction;

namespace Repatriation.Core.Tests.Extraction;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Offset, s.Length)).ToArray();

    [Theory]
    [InlineData("Gen. Krasnov met Mr. Low at Spittal. They spoke briefly.", "Gen. Krasnov met Mr. Low at Spittal.")]
    [InlineData("V. N. Zemskov counted them. Others disagreed.", "V. N. Zemskov counted them.")]
    [InlineData("It grew by 2.5 per cent. Then it fell.", "It grew by 2.5 per cent.")]
    [InlineData("See p. 258 and vol. 1 for details. Then read on.", "See p. 258 and vol. 1 for details.")]
    [InlineData("They were sent back, e.g. the Cossacks at Lienz. Few escaped.", "They were sent back, e.g. the Cossacks at Lienz.")]
    [InlineData("He arrived c. 1945 with Lt. Ivanov and Dr. Petrov. Nobody knew.", "He arrived c. 1945 with Lt. Ivanov and Dr. Petrov.")]
    [InlineData("He said \"enough.\" Then he left.", "He said \"enough.\"")]
    [InlineData("He said “enough.” Then he left.", "He said “enough.”")]
    [InlineData("It was kept quiet.12 Nobody asked.", "It was kept quiet.12")]
    [InlineData("Under Order No. 270 they were guilty. Nobody asked.", "Under Order No. 270 they were guilty.")]
    [InlineData("The U.S. Army arrived late. Nobody asked.", "The U.S. Army arrived late.")]
    [InlineData("They were returned to the U.S.S.R. The trains left.", "They were returned to the U.S.S.R.")]
    public void Split_AbbreviationsInitialsDecimalsQuotes_EndOnlyAtTheRealEnd(string text, string first)
    {
        var sentences = Sentences(text);

        Assert.Equal(2, sentences.Length);
        Assert.Equal(first, sentences[0]);
    }

    [Fact]
    public void Split_HeadingLine_IsItsOwnSentence()
    {
        const string text = "The handover at Lienz\nAt dawn the officers left. The men followed.";

        Assert.Equal(["The handover at Lienz", "At dawn the officers left.", "The men followed."], Sentences(text));
    }

    [Fact]
    public void Split_HardWrappedLine_ContinuesTheSentence()
    {
        const string text = "The column moved\nslowly north towards the\nValley. It stopped.";

        Assert.Equal(["The column moved\nslowly north towards the\nValley.", "It stopped."], Sentences(text));
    }

    [Fact]
    public void Split_ListNumberAtLineStart_IsNoSentenceEnd()
    {
        const string text = "15. The forced repatriation\nIt was quiet.";

        Assert.Equal(["15. The forced repatriation", "It was quiet."], Sentences(text));
    }

    [Fact]
    public void Split_Spans_AreTrimmedOffsetsIntoTheText()
    {
        const string text = "  First one.   Second one!  ";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal([new TextSpan(2, 10), new TextSpan(15, 11)], spans);
    }

    [Fact]
    public void IndexAt_OffsetInsideOrBetweenSentences_FindsSentenceAtOrBefore()
    {
        var spans = SentenceSplitter.Split("One. Two. Three.");

        Assert.Equal(0, SentenceSplitter.IndexAt(spans, 0));
        Assert.Equal(1, SentenceSplitter.IndexAt(spans, 6));
        Assert.Equal(1, SentenceSplitter.IndexAt(spans, 9));
        Assert.Equal(2, SentenceSplitter.IndexAt(spans, 15));
    }
}
