using System.Text.RegularExpressions;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports;

public partial class HtmlReportWriterTests
{
    [GeneratedRegex(@"<mark id=""d1-(?<id>[^""]+)"" class=""(?<status>[a-z]+)""[^>]*><a [^>]*>(?<text>[^<]*)</a></mark>")]
    private static partial Regex Mark();

    [Fact]
    public void Write_Report_HighlightsEveryClaimByStatusInTheText()
    {
        var report = SampleReports.OneOfEachStatus();

        var html = HtmlReportWriter.Write([report], [SampleReports.Text]);

        var marks = Mark().Matches(html);
        Assert.Equal(report.Claims.Count, marks.Count);
        foreach (var (claim, mark) in report.Claims.Zip(marks))
        {
            Assert.Equal(claim.Id, mark.Groups["id"].Value);
            Assert.Equal(claim.Status, mark.Groups["status"].Value);
            Assert.Equal(System.Net.WebUtility.HtmlEncode(claim.Text), mark.Groups["text"].Value);
        }

        Assert.Contains("Polian, Against Their Will (2004), p. 12", html);
        Assert.Contains("about 2.27 million (Polian 2004)", html);
    }

    [Fact]
    public void Write_MarkupInNamesAndText_IsEscapedAndNothingIsFetched()
    {
        var report = SampleReports.OneOfEachStatus("<script>alert(1)</script>.txt");

        var html = HtmlReportWriter.Write([report], [SampleReports.Text]);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt", html);
        Assert.Contains("&lt;at o", html);
        Assert.Contains("nce&gt; ", html);
        Assert.Contains("&amp; &quot;quickly&quot;", html);
        Assert.Contains("&lt;because&gt; &amp; so.", html);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(https?:)?//", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
    }
}
