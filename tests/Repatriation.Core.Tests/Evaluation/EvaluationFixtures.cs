using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>Hand-made passages and reports, so scorer tests check arithmetic without running the engine.</summary>
internal static class EvaluationFixtures
{
    public static readonly FactSetInfo FactSet = new("test-facts", "1", null);

    public static LabelledClaim Label(string text, string kind, string status, string truth, int occurrence = 0) =>
        new() { Text = text, Kind = kind, Status = status, Truth = truth, Occurrence = occurrence };

    public static NonClaim Not(string text, string note, int occurrence = 0) => new() { Text = text, Note = note, Occurrence = occurrence };

    public static CorpusPassage Passage(string text, params LabelledClaim[] claims) =>
        new() { Id = "t1", Style = "blog", Text = text, Claims = claims };

    /// <summary>A published passage with a source, as the tuning and held-out parts hold them.</summary>
    public static CorpusPassage Published(string id, string genre, string text, LabelledClaim[] claims, NonClaim[]? nonClaims = null, string? perturbedFrom = null) => new()
    {
        Id = id,
        Style = "newspaper",
        Genre = genre,
        Source = new PassageSource { Url = $"https://example.org/{perturbedFrom ?? id}", Licence = "test fixture", Verbatim = true },
        PerturbedFrom = perturbedFrom,
        Perturbation = perturbedFrom is null ? null : "changed for the test",
        Text = text,
        Claims = claims,
        NonClaims = nonClaims,
    };

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

    /// <summary>The passage scored against a report holding exactly <paramref name="claims"/>.</summary>
    public static EvaluationResult ScoreOne(CorpusPassage passage, params ClaimResult[] claims) =>
        EvaluationScorer.Score([new PassageRun(passage, Report(passage, claims))], FactSet);

    /// <summary>A report that returns exactly the labels: what a perfect engine would say.</summary>
    public static PassageRun PerfectRun(CorpusPassage passage) => new(passage, Report(passage, passage.Claims
        .Select(c => Found(passage.Text, c.Text, c.Kind, c.Status, c.Occurrence))
        .ToArray()));

    /// <summary>The folder holding Repatriation.sln, above the test output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Repatriation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repatriation.sln not found above the test output folder.");
    }

    /// <summary>The miniature repository layout under Evaluation/Fixtures (see its README).</summary>
    public static string FixtureRoot() =>
        Path.Combine(RepositoryRoot(), "tests", "Repatriation.Core.Tests", "Evaluation", "Fixtures");
}
