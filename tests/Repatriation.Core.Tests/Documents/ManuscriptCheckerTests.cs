using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Documents;

public class ManuscriptCheckerTests
{
    private const string FactSetJson = """
        {
          "id": "test-set", "version": "1.0.0",
          "sources": [{ "id": "s1", "author": "Polian", "title": "Against Their Will", "year": 2004 }],
          "measures": [{ "id": "m-returned", "name": "Soviet citizens returned from the western zones", "kind": "count", "unit": "persons", "terms": ["repatriated", "returned"] },
                       { "id": "m-lienz", "name": "date of the Lienz handover", "kind": "date", "unit": "date", "terms": ["Lienz handover"] }],
          "facts": [{ "id": "f-returned", "measure": "m-returned", "statement": "About 2,272,000 were returned.", "value": { "low": 2272000, "high": 2272000 }, "sources": [{ "source": "s1" }] },
                    { "id": "f-lienz", "measure": "m-lienz", "statement": "The Lienz handover began on 1 June 1945.", "date": { "from": "1945-06-01" }, "sources": [{ "source": "s1" }] }]
        }
        """;

    private static readonly FactSetSnapshot Snapshot = FactSetLoader.Load(FactSetJson, "test", null, DateTimeOffset.UnixEpoch);

    private static ClaimResult Claim(string id, string kind, int offset, int line, object low, object high, string unit, string factId) => new()
    {
        Id = id, Kind = kind, Status = ClaimStatuses.Contradicted, Severity = "error", Offset = offset, Length = 5, Line = line, Column = 1,
        Text = $"{low}", Sentence = "", Value = new ReportValue { Low = low, High = high, Unit = unit }, Message = "m",
        Evidence = [new Evidence { FactId = factId, Statement = "s", Sources = [] }],
    };

    [Fact]
    public void FindInconsistencies_SameMeasureDifferentValues_NamesBothPlaces()
    {
        var document = DocumentReader.FromPlainText("book.txt", "Chapter 1\nx\nChapter 2\ny\n");
        var claims = new[]
        {
            Claim("c1", ClaimKinds.Figure, 10, 2, 2_272_000L, 2_272_000L, "people", "f-returned"),
            Claim("c2", ClaimKinds.Figure, 22, 4, 5_000_000L, 5_000_000L, "people", "f-returned"),
            Claim("c3", ClaimKinds.Figure, 23, 4, 2_000_000L, 3_000_000L, "people", "f-returned"),
        };

        var findings = ManuscriptChecker.FindInconsistencies(document, new ManuscriptChecker.Units(document.Text, false), claims, Snapshot);

        var finding = Assert.Single(findings);
        Assert.Equal("m-returned", finding.Measure);
        Assert.Equal(["c1", "c2", "c3"], finding.Places.Select(p => p.ClaimId));
        Assert.Equal(["Chapter 1", "Chapter 2", "Chapter 2"], finding.Places.Select(p => p.Section));
        Assert.Contains("line 2", finding.Message);
        Assert.Contains("line 4", finding.Message);
    }

    [Fact]
    public void FindInconsistencies_OverlappingValuesAndDates_AreConsistent()
    {
        var document = DocumentReader.FromPlainText("book.txt", new string('x', 100));
        var claims = new[]
        {
            Claim("c1", ClaimKinds.Figure, 10, 1, 2_000_000L, 3_000_000L, "people", "f-returned"),
            Claim("c2", ClaimKinds.Figure, 20, 1, 2_272_000L, 2_272_000L, "people", "f-returned"),
            Claim("c3", ClaimKinds.Date, 30, 1, 1945L, 1945L, "year", "f-lienz"),
            Claim("c4", ClaimKinds.Date, 40, 1, "1945-06-01", "1945-06-01", "date", "f-lienz"),
        };

        Assert.Empty(ManuscriptChecker.FindInconsistencies(document, new ManuscriptChecker.Units(document.Text, false), claims, Snapshot));
    }

    [Fact]
    public void FindInconsistencies_DatesThatCannotBothBeRight_AreFlagged()
    {
        var document = DocumentReader.FromPlainText("book.txt", new string('x', 100));
        var claims = new[]
        {
            Claim("c1", ClaimKinds.Date, 10, 1, "1945-06-01", "1945-06-01", "date", "f-lienz"),
            Claim("c2", ClaimKinds.Date, 20, 3, 1946L, 1946L, "year", "f-lienz"),
        };

        var finding = Assert.Single(ManuscriptChecker.FindInconsistencies(document, new ManuscriptChecker.Units(document.Text, false), claims, Snapshot));
        Assert.Equal(2, finding.Places.Count);
    }

    [Fact]
    public void SummariseSections_ClaimsCountedInTheirChapter()
    {
        var text = "Intro 1945.\nChapter 1\nOne.\nChapter 2\nTwo.\n";
        var document = DocumentReader.FromPlainText("book.txt", text);
        var claims = new[]
        {
            Claim("c0", ClaimKinds.Date, 6, 1, 1945L, 1945L, "year", "f-lienz"),
            Claim("c1", ClaimKinds.Date, text.IndexOf("One", StringComparison.Ordinal), 3, 1945L, 1945L, "year", "f-lienz"),
            Claim("c2", ClaimKinds.Date, text.IndexOf("Two", StringComparison.Ordinal), 5, 1945L, 1945L, "year", "f-lienz") with { Status = ClaimStatuses.Supported },
        };

        var sections = ManuscriptChecker.SummariseSections(document, new ManuscriptChecker.Units(text, false), claims)!;

        Assert.Equal(["(before the first heading)", "Chapter 1", "Chapter 2"], sections.Select(s => s.Title));
        Assert.Equal([1, 1, 1], sections.Select(s => s.Summary.Claims));
        Assert.Equal([1, 1, 0], sections.Select(s => s.Summary.Flagged));
        Assert.Equal([1, 2, 4], sections.Select(s => s.Line));
    }

    [Fact]
    public void Check_Docx_EveryClaimLocationPointsAtItsTextInTheParagraph()
    {
        var paragraphs = new TestDocx.Para[]
        {
            new("Repatriation", "Heading1"),
            new("At the Yalta Conference in February 1945 Churchill, Roosevelt and Stalin agreed to return each other's citizens."),
            new("About 2,272,000 Soviet citizens were repatriated from the western zones, and 22,500 Cossacks were handed over at Lienz on 1 June 1945."),
        };
        var bytes = TestDocx.Build(paragraphs, footnotes: ["Nikolai Tolstoy wrote The Victims of Yalta in 1977."], endnotes: ["Nicholas Bethell wrote The Last Secret in 1974."]);
        var document = DocumentReader.Read("book.docx", bytes);

        var report = new ManuscriptChecker().Check(document, Snapshot);

        Assert.Equal("docx", report.Document.Format);
        Assert.Equal("extracted", report.Document.CheckedText);
        Assert.Equal(document.Text.Length, report.Document.Characters);
        Assert.Equal("Repatriation", Assert.Single(report.Sections!).Title);
        string ParagraphText(ClaimLocation l) => l.Part switch
        {
            DocumentParts.Body => paragraphs[l.Paragraph - 1].Text,
            DocumentParts.Footnote => " Nikolai Tolstoy wrote The Victims of Yalta in 1977.",
            _ => "Nicholas Bethell wrote The Last Secret in 1974.",
        };

        foreach (var claim in report.Claims)
        {
            Assert.Equal(claim.Text, document.Text.Substring(claim.Offset, claim.Length));
            var location = Assert.IsType<ClaimLocation>(claim.Location);
            Assert.Equal(claim.Text, ParagraphText(location).Substring(location.Offset, claim.Length));
        }
    }
}
