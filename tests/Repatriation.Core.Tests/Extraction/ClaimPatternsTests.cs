using Repatriation.Core.Extraction;

namespace Repatriation.Core.Tests.Extraction;

public class ClaimPatternsTests
{
    // Every character the look-behind weighs, and neighbours of each kind: letters (Latin, Cyrillic, accented),
    // numbers (ASCII, Arabic-Indic, superscript, Roman numeral), punctuation, spaces, symbols and a lone surrogate.
    private const string Before = "aZéжЖ_.,:/=#&@’–-0٣²Ⅻ ( \n\t\u00A0\"“”'‘;!?%*+$£€—\u2009\uD83D";

    [Fact]
    public void StartsFigure_DigitAfterAnyCharacter_AgreesWithThePattern()
    {
        foreach (var text in DigitStarts())
        {
            Assert.True(ClaimPatterns.FigureStart().IsMatch(text, 1) == ClaimPatterns.StartsFigure(text, 1), $"“{text}”");
        }

        Assert.Equal(ClaimPatterns.FigureStart().IsMatch("7 men", 0), ClaimPatterns.StartsFigure("7 men", 0));
    }

    [Fact]
    public void StartsDate_DigitAfterAnyCharacter_AgreesWithThePattern()
    {
        foreach (var text in DigitStarts())
        {
            Assert.True(ClaimPatterns.DateStart().IsMatch(text, 1) == ClaimPatterns.StartsDate(text, 1), $"“{text}”");
        }

        Assert.Equal(ClaimPatterns.DateStart().IsMatch("1945", 0), ClaimPatterns.StartsDate("1945", 0));
    }

    [Theory]
    [InlineData("in 1945", 3, true)]
    [InlineData("No.270", 3, false)]
    [InlineData("p-12", 2, false)]
    [InlineData("(1946)", 1, true)]
    public void StartsFigure_DigitStart_RefusesOnlyAGluedDigit(string text, int start, bool expected)
    {
        Assert.Equal(expected, ClaimPatterns.StartsFigure(text, start));
        Assert.Equal(expected, ClaimPatterns.FigureStart().IsMatch(text, start));
    }

    [Fact]
    public void StartsDate_WordsInAnyCaseBeforeAndAfterAnyCharacter_AgreeWithThePattern()
    {
        var checkedTexts = 0;
        foreach (var text in WordStarts())
        {
            for (var start = 0; start < Math.Min(2, text.Length); start++)
            {
                Assert.True(ClaimPatterns.DateStart().IsMatch(text, start) == ClaimPatterns.StartsDate(text, start), $"“{text}” at {start}");
                checkedTexts++;
            }
        }

        Assert.True(checkedTexts > 100_000);
    }

    [Fact]
    public void StartsFigure_WordsInAnyCaseBeforeAndAfterAnyCharacter_AgreeWithThePattern()
    {
        var checkedTexts = 0;
        foreach (var text in WordStarts())
        {
            for (var start = 0; start < Math.Min(2, text.Length); start++)
            {
                Assert.True(ClaimPatterns.FigureStart().IsMatch(text, start) == ClaimPatterns.StartsFigure(text, start), $"“{text}” at {start}");
                checkedTexts++;
            }
        }

        Assert.True(checkedTexts > 100_000);
    }

    [Theory]
    [InlineData("some 2,000", 0, true)]
    [InlineData("US$ 5", 0, true)]
    [InlineData("us$5", 0, true)]
    [InlineData("USA$ 5", 0, false)]
    [InlineData("x£5", 1, false)]
    [InlineData("Thousands of", 0, true)]
    [InlineData("thousand", 0, false)]
    [InlineData("two_3", 0, false)]
    public void StartsFigure_WordsAndSigns_AsThePatternReadsThem(string text, int start, bool expected)
    {
        Assert.Equal(expected, ClaimPatterns.StartsFigure(text, start));
        Assert.Equal(expected, ClaimPatterns.FigureStart().IsMatch(text, start));
    }

    [Theory]
    [InlineData("in Spring 1945", 3, true)]
    [InlineData("on 9 May 1945", 5, true)]
    [InlineData("MAYBE 1945", 0, false)]
    [InlineData("Mayor Smith", 0, true)]
    [InlineData("the_1945", 0, false)]
    [InlineData("then 1945", 0, false)]
    [InlineData("c. 1945", 0, true)]
    [InlineData("x-between 1945", 2, false)]
    public void StartsDate_Words_AsThePatternReadsThem(string text, int start, bool expected)
    {
        Assert.Equal(expected, ClaimPatterns.StartsDate(text, start));
        Assert.Equal(expected, ClaimPatterns.DateStart().IsMatch(text, start));
    }

    private static IEnumerable<string> WordStarts()
    {
        string[] words =
        [
            "between", "from", "c", "ca", "circa", "about", "around", "approximately", "before", "after", "by", "until", "till",
            "since", "as", "not", "no", "up", "early", "mid", "late", "the", "spring", "summer", "autumn", "fall", "winter",
            "Jan", "January", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "jan", "MAY",
            "then", "circus", "asleep", "k", "x", "be", "Ja", "Ma", "ſince", "circa\u212A", "Kelvin", "\u212Aelvin", "ſ",
            "at", "more", "well", "just", "over", "in", "upwards", "a", "an", "nearly", "almost", "close", "some", "approx",
            "roughly", "estimated", "perhaps", "possibly", "fewer", "less", "under", "below", "exactly", "precisely", "all",
            "several", "few", "couple", "many", "countless", "untold", "tens", "hundreds", "thousands", "millions", "dozens",
            "virtually", "practically", "most", "half", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "nineteen", "twenty", "forty", "ninety", "US", "us", "USA", "£", "$", "€",
            "US$", "u", "fort", "halves", "\u0130n", "\u0131n", "twent", "sixt",
        ];
        const string neighbours = "aZ0_ .,;:-–’'\"(\n\u00A0éж\u200D\u200C\u0301\u212A\u017F\u0130\u0131٣$";
        foreach (var word in words)
        {
            foreach (var form in new[] { word, word.ToUpperInvariant(), word.ToLowerInvariant(), char.ToUpperInvariant(word[0]) + word[1..] })
            {
                yield return form;
                foreach (var after in neighbours)
                {
                    yield return form + after;
                    foreach (var before in neighbours)
                    {
                        yield return $"{before}{form}{after}";
                    }
                }
            }
        }

        // Every one- and two-letter ASCII word, before every ASCII character.
        for (var a = 'A'; a <= 'z'; a++)
        {
            for (var b = 'A'; b <= 'z'; b++)
            {
                for (var after = (char)0; after < 128; after += (char)3)
                {
                    yield return $"{a}{after}";
                    yield return $"{a}{b}{after}";
                }
            }
        }
    }

    private static IEnumerable<string> DigitStarts()
    {
        foreach (var before in Before)
        {
            foreach (var digit in "0159")
            {
                yield return $"{before}{digit}00 people";
            }
        }

        // Every character of the Basic Multilingual Plane before a digit.
        for (var c = 0; c <= 0xFFFF; c++)
        {
            yield return $"{(char)c}2";
        }
    }
}
