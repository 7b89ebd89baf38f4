using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;
using Repatriation.Core.Tests.Reports.Legacy;

namespace Repatriation.Core.Tests.Reports;

/// <summary>
/// The streamed writers against what the reports were before (issue 11): the JSON report against the serializer's
/// reflection over the records, SARIF against the log the old writer built as a node tree, HTML and text byte for byte
/// against the old writers. Each is fed hand-made reports with every status and real ones with sections,
/// inconsistencies, locations, decisions, a baseline and code-point offsets.
/// </summary>
public class StreamedWritersTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();

    private const string Manuscript = """
        # Yalta

        At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens. About 2,272,000 people were repatriated from the western zones.

        # Lienz

        The handover of the Cossacks at Lienz began on 1 June 1945. Some say 5,500,000 people were repatriated from the western zones; 𝔸 Tolstoy wrote The Victims of Yalta in 1977.

        Nikolai Tolstoy described the guards as “visibly shamefaced”. Churchill said "the Cossacks must be returned at once".
        """;

    public static TheoryData<string> Cases => new()
    {
        "hand-made",
        "hand-made, decisions and baseline",
        "manuscript",
        "manuscript, decisions and baseline",
        "manuscript in code points, decisions and baseline",
        "docx",
    };

    private static CheckReport Report(string name)
    {
        if (name.StartsWith("hand-made", StringComparison.Ordinal))
        {
            var sample = SampleReports.OneOfEachStatus();
            return name.Contains("decisions", StringComparison.Ordinal) ? Reviewed(sample) : sample;
        }

        var document = name == "docx"
            ? DocumentReader.Read("book.docx", Documents.TestDocx.Build(
                [new("Chapter One", "Heading1"), new("In 1945 the British handed over 2,272,000 people at Lienz."), new("Chapter Two", "Heading1"), new("Some 5,500,000 people were repatriated from the western zones in 1945.")],
                ["Zemskov, p. 12, gives 1946."], ["Tolstoy 1977."]))
            : DocumentReader.Read("chapter.md", System.Text.Encoding.UTF8.GetBytes(Manuscript));
        var indexType = name.Contains("code points", StringComparison.Ordinal) ? StringIndexTypes.UnicodeCodePoint : StringIndexTypes.Utf16CodeUnit;
        var report = new ManuscriptChecker().Check(document, Shipped, indexType);
        return name.Contains("decisions", StringComparison.Ordinal) ? Reviewed(report) : report;
    }

    /// <summary>The first flagged claim dismissed, a decision for a claim that is gone, and a baseline that knew half the claims (one with another status) and one claim no longer there.</summary>
    private static CheckReport Reviewed(CheckReport report)
    {
        var flagged = report.Claims.First(c => c.Status != ClaimStatuses.Supported);
        var supported = report.Claims.FirstOrDefault(c => c.Status == ClaimStatuses.Supported);
        Decision[] decisions =
        [
            new() { Id = flagged.Id, Reason = "The source is in footnote <12>.", By = "A. Editor", At = new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero) },
            new() { Id = "c_0000000000000000", Reason = null },
        ];
        var known = report.Claims.Where((_, i) => i % 2 == 0)
            .Select(c => new BaselineClaim(c.Id, c.Kind, c == supported ? ClaimStatuses.Contradicted : c.Status, c.Text, c.Line, c.Column))
            .Append(new BaselineClaim("c_1111111111111111", ClaimKinds.Figure, ClaimStatuses.Imprecise, "about \"3 million\"", 9, 1))
            .ToList();
        return ReportReview.Apply(report, decisions, new BaselineDocument(report.Document.Name, known));
    }

    private static string TextOf(string name) => name switch
    {
        _ when name.StartsWith("hand-made", StringComparison.Ordinal) => SampleReports.Text,
        "docx" => DocumentReader.Read("book.docx", Documents.TestDocx.Build(
            [new("Chapter One", "Heading1"), new("In 1945 the British handed over 2,272,000 people at Lienz."), new("Chapter Two", "Heading1"), new("Some 5,500,000 people were repatriated from the western zones in 1945.")],
            ["Zemskov, p. 12, gives 1946."], ["Tolstoy 1977."])).Text,
        _ => DocumentReader.Read("chapter.md", System.Text.Encoding.UTF8.GetBytes(Manuscript)).Text,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_Report_SameAsTheSerializerGivesTheRecords(string name)
    {
        var report = Report(name);

        var streamed = JsonNode.Parse(ReportJson.Serialize(report));
        var reflected = JsonSerializer.SerializeToNode(report, ReportJson.Options);

        Assert.True(JsonNode.DeepEquals(reflected, streamed), $"streamed:\n{streamed}\nreflected:\n{reflected}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sarif_Report_SameLogAsBefore(string name)
    {
        var reports = new[] { Report(name), SampleReports.OneOfEachStatus("second.txt") };

        var streamed = JsonNode.Parse(SarifReportWriter.Write(reports));
        var before = JsonNode.Parse(LegacySarifReportWriter.Write(reports));

        Assert.True(JsonNode.DeepEquals(before, streamed), $"streamed:\n{streamed}\nbefore:\n{before}");
    }

    [Fact]
    public void Sarif_NoReports_SameLogAsBefore()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(LegacySarifReportWriter.Write([])), JsonNode.Parse(SarifReportWriter.Write([]))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Html_Report_SamePageAsBefore(string name)
    {
        var report = Report(name);
        var text = TextOf(name);

        Assert.Equal(LegacyHtmlReportWriter.Write([report], [text]), HtmlReportWriter.Write([report], [text]));
        Assert.Equal(LegacyHtmlReportWriter.Write([report, report], null), HtmlReportWriter.Write([report, report], null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_Report_SameLinesAsBefore(string name)
    {
        var report = Report(name);

        foreach (var (colour, supported, onlyNew) in new[] { (false, true, false), (true, true, false), (false, false, false), (false, true, true) })
        {
            Assert.Equal(LegacyTextReportWriter.Write(report, colour, supported, onlyNew), TextReportWriter.Write(report, colour, supported, onlyNew));
        }
    }

    [Fact]
    public void Html_PageWithoutATitleGiven_HeadWrittenLastComesFirst()
    {
        var report = Report("manuscript");
        using var output = new MemoryStream();

        using (var writer = new HtmlReportWriter(output))
        {
            ReportSinks.Replay(report, writer.Report(TextOf("manuscript")));
            writer.Complete();
        }

        Assert.Equal(LegacyHtmlReportWriter.Write([report], [TextOf("manuscript")]), System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Html_LongText_PartsSpillToDiskAndComeBackWhole()
    {
        // Far more than the spill buffers keep in memory: the marks and rows go through temporary files.
        var text = string.Concat(Enumerable.Repeat("In 1945 about 2,272,000 people were returned from the western zones. ", 8_000));
        var report = new ClaimChecker().Check(new CheckRequest(text, "long.txt"), Shipped);

        Assert.Equal(LegacyHtmlReportWriter.Write([report], [text]), HtmlReportWriter.Write([report], [text]));
    }
}
