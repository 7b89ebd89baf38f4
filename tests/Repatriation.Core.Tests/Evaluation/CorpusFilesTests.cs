using System.Text.RegularExpressions;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>The shipped corpus in eval/corpus: every file parses, every label points into its passage.</summary>
public class CorpusFilesTests
{
    private static readonly Lazy<IReadOnlyList<CorpusPassage>> Corpus = new(() => EvaluationCorpus.LoadDirectory(CorpusDirectory()));

    internal static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Repatriation.sln")))
            {
                return Path.Combine(dir.FullName, "eval", "corpus");
            }
        }

        throw new InvalidOperationException("Repatriation.sln not found above the test output folder.");
    }

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
    /// If the engine returned exactly the labels, every target would be met. A corpus that failed this
    /// would hold the engine to a target no engine could reach.
    /// </summary>
    [Fact]
    public void Corpus_PerfectReports_MeetEveryTarget()
    {
        var runs = Corpus.Value.Select(p => new PassageRun(p, EvaluationFixtures.Report(p, p.Claims
            .Select(c => EvaluationFixtures.Found(p.Text, c.Text, c.Kind, c.Status, c.Occurrence))
            .ToArray()))).ToList();

        var result = EvaluationScorer.Score(runs, EvaluationFixtures.FactSet);

        Assert.Equal(1.0, result.ExtractionRecall.Value);
        Assert.Equal(1.0, result.StatusAccuracy.Value);
        Assert.Empty(result.Spurious);
        Assert.All(new EvaluationFloors().Check(result), f => Assert.True(f.Met, f.ToString()));
    }
}
