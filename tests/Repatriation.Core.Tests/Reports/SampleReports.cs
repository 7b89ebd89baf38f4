using Repatriation.Core.Checking;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Reports;

/// <summary>Hand-made reports with one claim of every status, for writers that must handle each.</summary>
internal static class SampleReports
{
    public const string Text = "In 1945 about 2,272,000 people were returned <at once> & \"quickly\".\nTolstoy wrote The Victims of Yalta.";

    public static CheckReport OneOfEachStatus(string name = "book/chapter <1>.txt")
    {
        var claims = ClaimStatuses.All.Select((status, i) => new ClaimResult
        {
            Id = $"c_{i:x16}",
            Kind = i % 2 == 0 ? ClaimKinds.Figure : ClaimKinds.Attribution,
            Status = status,
            Severity = ClaimStatuses.SeverityOf(status),
            Offset = i * 10,
            Length = 5,
            Line = i < 5 ? 1 : 2,
            Column = i * 10 + 1,
            Text = Text.Substring(i * 10, 5),
            Sentence = Text,
            Value = i % 2 == 0 ? new ReportValue { Low = 2_272_000L, High = 2_272_000L, Unit = "people", Qualifier = "about" } : null,
            Person = i % 2 == 0 ? null : "Tolstoy",
            Message = $"Claim is {status} <because> & so.",
            Evidence = status == ClaimStatuses.Unsupported ? [] :
            [
                new Evidence
                {
                    FactId = "f-total", Statement = "About 2,272,000 were returned.", Value = null,
                    Sources = [new EvidenceSource("Polian", "Against Their Will", 2004, "12")],
                },
            ],
            Suggestion = status == ClaimStatuses.Supported ? null : "about 2.27 million (Polian 2004)",
        }).ToList();
        return new CheckReport
        {
            Service = new ServiceInfo(ClaimChecker.ServiceName, "0.1.0"),
            FactSet = new FactSetInfo("repatriation", "1.0.0", "\"0x1\""),
            Document = new DocumentInfo(name, Text.Length, StringIndexTypes.Utf16CodeUnit) { Format = "text", CheckedText = "original" },
            Summary = ReportSummary.From(claims),
            Claims = claims,
        };
    }
}
