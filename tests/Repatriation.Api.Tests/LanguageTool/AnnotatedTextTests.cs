using Repatriation.Api.LanguageTool;

namespace Repatriation.Api.Tests.LanguageTool;

public sealed class AnnotatedTextTests
{
    private const string Data =
        """{"annotation":[{"text":"In "},{"markup":"<b>"},{"text":"1946"},{"markup":"</b>"},{"markup":"<p>","interpretAs":"\n\n"},{"text":"Next 😀 one."}]}""";

    [Fact]
    public void FromText_PlainText_OriginalAndCheckedAreTheSameAndOffsetsMapToThemselves()
    {
        var text = AnnotatedText.FromText("Between 1946 and 1948.");

        Assert.Equal(text.Original, text.CheckedText);
        Assert.Equal((8, 4), text.ToOriginal(8, 4));
    }

    [Fact]
    public void FromData_Markup_IsSkippedForCheckingAndReplacedByInterpretAs()
    {
        var text = AnnotatedText.FromData(Data);

        Assert.Equal("In <b>1946</b><p>Next 😀 one.", text.Original);
        Assert.Equal("In 1946\n\nNext 😀 one.", text.CheckedText);
    }

    [Fact]
    public void ToOriginal_SpanAfterMarkup_CountsTheMarkupCharacters()
    {
        var text = AnnotatedText.FromData(Data);
        var checkedOffset = text.CheckedText.IndexOf("1946", StringComparison.Ordinal);

        var (offset, length) = text.ToOriginal(checkedOffset, 4);

        Assert.Equal(6, offset);
        Assert.Equal("1946", text.Original.Substring(offset, length));
    }

    [Fact]
    public void ToOriginal_SpanAfterInterpretAsAndEmoji_LandsOnTheSameWordsInTheOriginal()
    {
        var text = AnnotatedText.FromData(Data);
        var checkedOffset = text.CheckedText.IndexOf("one", StringComparison.Ordinal);

        var (offset, length) = text.ToOriginal(checkedOffset, 3);

        Assert.Equal("one", text.Original.Substring(offset, length));
    }

    [Fact]
    public void ToOriginal_SpanAcrossMarkup_TakesTheMarkupInside()
    {
        var text = AnnotatedText.FromData("""{"annotation":[{"text":"between "},{"markup":"<i>"},{"text":"1946"},{"markup":"</i>"},{"text":" and 1948"}]}""");
        Assert.Equal("between 1946 and 1948", text.CheckedText);

        var (offset, length) = text.ToOriginal(0, text.CheckedText.Length);

        Assert.Equal("between <i>1946</i> and 1948", text.Original.Substring(offset, length));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"annotation":{}}""", "array 'annotation'")]
    [InlineData("""[{"text":"a"}]""", "array 'annotation'")]
    [InlineData("""{"annotation":[{"text":"a","markup":"<b>"}]}""", "both 'text' and 'markup'")]
    [InlineData("""{"annotation":[{}]}""", "needs 'text' or 'markup'")]
    [InlineData("""{"annotation":[{"text":5}]}""", "must be a string")]
    [InlineData("""{"annotation":["text"]}""", "must be an object")]
    [InlineData("""{"annotation":[{"text":"a","interpretAs":"b"}]}""", "'interpretAs' goes with 'markup'")]
    public void FromData_Malformed_ThrowsFormatExceptionSayingWhy(string data, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AnnotatedText.FromData(data));

        Assert.Contains(expected, error.Message);
    }
}
