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

public class SentenceSplitterWindowTests
{
    [Theory]
    [InlineData("1 ", 5_000)]
    [InlineData("Churchill said \"we must\" ", 2_000)]
    [InlineData("the camps were emptied and the trains left ", 3_000)]
    [InlineData("a", 300_000)]
    [InlineData("1945 ", 8_000)]
    [InlineData("1,000,000,", 10_000)]
    public void Split_NoFullStop_CutsWindowsOfBoundedLength(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times));

        var spans = SentenceSplitter.Split(text);

        Assert.True(spans.Count > 1);
        Assert.All(spans, s => Assert.InRange(s.Length, 1, SentenceSplitter.MaxLength));
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i].Offset >= spans[i - 1].End, "windows must not overlap");
            Assert.True(string.IsNullOrWhiteSpace(text[spans[i - 1].End..spans[i].Offset]), "nothing but white space may fall between windows");
        }

        Assert.Equal(text.TrimEnd().Length, spans[^1].End);
    }

    [Fact]
    public void Split_RunOfBareFigures_HoldsAtMostMaxNumbersPerWindow()
    {
        var text = string.Concat(Enumerable.Repeat("1 ", 2_000));

        var spans = SentenceSplitter.Split(text);

        Assert.All(spans, s => Assert.True(text.Substring(s.Offset, s.Length).Split(' ').Length <= SentenceSplitter.MaxNumbers));
    }

    [Fact]
    public void Split_LongSentenceWithClauses_CutsAfterAClauseBreakNotInsideAFigure()
    {
        var clause = "the British handed over 2,272,000 persons at Lienz; ";
        var text = string.Concat(Enumerable.Repeat(clause, 20)) + "and that was all.";

        var spans = SentenceSplitter.Split(text);

        Assert.True(spans.Count > 1);
        foreach (var span in spans.SkipLast(1))
        {
            Assert.EndsWith(";", text.Substring(span.Offset, span.Length));
        }
    }

    [Fact]
    public void Split_DensestRealSentence_IsNotCut()
    {
        const string text = "Of all repatriates screened by 1 March 1946, 57.8% were sent home, 19.1% re-drafted into the army, " +
            "14.5% assigned to labour battalions and 6.5% handed to the NKVD, according to Zemskov's count of 4,199,488 repatriates " +
            "between 1945 and 1946, of whom 1,539,475 were former prisoners of war and 2,660,013 civilians.";

        Assert.Single(SentenceSplitter.Split(text));
    }

    [Fact]
    public void Split_EndlessWordOfSurrogatePairs_NeverCutsAPair()
    {
        var text = string.Concat(Enumerable.Repeat("𝔸", 1_000));

        var spans = SentenceSplitter.Split(text);

        Assert.All(spans, s => Assert.False(char.IsLowSurrogate(text[s.Offset])));
    }
}
