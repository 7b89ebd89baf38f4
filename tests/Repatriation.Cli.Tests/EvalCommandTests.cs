using Microsoft.Extensions.Configuration;
using System.Text.Json.Nodes;

namespace Repatriation.Cli.Tests;

/// <summary>
/// `eval` on a copy of the evaluation fixtures (tests/Repatriation.Core.Tests/Evaluation/Fixtures) laid out as a
/// repository, with one more held-out passage and a sentence no label covers, so a held-out mismatch exists to hide.
/// </summary>
public sealed class EvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("eval-cmd-");

    public EvalCommandTests()
    {
        var fixtures = Path.Combine(RepositoryRoot(), "tests", "Repatriation.Core.Tests", "Evaluation", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root.FullName, Path.GetRelativePath(fixtures, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(_root.FullName, "Repatriation.sln"), "");

        // A sentence no label covers, in both press passages: a claim the engine reports that is not labelled, so each
        // part has a mismatch to show or hide (the engine no longer reports the dateline's day).
        foreach (var name in new[] { "fx-press-01.json", "fx-press-01-p1.json" })
        {
            var path = Path.Combine(_root.FullName, "eval", "published", "tuning", name);
            File.WriteAllText(path, File.ReadAllText(path).Replace(
                "by 1 March 1946. (Continued", "by 1 March 1946. Some 7,000,000 Soviet citizens were repatriated in all. (Continued"));
        }

        var press = File.ReadAllText(Path.Combine(_root.FullName, "eval", "published", "tuning", "fx-press-01.json"));
        File.WriteAllText(Path.Combine(_root.FullName, "eval", "published", "heldout", "fx-heldout-press.json"), press
            .Replace("\"id\": \"fx-press-01\"", "\"id\": \"fx-heldout-press\"")
            .Replace("https://example.org/fixtures/fx-press-01", "https://example.org/fixtures/fx-heldout-press"));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static string RepositoryRoot()
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

    private string FloorsFile => Path.Combine(_root.FullName, "eval", "floors.json");

    private async Task<(int Code, string Out, string Err)> Eval(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(TextReader.Null, stdout, stderr, new ConfigurationBuilder().Build()) { WorkingDirectory = _root.FullName };
        var code = await CommandLine.RunAsync(["eval", .. args], context);

        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Eval_Verbose_PrintsPartsApartAndHidesHeldoutMismatches()
    {
        var (code, stdout, stderr) = await Eval("--verbose");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("regression:  1 passage, 4 labelled claims, 4 reported", stdout);
        Assert.Contains("tuning:      2 passages, 10 labelled claims", stdout);
        Assert.Contains("held-out:    2 passages, 9 labelled claims", stdout);
        Assert.Contains("== held-out ==", stdout);
        Assert.Contains("goals of issue 10 (held-out part; they do not fail the run):", stdout);
        Assert.Contains("fx-press-01 @222 figure \"Some 7,000,000\": reported but not labelled", stdout);
        Assert.Contains("mismatches (held-out): not shown", stdout);
        Assert.DoesNotContain("fx-heldout-press @", stdout);
        Assert.Contains("floors: no eval/floors.json", stdout);
    }

    [Fact]
    public async Task Eval_ShowHeldout_PrintsHeldoutMismatches()
    {
        var (code, stdout, _) = await Eval("--part", "heldout", "--show-heldout");

        Assert.Equal(0, code);
        Assert.Contains("fx-heldout-press @222 figure \"Some 7,000,000\": reported but not labelled", stdout);
        Assert.DoesNotContain("tuning:", stdout);
    }

    [Fact]
    public async Task Eval_WriteFloorsThenABrokenFloor_ExitsZeroThenOne()
    {
        var (written, stdout, _) = await Eval("--write-floors");
        Assert.Equal(0, written);
        Assert.Contains("heldout non-claims-reported: set - -> 0.10", stdout);   // 1 unlabelled claim of 10 reported
        var floors = JsonNode.Parse(File.ReadAllText(FloorsFile))!;
        Assert.Equal(1.0, floors["regression"]!["claims-extracted"]!.GetValue<double>());
        Assert.Equal(0.0, floors["heldout"]!["true-flagged"]!.GetValue<double>());
        Assert.DoesNotContain("-0", File.ReadAllText(FloorsFile));
        Assert.Null(floors["tuning"]);

        var (kept, keptOut, _) = await Eval();
        Assert.Equal(0, kept);
        Assert.Contains("held-out: non-claims reported (of reported) (non-claims-reported) is 0.100 (1/10), ceiling <= 0.10: kept", keptOut);

        floors["heldout"]!["non-claims-reported"] = 0.05;
        File.WriteAllText(FloorsFile, floors.ToJsonString());
        var (broken, _, stderr) = await Eval();
        Assert.Equal(1, broken);
        Assert.Contains("1 floor(s) broken: held-out: non-claims reported (of reported) (non-claims-reported) is 0.100 (1/10), above its ceiling 0.05", stderr);
    }

    [Fact]
    public async Task Eval_Json_GivesEveryFigureAndHidesHeldoutDetail()
    {
        var (code, stdout, _) = await Eval("--format", "json");

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        var parts = json["parts"]!.AsArray();
        Assert.Equal(["regression", "tuning", "heldout"], parts.Select(p => p!["name"]!.GetValue<string>()));
        var heldout = parts[2]!;
        Assert.True(heldout["detailHidden"]!.GetValue<bool>());
        Assert.Null(heldout["claims"]);
        Assert.Equal(9, heldout["measures"]!["labels"]!.GetValue<int>());
        Assert.Equal(2, parts[1]!["measures"]!["nonClaimsReported"]!["hits"]!.GetValue<int>());
        Assert.NotNull(parts[1]!["claims"]);
        Assert.Equal(6, json["goals"]!["checks"]!.AsArray().Count);
    }

    [Fact]
    public async Task Eval_MissingPartFolder_IsReportedEmpty()
    {
        Directory.Delete(Path.Combine(_root.FullName, "eval", "published", "tuning"), recursive: true);

        var (code, stdout, _) = await Eval();

        Assert.Equal(0, code);
        Assert.Contains($"tuning:      no passages ({Path.Combine("eval", "published", "tuning")} does not exist)", stdout);
    }

    [Fact]
    public async Task Eval_BrokenFile_ExitsTwoNamingFileAndLabel()
    {
        var file = Path.Combine(_root.FullName, "eval", "published", "heldout", "fx-encyc-01.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"status\": \"supported\", \"truth\": \"true\", \"note\": \"operation-keelhaul was", "\"status\": \"contradicted\", \"truth\": \"true\", \"note\": \"operation-keelhaul was"));

        var (code, stdout, stderr) = await Eval();

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("fx-encyc-01.json.claims[1] \"1973\": truth 'true' cannot have status 'contradicted'", stderr);
    }

    [Theory]
    [InlineData("--part", "bogus")]
    [InlineData("--corpus", "x", "--write-floors")]
    [InlineData("--part", "tuning", "--write-floors")]
    [InlineData("--format", "xml")]
    [InlineData("--held-out")]
    public async Task Eval_BadOptions_ExitTwo(params string[] args)
    {
        var (code, _, stderr) = await Eval(args);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("eval", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Eval_WriteVerdicts_WritesEveryPartsVerdictsThatReadBackAsTheEngineGivesThem()
    {
        var (code, stdout, _) = await Eval("--write-verdicts");

        Assert.Equal(0, code);
        foreach (var part in Repatriation.Core.Evaluation.CorpusParts.All)
        {
            var path = Path.Combine(_root.FullName, Repatriation.Core.Evaluation.Verdicts.RelativePath(part));
            Assert.Contains(Repatriation.Core.Evaluation.Verdicts.RelativePath(part), stdout);
            var kept = Repatriation.Core.Evaluation.Verdicts.ParseTsv(File.ReadAllText(path), path);
            var passages = Repatriation.Core.Evaluation.EvaluationCorpus.LoadPart(_root.FullName, part).Passages;
            Assert.NotEmpty(kept);
            Assert.Empty(Repatriation.Core.Evaluation.Verdicts.Compare(kept, Repatriation.Core.Evaluation.Verdicts.Of(passages, Repatriation.Core.Facts.FactSetLoader.LoadShipped())));
        }
    }

    [Fact]
    public async Task Eval_WriteVerdictsWithCorpus_UsageError()
    {
        var (code, _, stderr) = await Eval("--write-verdicts", "--corpus", Path.Combine(_root.FullName, "eval", "corpus"));

        Assert.Equal(2, code);
        Assert.Contains("--write-verdicts", stderr);
    }
}
