using System.Text.RegularExpressions;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>The shipped corpus in eval/corpus: every file parses, every label points into its passage.</summary>
public class CorpusFilesTests
{
    private static readonly Lazy<IReadOnlyList<CorpusPassage>> Corpus = new(() => EvaluationCorpus.LoadDirectory(CorpusDirectory()));

    internal static string CorpusDirectory() => Path.Combine(EvaluationFixtures.RepositoryRoot(), "eval", "corpus");

    [Fact]
    public void Corpus_EveryFile_ParsesAndValidates()
    {
        Assert.True(Corpus.Value.Count >= 44, $"only {Corpus.Value.Count} passages");
        Assert.Empty(EvaluationCorpus.Validate(Corpus.Value));
    }

    [Fact]
    public void Corpus_EveryLabel_OccursInItsPassageAtItsOccurrence()
    {
        foreach (var passage in Corpus.Value)
        {
            foreach (var claim in passage.Claims)
            {
                var offset = EvaluationCorpus.Locate(passage.Text, claim.Text, claim.Occurrence);
                Assert.True(offset is not null, $"{passage.Id}: \"{claim.Text}\" #{claim.Occurrence}");
                Assert.Equal(claim.Text, passage.Text.Substring(offset!.Value, claim.Text.Length));
            }
        }
    }

    [Fact]
    public void Corpus_Passages_AreBetween60And250WordsAndCoverEveryStyle()
    {
        foreach (var passage in Corpus.Value)
        {
            var words = Regex.Matches(passage.Text, @"\S+").Count;
            Assert.InRange(words, 60, 250);
            Assert.NotEmpty(passage.Claims);
        }

        Assert.Equal(PassageStyles.All.Order(), Corpus.Value.Select(p => p.Style).Distinct().Order());
    }

    [Fact]
    public void Corpus_FileNames_MatchPassageIds() =>
        Assert.All(Corpus.Value, p => Assert.Equal(p.Id + ".json", Path.GetFileName(p.File)));

    [Fact]
    public void Corpus_EveryKindAndStatus_IsExercised()
    {
        var claims = Corpus.Value.SelectMany(p => p.Claims).ToList();

        Assert.All(new[] { ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote }, k => Assert.Contains(claims, c => c.Kind == k));
        Assert.All(ClaimStatuses.All, s => Assert.Contains(claims, c => c.Status == s));
    }

    /// <summary>
    /// If the engine returned exactly the labels, every goal would be met. A corpus that failed this would hold the
    /// engine to a goal no engine could reach (a label contradicting another, a strong status on a true claim).
    /// </summary>
    [SkippableTheory]
    [InlineData(CorpusParts.Regression)]
    [InlineData(CorpusParts.Tuning)]
    [InlineData(CorpusParts.Heldout)]
    public void Part_PerfectReports_MeetEveryGoal(string name)
    {
        var part = Parts.Value.Single(p => p.Name == name);
        Skip.If(part.IsEmpty, $"the {name} part ({part.Directory}) holds no passages yet");

        var result = EvaluationScorer.Score(part.Passages.Select(EvaluationFixtures.PerfectRun).ToList(), EvaluationFixtures.FactSet, name);

        Assert.Equal(1.0, result.Measures.ClaimsExtractedExact.Value);
        Assert.Equal(1.0, result.Measures.StatusAccuracy.Value);
        Assert.DoesNotContain(result.Reported, r => r.Category != ReportedCategories.Labelled);
        Assert.All(EvaluationMeasures.CheckGoals(result.Measures), g => Assert.True(g.Met || g.Measured.Value is null, g.ToString()));
    }

    /// <summary>Every part of the repository loads: each file parses and validates, and no id or source is in two parts.</summary>
    [Fact]
    public void Parts_EveryFile_ParsesAndValidatesAcrossParts() =>
        Assert.Equal(CorpusParts.All, Parts.Value.Select(p => p.Name));

    private static readonly Lazy<IReadOnlyList<CorpusPart>> Parts = new(() => EvaluationCorpus.LoadParts(EvaluationFixtures.RepositoryRoot(), CorpusParts.All));
}
