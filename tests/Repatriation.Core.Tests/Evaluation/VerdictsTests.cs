using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>
/// The engine's verdicts on every evaluation part, recomputed and compared with eval/verdicts/&lt;part&gt;.tsv: work that
/// makes the engine faster (issue 11) must not change a single one. A change of verdicts on purpose (a rule, the fact
/// set) rewrites the files with `eval --write-verdicts`. Held-out differences are given as counts and passage ids
/// only: that part's content is not read while the engine changes.
/// </summary>
public class VerdictsTests
{
    private const int Shown = 20;

    private static (CorpusPart Part, IReadOnlyList<Verdict> Kept, IReadOnlyList<Verdict> Now) Run(string partName)
    {
        var root = RepositoryRoot();
        var part = EvaluationCorpus.LoadPart(root, partName);
        Skip.If(part.IsEmpty, $"the {CorpusParts.DisplayName(partName)} part holds no passages");
        var path = Path.Combine(root, Verdicts.RelativePath(partName));
        Assert.True(File.Exists(path), $"{Verdicts.RelativePath(partName)} is missing: run `{Verdicts.WriteCommand}` and commit it");
        var kept = Verdicts.ParseTsv(File.ReadAllText(path), path);
        return (part, kept, Verdicts.Of(part.Passages, FactSetLoader.LoadShipped()));
    }

    [SkippableTheory]
    [InlineData(CorpusParts.Regression)]
    [InlineData(CorpusParts.Tuning)]
    public void Verdicts_OnPart_AreTheOnesKept(string partName)
    {
        var (_, kept, now) = Run(partName);

        var differences = Verdicts.Compare(kept, now);

        Assert.True(differences.Count == 0,
            $"{differences.Count} verdict(s) on the {partName} part differ from {Verdicts.RelativePath(partName)} ({kept.Count} kept, {now.Count} now); the first {Math.Min(Shown, differences.Count)}:\n" +
            string.Join("\n", differences.Take(Shown).Select(d => d.Describe())) +
            $"\nIf the change is meant (a rule or the fact set changed), run `{Verdicts.WriteCommand}` and commit the files.");
    }

    [SkippableFact]
    public void Verdicts_OnHeldoutPart_AreTheOnesKept()
    {
        var (_, kept, now) = Run(CorpusParts.Heldout);

        var differences = Verdicts.Compare(kept, now);

        // Counts and passage ids only: what the held-out passages say is not shown to whoever changes the engine.
        var passages = differences.Select(d => d.Passage).Distinct().ToList();
        Assert.True(differences.Count == 0,
            $"{differences.Count} held-out verdict(s) differ ({kept.Count} kept, {now.Count} now, {differences.Count(d => d.Kept is null)} new, " +
            $"{differences.Count(d => d.Now is null)} gone, {differences.Count(d => d.Kept is not null && d.Now is not null)} changed) in {passages.Count} passage(s): {string.Join(", ", passages)}");
    }

    [Fact]
    public void Compare_ChangedMissingAndNewVerdicts_NamesEachInTextOrder()
    {
        IReadOnlyList<Verdict> kept =
        [
            new("p1", 10, 4, "date", "supported", null),
            new("p1", 30, 9, "figure", "contradicted", null),
            new("p2", 5, 4, "date", "unsupported", null),
        ];
        IReadOnlyList<Verdict> now =
        [
            new("p1", 10, 4, "date", "supported", null),
            new("p1", 30, 9, "figure", "imprecise", null),
            new("p2", 0, 3, "figure", "unsupported", null),
        ];

        var differences = Verdicts.Compare(kept, now);

        Assert.Equal(
            ["p1 30+9 figure: contradicted became imprecise", "p2 0+3 figure: new verdict unsupported", "p2 5+4 date: verdict unsupported no longer given"],
            differences.Select(d => d.Describe()));
    }

    [Fact]
    public void Tsv_RoundTrip_KeepsEveryField()
    {
        IReadOnlyList<Verdict> verdicts = [new("p1", 10, 4, "date", "supported", 0.9), new("p2", 0, 3, "figure", "unsupported", 0.25)];

        var parsed = Verdicts.ParseTsv(Verdicts.ToTsv(verdicts), "test");

        Assert.Equal(verdicts, parsed);
    }

    [Fact]
    public void ParseTsv_NoHeader_SaysWhatTheFirstLineMustBe()
    {
        var error = Assert.Throws<FormatException>(() => Verdicts.ParseTsv("p1\t1\t2\tdate\tsupported\n", "x.tsv"));

        Assert.Contains("header", error.Message);
    }
}
