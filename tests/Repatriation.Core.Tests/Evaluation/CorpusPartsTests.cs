using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using static Repatriation.Core.Tests.Evaluation.EvaluationFixtures;

namespace Repatriation.Core.Tests.Evaluation;

/// <summary>
/// The part loader and the floors ratchet on the fixture layout under Evaluation/Fixtures (our own labels), so both
/// are tested before the published parts land.
/// </summary>
public sealed class CorpusPartsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("eval-parts-");

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>A copy of the fixture layout the test may break.</summary>
    private string CopyOfFixtures()
    {
        var source = FixtureRoot();
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root.FullName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return _root.FullName;
    }

    private static string PartFile(string root, string part, string id) => Path.Combine(root, CorpusParts.RelativeDirectory(part), id + ".json");

    [Fact]
    public void LoadParts_Fixtures_ReadsEveryPartWithThePublishedFields()
    {
        var parts = EvaluationCorpus.LoadParts(FixtureRoot(), CorpusParts.All);

        Assert.Equal(CorpusParts.All, parts.Select(p => p.Name));
        Assert.Equal([1, 2, 1], parts.Select(p => p.Passages.Count));
        var tuning = parts[1].Passages;
        var copy = tuning.Single(p => p.Id == "fx-press-01-p1");
        Assert.Equal(("fx-press-01", "press", "https://example.org/fixtures/fx-press-01", true, "2026"),
            (copy.PerturbedFrom, copy.Genre, copy.Source!.Url, copy.Source.Verbatim, copy.Source.Year));
        Assert.Equal(["June 2", "12"], copy.NonClaims!.Select(n => n.Text));
        Assert.Null(parts[0].Passages[0].Source);
        Assert.Equal("encyclopedic", parts[0].Passages[0].GenreOrStyle);
    }

    [Fact]
    public void LoadPart_MissingFolder_IsAnEmptyPart()
    {
        var part = EvaluationCorpus.LoadPart(_root.FullName, CorpusParts.Heldout);

        Assert.True(part.IsEmpty);
        Assert.False(part.Exists);
        Assert.EndsWith(Path.Combine("eval", "published", "heldout"), part.Directory);
    }

    [Fact]
    public void LoadPart_BrokenLabel_IsRefusedNamingFileAndLabel()
    {
        var root = CopyOfFixtures();
        var file = PartFile(root, CorpusParts.Tuning, "fx-press-01");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"text\": \"4,199,488\"", "\"text\": \"4,199,489\""));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadPart(root, CorpusParts.Tuning));

        Assert.Contains("fx-press-01.json.claims[3] \"4,199,489\": occurrence 0 of the text is not in the passage", e.Message);
    }

    [Fact]
    public void LoadPart_PublishedFileWithoutLicence_IsRefused()
    {
        var root = CopyOfFixtures();
        var file = PartFile(root, CorpusParts.Heldout, "fx-encyc-01");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"licence\": \"test fixture (no published text)\",", ""));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadPart(root, CorpusParts.Heldout));

        Assert.Contains("fx-encyc-01.json: source.licence is missing", e.Message);
    }

    [Fact]
    public void LoadPart_PerturbedCopyWithoutItsOriginal_IsRefused()
    {
        var root = CopyOfFixtures();
        File.Delete(PartFile(root, CorpusParts.Tuning, "fx-press-01"));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadPart(root, CorpusParts.Tuning));

        Assert.Contains("fx-press-01-p1.json: perturbedFrom 'fx-press-01' is not a passage of the same part", e.Message);
    }

    [Fact]
    public void LoadPart_FileNameNotTheId_IsRefused()
    {
        var root = CopyOfFixtures();
        File.Move(PartFile(root, CorpusParts.Heldout, "fx-encyc-01"), PartFile(root, CorpusParts.Heldout, "renamed"));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadPart(root, CorpusParts.Heldout));

        Assert.Contains("renamed.json: the id 'fx-encyc-01' differs from the file name", e.Message);
    }

    [Fact]
    public void LoadParts_SourceInTuningAndHeldout_IsRefused()
    {
        var root = CopyOfFixtures();
        var file = PartFile(root, CorpusParts.Heldout, "fx-encyc-01");
        File.WriteAllText(file, File.ReadAllText(file).Replace("https://example.org/fixtures/fx-encyc-01", "https://example.org/fixtures/fx-press-01"));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadParts(root, CorpusParts.All));

        Assert.Contains("the source https://example.org/fixtures/fx-press-01 feeds the held-out passage fx-encyc-01 and the tuning passage fx-press-01", e.Message);
    }

    [Fact]
    public void LoadParts_IdInTwoParts_IsRefused()
    {
        var root = CopyOfFixtures();
        File.Copy(PartFile(root, CorpusParts.Heldout, "fx-encyc-01"), PartFile(root, CorpusParts.Regression, "fx-encyc-01"));

        var e = Assert.Throws<CorpusException>(() => EvaluationCorpus.LoadParts(root, CorpusParts.All));

        Assert.Contains("passage id fx-encyc-01 is used in the parts regression and heldout", e.Message);
    }

    /// <summary>
    /// The ratchet end to end on a real engine run: floors written from a run hold on the next run, and a floor set
    /// above what is reached breaks with a message naming part, measure, value and floor.
    /// </summary>
    [Fact]
    public void Floors_WrittenFromAnEngineRun_HoldAndBreakWhenRaisedPastIt()
    {
        var snapshot = FactSetLoader.LoadShipped();
        var parts = EvaluationCorpus.LoadParts(FixtureRoot(), CorpusParts.All);
        var results = parts.Select(p => EvaluationRunner.Run(p, snapshot)).ToList();
        Assert.All(results, r => Assert.Empty(r.Errors));

        var floors = results.Where(r => CorpusParts.WithFloors.Contains(r.Part)).Aggregate(EvaluationFloors.Empty, (f, r) => f.WithReached(r));
        var reread = EvaluationFloors.Parse(floors.ToJson(), "floors.json");
        var heldout = results.Single(r => r.Part == CorpusParts.Heldout);

        Assert.All(results.SelectMany(reread.Check), c => Assert.False(c.Broken || c.TooLoose, c.Describe()));
        Assert.Empty(reread.For(CorpusParts.Tuning));
        var value = EvaluationMeasures.ClaimsExtracted.Of(heldout.Measures);
        var raised = new EvaluationFloors(new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            [CorpusParts.Heldout] = new Dictionary<string, double> { [EvaluationMeasures.ClaimsExtracted.Id] = value.Value!.Value + 0.01 },
        });
        var broken = Assert.Single(raised.Check(heldout), c => c.Broken);
        Assert.StartsWith($"held-out: claims extracted (claims-extracted) is {value}, below its floor", broken.Describe());
    }

    /// <summary>The perturbed copy in the tuning fixture carries two false claims; the engine run counts them like any label.</summary>
    [Fact]
    public void Run_TuningFixture_CountsThePerturbedCopysFalseClaims()
    {
        var tuning = EvaluationCorpus.LoadPart(FixtureRoot(), CorpusParts.Tuning);

        var result = EvaluationRunner.Run(tuning, FactSetLoader.LoadShipped());

        Assert.Equal(CorpusParts.Tuning, result.Part);
        Assert.Equal((2, 10), (result.Measures.Passages, result.Measures.Labels));
        Assert.Equal(2, result.Measures.FalseClaimsFlagged.Total);
        Assert.Equal(["fx-press-01-p1"], result.Claims.Where(c => c.Truth == ClaimTruth.False).Select(c => c.PassageId).Distinct());
        Assert.Equal(["press"], result.ByGenre.Select(g => g.Genre));
        Assert.Equal(ClaimStatuses.All, result.ByStatus.Select(s => s.Status));
    }
}
