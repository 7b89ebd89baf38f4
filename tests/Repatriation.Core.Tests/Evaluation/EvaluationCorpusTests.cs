using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

public class EvaluationCorpusTests
{
    [Theory]
    [InlineData("a 1945 b 1945 c", "1945", 0, 2)]
    [InlineData("a 1945 b 1945 c", "1945", 1, 9)]
    [InlineData("a 1945 b 1945 c", "1945", 2, null)]
    [InlineData("aaa", "aa", 1, 1)]
    public void Locate_Occurrence_FindsThatOne(string text, string value, int occurrence, int? expected) =>
        Assert.Equal(expected, EvaluationCorpus.Locate(text, value, occurrence));

    [Fact]
    public void Validate_LabelNotInPassage_IsAProblem()
    {
        var passage = Passage("Signed on 11 February 1945.", Label("12 February 1945", ClaimKinds.Date, ClaimStatuses.Contradicted, ClaimTruth.False));

        Assert.Contains("not in the passage", Assert.Single(EvaluationCorpus.Validate(passage)));
    }

    [Theory]
    [InlineData(ClaimTruth.True, ClaimStatuses.Contradicted)]
    [InlineData(ClaimTruth.False, ClaimStatuses.Supported)]
    [InlineData(ClaimTruth.False, ClaimStatuses.Unsupported)]
    [InlineData(ClaimTruth.Uncovered, ClaimStatuses.Supported)]
    public void Validate_TruthAndStatusDisagree_IsAProblem(string truth, string status)
    {
        var passage = Passage("Signed on 11 February 1945.", Label("11 February 1945", ClaimKinds.Date, status, truth));

        Assert.Contains("cannot have status", Assert.Single(EvaluationCorpus.Validate(passage)));
    }

    [Fact]
    public void Validate_UnknownKindStatusAndDuplicateSpan_AreProblems()
    {
        var passage = Passage("Signed on 11 February 1945.",
            Label("11 February 1945", "number", ClaimStatuses.Supported, ClaimTruth.True),
            Label("11 February 1945", ClaimKinds.Date, "fine", ClaimTruth.True));

        var problems = EvaluationCorpus.Validate(passage);

        Assert.Contains(problems, p => p.Contains("unknown kind"));
        Assert.Contains(problems, p => p.Contains("unknown status"));
        Assert.Contains(problems, p => p.Contains("labelled twice"));
    }

    [Fact]
    public void Parse_NotJson_ThrowsCorpusExceptionNamingTheFile()
    {
        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.Parse("{ not json", "bad.json"));

        Assert.StartsWith("bad.json", e.Message);
    }

    [Fact]
    public void Validate_ClaimsMissing_IsAProblem()
    {
        var passage = EvaluationCorpus.Parse("""{"id": "x", "style": "blog", "text": "Signed on 11 February 1945.", "claims": null}""", "x.json");

        Assert.Contains("claims list is missing", Assert.Single(EvaluationCorpus.Validate(passage)));
    }

    [Fact]
    public void LoadDirectory_MissingFolder_ThrowsCorpusException() =>
        Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"))));
}
