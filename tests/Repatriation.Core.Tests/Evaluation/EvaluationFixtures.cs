using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>Hand-made passages and reports, so scorer tests check arithmetic without running the engine.</summary>
internal static class EvaluationFixtures
{
    public static readonly FactSetInfo FactSet = new("test-facts", "1", null);

    public static LabelledClaim Label(string text, string kind, string status, string truth, int occurrence = 0) =>
        new() { Text = text, Kind = kind, Status = status, Truth = truth, Occurrence = occurrence };

    public static CorpusPassage Passage(string text, params LabelledClaim[] claims) =>
        new() { Id = "t1", Style = "blog", Text = text, Claims = claims };

    /// <summary>A found claim at the given occurrence of <paramref name="span"/> in <paramref name="text"/>.</summary>
    public static ClaimResult Found(string text, string span, string kind, string status, int occurrence = 0)
    {
        var offset = EvaluationCorpus.Locate(text, span, occurrence) ?? throw new ArgumentException($"'{span}' is not in the text");
        return new ClaimResult
        {
            Id = $"c{offset}",
            Kind = kind,
            Status = status,
            Severity = ClaimStatuses.SeverityOf(status),
            Offset = offset,
            Length = span.Length,
            Line = 1,
            Column = offset + 1,
            Text = span,
            Sentence = text,
            Message = $"{status} by test",
            Evidence = [],
        };
    }

    public static CheckReport Report(CorpusPassage passage, params ClaimResult[] claims) => new()
    {
        Service = new ServiceInfo("test", "0"),
        FactSet = FactSet,
        Document = new DocumentInfo(passage.Id, passage.Text.Length, StringIndexTypes.Utf16CodeUnit),
        Summary = ReportSummary.From(claims),
        Claims = claims,
    };
}
