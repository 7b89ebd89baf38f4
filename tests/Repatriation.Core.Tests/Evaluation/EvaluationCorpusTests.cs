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

    private const string Signed = "LONDON, June 2 – The agreement was signed on 11 February 1945.";

    private static CorpusPassage Press(params NonClaim[] nonClaims) =>
        Published("n1", "press", Signed, [Label("11 February 1945", ClaimKinds.Date, ClaimStatuses.Supported, ClaimTruth.True)], nonClaims);

    [Fact]
    public void Validate_PublishedPassageWithSourceAndNonClaims_HasNoProblem() =>
        Assert.Empty(EvaluationCorpus.Validate(Press(Not("June 2", "dateline")), published: true));

    [Fact]
    public void Validate_NonClaimNotInPassage_IsAProblem() =>
        Assert.Contains("nonClaims[0] \"June 3\": occurrence 0 of the text is not in the passage",
            Assert.Single(EvaluationCorpus.Validate(Press(Not("June 3", "dateline")), published: true)));

    [Fact]
    public void Validate_SpanLabelledClaimAndNonClaim_IsAProblem() =>
        Assert.Contains("labelled a claim too", Assert.Single(EvaluationCorpus.Validate(Press(Not("11 February 1945", "?")), published: true)));

    [Fact]
    public void Validate_NonClaimInsideAClaim_IsAllowed() =>
        // A number inside a labelled quotation is a non-claim of its own.
        Assert.Empty(EvaluationCorpus.Validate(Press(Not("11", "inside the date, for the test")), published: true));

    [Fact]
    public void Validate_PublishedWithoutGenreOrSource_IsAProblemForPublishedPartsOnly()
    {
        var own = Press() with { Genre = null, Source = null };

        Assert.Empty(EvaluationCorpus.Validate(own, published: false));
        var problems = EvaluationCorpus.Validate(own, published: true);
        Assert.Contains(problems, p => p.Contains("needs a genre"));
        Assert.Contains(problems, p => p.Contains("needs a source"));
    }

    [Theory]
    [InlineData(null, "CC BY-SA 4.0", true, "source.url")]
    [InlineData("not a url", "CC BY-SA 4.0", true, "source.url")]
    [InlineData("https://example.org/a", " ", true, "source.licence")]
    [InlineData("https://example.org/a", "public domain", null, "source.verbatim")]
    public void Validate_PublishedSourceIncomplete_NamesTheField(string? url, string licence, bool? verbatim, string field)
    {
        var passage = Press() with { Source = new PassageSource { Url = url, Licence = licence, Verbatim = verbatim } };

        Assert.StartsWith($"t1: {field}".Replace("t1", "n1"), Assert.Single(EvaluationCorpus.Validate(passage, published: true)));
    }

    [Fact]
    public void Validate_PerturbedCopies_MustPointAtAPassageOfTheSamePart()
    {
        var original = Press();
        var copy = Press() with { Id = "n1-p1", PerturbedFrom = "n1", Perturbation = "nothing really" };
        var orphan = Press() with { Id = "n2-p1", PerturbedFrom = "n2", Perturbation = "wrong day" };
        var itself = Press() with { Id = "n3", PerturbedFrom = "n3", Perturbation = "wrong day" };
        var half = Press() with { Id = "n4", Perturbation = "wrong day" };
        var moved = Press() with { Id = "n1-p2", PerturbedFrom = "n1", Perturbation = "wrong day", Source = original.Source! with { Url = "https://example.org/other" } };

        var problems = EvaluationCorpus.Validate([original, copy, orphan, itself, half, moved], published: true);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("n2-p1: perturbedFrom 'n2' is not a passage of the same part"));
        Assert.Contains(problems, p => p.StartsWith("n3: perturbedFrom names the passage itself"));
        Assert.Contains(problems, p => p.StartsWith("n4: a perturbed copy needs both"));
        Assert.Contains(problems, p => p.StartsWith("n1-p2: a perturbed copy keeps its original's source"));
    }

    [Fact]
    public void Parse_MisspeltField_IsRefusedNamingFileAndField()
    {
        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.Parse(
            """{"id": "x", "style": "blog", "text": "t", "claims": [], "nonClaim": []}""", "x.json"));

        Assert.StartsWith("x.json", e.Message);
        Assert.Contains("nonClaim", e.Message);
    }

    [Theory]
    [InlineData("1973", "1973")]
    [InlineData("\"c. 1975\"", "c. 1975")]
    [InlineData("null", null)]
    public void Parse_SourceYear_IsANumberOrText(string json, string? expected)
    {
        var passage = EvaluationCorpus.Parse(
            $$"""{"id": "x", "style": "blog", "genre": "blog", "source": {"url": "https://example.org", "licence": "x", "verbatim": true, "year": {{json}}}, "text": "t", "claims": []}""", "x.json");

        Assert.Equal(expected, passage.Source!.Year);
    }

    [Fact]
    public void Parse_ExtraSourceField_IsKept()
    {
        var passage = EvaluationCorpus.Parse(
            """{"id": "x", "style": "blog", "genre": "machine translation", "source": {"url": "https://example.org", "licence": "x", "verbatim": false, "translatedBy": "the site"}, "text": "t", "claims": []}""", "x.json");

        Assert.Equal("the site", passage.Source!.More!["translatedBy"].GetString());
    }
}
