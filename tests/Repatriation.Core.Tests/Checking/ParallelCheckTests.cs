using System.Text.Json;
using CsCheck;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Checking;

/// <summary>
/// A long text's chunks are checked on several cores at once: the claims must be exactly those of a check one chunk
/// after another, in the same order, with the same ids (the extractor and matcher keep no state between calls, so one
/// instance serves every chunk). And the report's running totals must equal what comparing every pair of claims gives.
/// </summary>
public class ParallelCheckTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();

    /// <summary>About ten chunks of varied prose (the evaluation corpus and the sample article, each several times).</summary>
    private static string LongText()
    {
        var root = Evaluation.EvaluationFixtures.RepositoryRoot();
        var passages = Repatriation.Core.Evaluation.EvaluationCorpus.LoadPart(root, Repatriation.Core.Evaluation.CorpusParts.Regression).Passages;
        var builder = new System.Text.StringBuilder();
        while (builder.Length < 10 * ClaimChecker.ChunkCharacters)
        {
            foreach (var passage in passages)
            {
                builder.Append(passage.Text).Append("\n\n");
            }
        }

        return builder.ToString();
    }

    private static string Json(ClaimResult claim) => JsonSerializer.Serialize(claim, ReportJson.Options);

    [Fact]
    public void Check_LongTextOnFourCores_EveryClaimAsInASerialCheck()
    {
        var text = LongText();

        var serial = new ClaimChecker(parallelism: 1).Check(new CheckRequest(text, "long"), Shipped);
        var parallel = new ClaimChecker(parallelism: 4).Check(new CheckRequest(text, "long"), Shipped);

        Assert.True(serial.Claims.Count > 1_000, $"{serial.Claims.Count} claims");
        Assert.Equal(serial.Claims.Count, parallel.Claims.Count);
        for (var i = 0; i < serial.Claims.Count; i++)
        {
            Assert.Equal(Json(serial.Claims[i]), Json(parallel.Claims[i]));
        }

        Assert.Equal(serial.Summary, parallel.Summary with { StaleDecisions = serial.Summary.StaleDecisions });
    }

    [Fact]
    public void Check_SameCheckerFromManyThreads_SameClaimsEachTime()
    {
        var text = LongText()[..(3 * ClaimChecker.ChunkCharacters)];
        var checker = new ClaimChecker(parallelism: 2);
        var expected = checker.Check(new CheckRequest(text, "shared"), Shipped).Claims.Select(Json).ToList();

        var results = Enumerable.Range(0, 4).AsParallel().Select(_ => checker.Check(new CheckRequest(text, "shared"), Shipped).Claims.Select(Json).ToList()).ToList();

        Assert.All(results, claims => Assert.Equal(expected, claims));
    }

    [Fact]
    public void Stream_SinkThrowsMidway_TheErrorComesBackAtOnce()
    {
        var text = LongText();
        var seen = 0;

        Assert.Throws<InvalidOperationException>(() => new ClaimChecker(parallelism: 4).Stream(new CheckRequest(text, "long"), Shipped, _ =>
        {
            if (++seen == 10)
            {
                throw new InvalidOperationException("the writer failed");
            }
        }));

        Assert.Equal(10, seen);
    }

    /// <summary>The pairwise definition the running totals replace: a claim conflicts when another of its group does not overlap it.</summary>
    [Fact]
    public void FindInconsistencies_RandomIntervals_SameAsComparingEveryPair()
    {
        var document = DocumentReader.FromPlainText("t.txt", new string('x', 10_000));
        var units = new ManuscriptChecker.Units(document.Text, false);
        var fact = Shipped.FactSet.Facts.First(f => f.Value is not null);
        var interval = Gen.Select(Gen.Int[0, 60], Gen.Int[0, 20]).Select(p => (Low: (long)p.Item1, High: (long)(p.Item1 + p.Item2)));
        interval.Array[0, 30].Sample(intervals =>
        {
            var claims = intervals.Select((v, i) => new ClaimResult
            {
                Id = $"c_{i:x16}", Kind = ClaimKinds.Figure, Status = ClaimStatuses.Contradicted, Severity = "error",
                Offset = i * 10, Length = 3, Line = 1, Column = i * 10 + 1, Text = $"{v.Low}-{v.High}", Sentence = "",
                Value = new ReportValue { Low = v.Low, High = v.High, Unit = "people" }, Message = "",
                Evidence = [new Evidence { FactId = fact.Id, Statement = "", Sources = [] }],
            }).ToList();

            var findings = ManuscriptChecker.FindInconsistencies(document, units, claims, Shipped);

            var pairwise = intervals.Where(a => intervals.Any(b => b.High < a.Low || a.High < b.Low)).ToList();
            if (pairwise.Count < 2)
            {
                Assert.Empty(findings);
                return;
            }

            var finding = Assert.Single(findings);
            Assert.Equal(pairwise.Select(v => $"{v.Low}-{v.High}"), finding.Places.Select(p => p.Text));
            var first = pairwise[0];
            var other = pairwise.First(b => b.High < first.Low || first.High < b.Low);
            Assert.Contains($"as \"{other.Low}-{other.High}\"", finding.Message.Substring(finding.Message.IndexOf(" and as ", StringComparison.Ordinal)));
        }, iter: 300, threads: 1);
    }
}
