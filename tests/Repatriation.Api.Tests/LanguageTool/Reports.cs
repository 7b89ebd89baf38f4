using Repatriation.Core.Reports;

namespace Repatriation.Api.Tests.LanguageTool;

/// <summary>Hand-made reports, so the mapping is tested on every status whatever the engine finds today.</summary>
internal static class Reports
{
    public static readonly EvidenceSource Tolstoy = new("Nikolai Tolstoy", "Victims of Yalta", 1977, "31");

    public static ClaimResult Claim(string text, string claimText, string status, string kind = ClaimKinds.Figure, int occurrence = 0,
        string? suggestion = null, IReadOnlyList<EvidenceSource>? sources = null, string message = "The sources give another figure.")
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = text.IndexOf(claimText, offset + 1, StringComparison.Ordinal);
        }

        Assert.True(offset >= 0, $"'{claimText}' is not in the text");
        var lineStart = Math.Max(text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1, 0);
        return new ClaimResult
        {
            Id = "c_" + offset,
            Kind = kind,
            Status = status,
            Severity = ClaimStatuses.SeverityOf(status),
            Offset = offset,
            Length = claimText.Length,
            Line = text[..offset].Count(c => c == '\n') + 1,
            Column = offset - lineStart + 1,
            Text = claimText,
            Sentence = claimText,
            Message = message,
            Evidence = sources is null
                ? []
                : [new Evidence { FactId = "f1", Statement = "A sourced statement.", Sources = sources }],
            Suggestion = suggestion,
        };
    }

    public static CheckReport Report(string text, params ClaimResult[] claims) => new()
    {
        Service = new ServiceInfo("repatriation-claims-checker", "0.1.0"),
        FactSet = new FactSetInfo("repatriation", "2026-11-26", "\"0x1\""),
        Document = new DocumentInfo(null, text.Length, StringIndexTypes.Utf16CodeUnit),
        Summary = ReportSummary.From(claims),
        Claims = claims,
    };
}
