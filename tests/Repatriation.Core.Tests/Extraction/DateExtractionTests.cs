using Repatriation.Core.Extraction;
using static Repatriation.Core.Tests.Extraction.ExtractionTestKit;

namespace Repatriation.Core.Tests.Extraction;

public class DateExtractionTests
{
    [Theory]
    [InlineData("The accord was signed on 11 February 1945 at Livadia.", "11 February 1945")]
    [InlineData("The accord was signed on February 11, 1945 at Livadia.", "February 11, 1945")]
    [InlineData("The accord was signed on 11th February 1945 at Livadia.", "11th February 1945")]
    [InlineData("The accord was signed on 1945-02-11 at Livadia.", "1945-02-11")]
    [InlineData("The accord was signed on the 11th of February 1945 at Livadia.", "11th of February 1945")]
    public void Extract_FullDate_IsOneDay(string text, string span)
    {
        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, span);
        Assert.Equal(new DateOnly(1945, 2, 11), claim.Date!.From);
        Assert.Equal(new DateOnly(1945, 2, 11), claim.Date.To);
        Assert.Equal(DatePrecision.Day, claim.Date.Precision);
        Assert.Null(claim.Date.Qualifier);
    }

    [Theory]
    [InlineData("The summit met in February 1945 by the sea.", "February 1945", "1945-02-01", "1945-02-28", DatePrecision.Month)]
    [InlineData("The handover came in late May 1945 near Lienz.", "late May 1945", "1945-05-21", "1945-05-31", DatePrecision.Month)]
    [InlineData("The handover came in early June 1945 near Lienz.", "early June 1945", "1945-06-01", "1945-06-10", DatePrecision.Month)]
    [InlineData("The handover came in mid-July 1945 near Lienz.", "mid-July 1945", "1945-07-11", "1945-07-20", DatePrecision.Month)]
    [InlineData("The war ended in 1945 for most.", "1945", "1945-01-01", "1945-12-31", DatePrecision.Year)]
    [InlineData("Trains ran east in the 1940s and later.", "1940s", "1940-01-01", "1949-12-31", DatePrecision.Decade)]
    [InlineData("Trains ran east in spring 1945 and later.", "spring 1945", "1945-03-01", "1945-05-31", DatePrecision.Season)]
    [InlineData("Trains ran east in summer 1946 and later.", "summer 1946", "1946-06-01", "1946-08-31", DatePrecision.Season)]
    [InlineData("Trains ran east in autumn 1945 and later.", "autumn 1945", "1945-09-01", "1945-11-30", DatePrecision.Season)]
    [InlineData("Trains ran east in winter 1945 and later.", "winter 1945", "1945-12-01", "1946-02-28", DatePrecision.Season)]
    [InlineData("Trains ran east in mid-1946 and later.", "mid-1946", "1946-05-01", "1946-08-31", DatePrecision.Season)]
    public void Extract_MonthSeasonYearDecade_CoversItsWholePeriod(string text, string span, string from, string to, DatePrecision precision)
    {
        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, span);
        Assert.Equal(DateOnly.Parse(from), claim.Date!.From);
        Assert.Equal(DateOnly.Parse(to), claim.Date.To);
        Assert.Equal(precision, claim.Date.Precision);
    }

    [Theory]
    [InlineData("Camps filled in 1946–48 and emptied.", "1946–48", "1946-01-01", "1948-12-31", null)]
    [InlineData("Camps filled in 1946-1948 and emptied.", "1946-1948", "1946-01-01", "1948-12-31", null)]
    [InlineData("Camps filled in 1944–47 and emptied.", "1944–47", "1944-01-01", "1947-12-31", null)]
    [InlineData("Camps filled between 1946 and 1948 and emptied.", "between 1946 and 1948", "1946-01-01", "1948-12-31", "between")]
    [InlineData("Camps filled from 1944 to 1947 and emptied.", "from 1944 to 1947", "1944-01-01", "1947-12-31", "from")]
    [InlineData("Camps filled (1917-1922) and emptied.", "1917-1922", "1917-01-01", "1922-12-31", null)]
    [InlineData("Camps filled 14 August 1946 – 9 May 1947 and emptied.", "14 August 1946 – 9 May 1947", "1946-08-14", "1947-05-09", null)]
    [InlineData("Camps filled in May–June 1945 and emptied.", "May–June 1945", "1945-05-01", "1945-06-30", null)]
    [InlineData("Camps filled on 14–18 August 1946 and emptied.", "14–18 August 1946", "1946-08-14", "1946-08-18", null)]
    public void Extract_DateRange_IsOneClaim(string text, string span, string from, string to, string? qualifier)
    {
        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, span);
        Assert.Equal(DateOnly.Parse(from), claim.Date!.From);
        Assert.Equal(DateOnly.Parse(to), claim.Date.To);
        Assert.Equal(qualifier, claim.Date.Qualifier);
    }

    [Fact]
    public void Extract_RangeAtSentenceStart_IsDateNotFigure()
    {
        const string text = "Between 1946 and 1948 several million civilians were returned.";

        var claims = Extract(text);

        Assert.Collection(claims,
            c => Assert.Equal((ClaimKind.Date, 0, 21), (c.Kind, c.Offset, c.Length)),
            c => Assert.Equal((ClaimKind.Figure, "several million"), (c.Kind, c.Text)));
        Assert.Equal("between", claims[0].Date!.Qualifier);
    }

    [Fact]
    public void Extract_YearInCitation_IsDate()
    {
        const string text = "The figure comes from Zemskov (2014, p. 258).";

        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, "2014");
        Assert.Empty(Extract(text, ClaimKind.Figure));
    }

    [Fact]
    public void Extract_NumberWithThousandsSeparator_IsCountNotYear()
    {
        const string text = "He saw 1,945 men leave.";

        Assert.Empty(Extract(text, ClaimKind.Date));
        AssertSpan(text, Single(text, ClaimKind.Figure), "1,945");
    }

    [Fact]
    public void Extract_YearLikeNumberBeforeCountNoun_IsCount()
    {
        const string text = "The camp held 1950 prisoners.";

        Assert.Empty(Extract(text, ClaimKind.Date));
        Assert.Equal(1950, Single(text, ClaimKind.Figure).Figure!.Low);
    }

    [Fact]
    public void Extract_YearsJoinedByAndWithoutBetween_AreTwoDates()
    {
        const string text = "It happened in 1945 and 1946.";

        var claims = Extract(text, ClaimKind.Date);

        Assert.Equal(["1945", "1946"], claims.Select(c => c.Text));
    }

    [Fact]
    public void Extract_LowerCaseMay_IsNoMonth()
    {
        const string text = "Some may 1945 reports be wrong.";

        AssertSpan(text, Single(text, ClaimKind.Date), "1945");
    }

    [Fact]
    public void Extract_DateQualifier_IsKept()
    {
        const string text = "Most were released until 1955 at the latest.";

        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, "until 1955");
        Assert.Equal("until", claim.Date!.Qualifier);
        Assert.Equal(new DateOnly(1955, 1, 1), claim.Date.From);
    }

    [Theory]
    [InlineData("The trains ran in 1945. On 14 May the first left.", "14 May", "1945-05-14", null)]
    [InlineData("The trains ran in 1945. On May 14 the first left.", "May 14", "1945-05-14", null)]
    [InlineData("The trains ran in 1945. They ran until about 7 June at Lienz.", "until about 7 June", "1945-06-07", "until about")]
    public void Extract_DayAndMonthWithoutYear_TakesYearOfDateBefore(string text, string span, string date, string? qualifier)
    {
        var claim = Extract(text, ClaimKind.Date)[1];

        AssertSpan(text, claim, span);
        Assert.Equal(DateOnly.Parse(date), claim.Date!.From);
        Assert.Equal(DateOnly.Parse(date), claim.Date.To);
        Assert.Equal(qualifier, claim.Date.Qualifier);
        Assert.Empty(Extract(text, ClaimKind.Figure));
    }

    [Fact]
    public void Extract_DayAndMonthWithNoYearAnywhere_IsNoClaim()
    {
        Assert.Empty(Extract("On 14 May the first train left.", ClaimKind.Date));
    }

    [Theory]
    [InlineData("Battalions worked up to early 1947 in the mines.", "up to early 1947", "up to", "1947-01-01", "1947-04-30")]
    [InlineData("By the end of 1945 most had gone.", "By the end of 1945", "by", "1945-09-01", "1945-12-31")]
    [InlineData("The camps were full from 1944 onwards.", "from 1944", "from", "1944-01-01", "1944-12-31")]
    public void Extract_BoundingWords_AreInSpanAndQualifier(string text, string span, string qualifier, string from, string to)
    {
        var claim = Single(text, ClaimKind.Date);

        AssertSpan(text, claim, span);
        Assert.Equal(qualifier, claim.Date!.Qualifier);
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), (claim.Date.From, claim.Date.To));
    }

    [Fact]
    public void Extract_YearEndingATitle_IsNoClaim()
    {
        const string text = "He read The Fall of Berlin 1945 twice.";

        Assert.Empty(Extract(text, ClaimKind.Date));
        Assert.Empty(Extract(text, ClaimKind.Figure));
    }

    [Fact]
    public void Extract_YearInAuthorYearCitation_IsDate()
    {
        const string text = "The count was revised (Tolstoy 1977, p. 4).";

        AssertSpan(text, Single(text, ClaimKind.Date), "1977");
    }
}
