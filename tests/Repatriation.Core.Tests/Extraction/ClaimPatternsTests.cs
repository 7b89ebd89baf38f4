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
