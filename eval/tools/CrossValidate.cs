#:project ../../src/Repatriation.Core/Repatriation.Core.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Cross-validation of the engine over a corpus part, grouped by source (issue 10's generalisation check).
//
//   dotnet run eval/tools/CrossValidate.cs -- [--corpus DIR] [--cost K] [--readings] [--verbose]
//
// 1. Groups the passages by source: the "source group" SOURCES.md names for each passage, else the host of its
//    source.url (a perturbed copy goes with its original).
// 2. Runs the engine once per strong threshold on a grid and records, for every reported claim, the reading (rule,
//    what it rested on, what it read the claim as) that reached its verdict.
// 3. Leave-one-source-out: for each source group, picks the threshold that does best on all the other groups (a
//    wrong strong verdict costs K right ones; K = 19 means a strong verdict pays only when it is right 95% of the
//    time) and scores the left-out group at that threshold. The sum over groups is an honest estimate of what the
//    rules do on sources they were not tuned on, to set beside the in-sample figures.
// 4. Per reading: how many strong verdicts it gave, right and wrong, from how many source groups; readings whose
//    strong verdicts come from one or two sources only, or whose record is thin, are the overfit ones.
//
// It never reads eval/published/heldout: that part is measured by `eval --part heldout`, totals only.
using System.Globalization;
using System.Text.RegularExpressions;
using Repatriation.Core.Checking;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;
using Repatriation.Core.Rules;

var root = FindRoot(Directory.GetCurrentDirectory());
string? corpus = null;
var cost = 19.0;
var showReadings = false;
var verbose = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--corpus": corpus = args[++i]; break;
        case "--cost": cost = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--readings": showReadings = true; break;
        case "--verbose": verbose = true; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var directory = Path.GetFullPath(corpus ?? Path.Combine(root, "eval/published/tuning"));
if (directory.Replace('\\', '/').Contains("/heldout", StringComparison.Ordinal))
{
    Console.Error.WriteLine("The held-out part is measured by `eval --part heldout`, never cross-validated or read.");
    return 2;
}

var passages = EvaluationCorpus.LoadDirectory(directory, published: directory.Replace('\\', '/').Contains("/published/", StringComparison.Ordinal));
var groups = SourceGroups(root, passages);
var snapshot = FactSetLoader.LoadShipped();
var shipped = EngineRules.Default;
var shippedThreshold = shipped.Numbers.StrongThreshold;
double[] grid = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01];
if (!grid.Contains(shippedThreshold))
{
    grid = [.. grid.Append(shippedThreshold).Order()];
}

var extractor = new ClaimExtractor();
var matcher = new ClaimMatcher();
var runs = new Dictionary<double, Run>();
foreach (var threshold in grid)
{
    var compiled = new CompiledFactSet(snapshot.Index, shipped.WithNumber("strongThreshold", threshold));
    var passageRuns = new List<PassageRun>();
    var readings = new Dictionary<(string, int, int, string), (MatchReading Reading, double Confidence)>();
    foreach (var passage in passages)
    {
        var extracted = extractor.Extract(passage.Text, compiled);
        var outcomes = matcher.MatchAll(extracted, passage.Text, compiled);
        var results = new List<ClaimResult>();
        for (var i = 0; i < extracted.Count; i++)
        {
            if (!outcomes[i].IsClaim)
            {
                continue;
            }

            var claim = extracted[i];
            var kind = ClaimChecker.KindName(claim.Kind);
            results.Add(new ClaimResult
            {
                Id = $"c{i}", Kind = kind, Status = outcomes[i].Status, Severity = ClaimStatuses.SeverityOf(outcomes[i].Status),
                Offset = claim.Offset, Length = claim.Length, Line = 1, Column = 1, Text = claim.Text, Sentence = "",
                Message = outcomes[i].Message, Evidence = outcomes[i].Evidence, Confidence = outcomes[i].Confidence,
            });
            readings[(passage.Id, claim.Offset, claim.Length, kind)] = (outcomes[i].Reading, outcomes[i].Confidence);
        }

        var report = new CheckReport
        {
            Service = new ServiceInfo("crossval", "0"), FactSet = new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, null),
            Document = new DocumentInfo(passage.Id, passage.Text.Length, StringIndexTypes.Utf16CodeUnit), Summary = new ReportSummary(), Claims = results,
        };
        passageRuns.Add(new PassageRun(passage, report));
    }

    var scored = EvaluationScorer.Score(passageRuns, new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, null), "crossval");
    runs[threshold] = new Run(scored, readings);
}

var groupNames = groups.Values.Distinct().Order(StringComparer.Ordinal).ToList();
Console.WriteLine($"{passages.Count} passages from {directory}, {groupNames.Count} source groups; shipped strong threshold {Fmt(shippedThreshold)}; a wrong strong verdict costs {Fmt(cost)} right ones.");
Console.WriteLine();

// In-sample figures at every threshold.
Console.WriteLine("threshold  strong right  false strong  true flagged  utility");
foreach (var threshold in grid)
{
    var m = runs[threshold].Result.Measures;
    Console.WriteLine($"{Fmt(threshold),9}  {m.StrongVerdictsRight,12}  {m.FalseClaimsStrong,12}  {m.TrueClaimsFlagged,12}  {Utility(m.StrongVerdictsRight, cost),7:0.0}");
}

// Leave one source group out.
var looClaims = new List<ClaimOutcome>();
var looReported = new List<ReportedClaim>();
var chosenThresholds = new List<double>();
foreach (var group in groupNames)
{
    var inGroup = passages.Where(p => groups[p.Id] == group).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    var best = grid.Select(t =>
        {
            var strong = runs[t].Result.Reported.Where(r => r.IsStrong && !inGroup.Contains(r.PassageId)).ToList();
            return (Threshold: t, Utility: strong.Count(r => r.StrongAndRight) - cost * strong.Count(r => !r.StrongAndRight));
        })
        .ToList();
    var top = best.Max(b => b.Utility);
    // Among thresholds that do equally well, the middle of the plateau (not its edge) is the choice least fitted to it.
    var plateau = best.Where(b => b.Utility >= top - 1e-9).Select(b => b.Threshold).ToList();
    var chosen = plateau[plateau.Count / 2];
    chosenThresholds.Add(chosen);
    var run = runs[chosen].Result;
    looClaims.AddRange(run.Claims.Where(c => inGroup.Contains(c.PassageId)));
    looReported.AddRange(run.Reported.Where(r => inGroup.Contains(r.PassageId)));
    if (verbose)
    {
        var strongHere = run.Reported.Where(r => r.IsStrong && inGroup.Contains(r.PassageId)).ToList();
        Console.WriteLine($"  left out {group}: threshold {Fmt(chosen)}, strong {strongHere.Count(r => r.StrongAndRight)}/{strongHere.Count} right");
    }
}

var loo = Measures.Of(passages.Count, looClaims, looReported);
var inSample = runs[shippedThreshold].Result.Measures;
Console.WriteLine();
Console.WriteLine($"leave-one-source-out thresholds chosen: {string.Join(", ", chosenThresholds.GroupBy(t => t).OrderBy(g => g.Key).Select(g => $"{Fmt(g.Key)}×{g.Count()}"))}");
Console.WriteLine("measure                      in-sample (shipped)   cross-validated");
Row("strong verdicts right", inSample.StrongVerdictsRight, loo.StrongVerdictsRight);
Row("false claims called strong", inSample.FalseClaimsStrong, loo.FalseClaimsStrong);
Row("false claims flagged", inSample.FalseClaimsFlagged, loo.FalseClaimsFlagged);
Row("true covered flagged", inSample.TrueClaimsFlagged, loo.TrueClaimsFlagged);
Row("non-claims reported", inSample.NonClaimsReported, loo.NonClaimsReported);
Row("claims extracted", inSample.ClaimsExtracted, loo.ClaimsExtracted);
Row("attributions extracted", inSample.AttributionsExtracted, loo.AttributionsExtracted);

// Readings behind strong verdicts: with the threshold at 0 every strong reading shows, with its confidence.
var raw = runs[0];
var rows = raw.Result.Reported.Where(r => r.IsStrong).Select(r =>
{
    var (reading, confidence) = raw.Readings.TryGetValue((r.PassageId, r.Offset, r.Length, r.Kind), out var x) ? x : (default, 0);
    return (Claim: r, Reading: reading, Confidence: confidence, Group: groups[r.PassageId]);
}).ToList();
Console.WriteLine();
Console.WriteLine($"strong readings (threshold 0): {rows.Count}; at or above the shipped threshold: {rows.Count(r => r.Confidence >= shippedThreshold)}");
Console.WriteLine("rule                          right wrong  groups(right)  kept right/wrong at shipped");
foreach (var rule in rows.GroupBy(r => r.Reading.Rule).OrderByDescending(g => g.Count()))
{
    var right = rule.Count(r => r.Claim.StrongAndRight);
    var kept = rule.Where(r => r.Confidence >= shippedThreshold).ToList();
    var rightGroups = rule.Where(r => r.Claim.StrongAndRight).Select(r => r.Group).Distinct().Count();
    Console.WriteLine($"{rule.Key,-28} {right,6} {rule.Count() - right,5}  {rightGroups,13}  {kept.Count(r => r.Claim.StrongAndRight)}/{kept.Count(r => !r.Claim.StrongAndRight)}");
}

// Reading classes (rule + what the reading rested on) behind the strong verdicts kept at the shipped threshold: a class
// whose right verdicts come from one or two source groups, or whose record is thin, is fitted to those sources.
Console.WriteLine();
Console.WriteLine("strong verdicts kept at the shipped threshold, by reading class (right/wrong, source groups behind the right ones)");
foreach (var cls in rows.Where(r => r.Confidence >= shippedThreshold).GroupBy(r => ClassOf(r.Reading)).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    var right = cls.Count(r => r.Claim.StrongAndRight);
    var rightGroups = cls.Where(r => r.Claim.StrongAndRight).Select(r => r.Group).Distinct().Count();
    var flag = rightGroups <= 2 || cls.Count() - right > 0 ? "  <- thin or mixed" : "";
    Console.WriteLine($"  {cls.Key,-60} {right,3}/{cls.Count() - right,-3} groups {rightGroups}{flag}");
}

// Leave one source group out again, now asking of every strong verdict in the left-out group that its reading class
// has a record on the other groups: right verdicts from at least two of them and no wrong one. The share of strong
// verdicts that survive and are right estimates what a reading proven across sources would do on new ones.
var survived = 0;
var survivedRight = 0;
foreach (var group in groupNames)
{
    var others = rows.Where(r => r.Group != group && r.Confidence >= shippedThreshold).GroupBy(r => ClassOf(r.Reading))
        .ToDictionary(g => g.Key, g => (RightGroups: g.Where(r => r.Claim.StrongAndRight).Select(r => r.Group).Distinct().Count(), Wrong: g.Count(r => !r.Claim.StrongAndRight)));
    foreach (var r in rows.Where(r => r.Group == group && r.Confidence >= shippedThreshold))
    {
        if (others.TryGetValue(ClassOf(r.Reading), out var record) && record.RightGroups >= 2 && record.Wrong == 0)
        {
            survived++;
            survivedRight += r.Claim.StrongAndRight ? 1 : 0;
        }
    }
}

var falseLabels = inSample.FalseClaimsStrong.Total;
Console.WriteLine($"strong verdicts whose reading class holds on other sources (leave-one-source-out): {survivedRight}/{survived} right; false claims called strong {survivedRight}/{falseLabels}");

if (showReadings)
{
    Console.WriteLine();
    foreach (var r in rows.OrderBy(r => r.Reading.Rule).ThenByDescending(r => r.Confidence))
    {
        var mark = r.Claim.StrongAndRight ? "RIGHT" : "WRONG";
        var kept = r.Confidence >= shippedThreshold ? "kept" : "demoted";
        Console.WriteLine($"{mark} {kept,-7} {Fmt(r.Confidence)} {r.Reading} | {r.Group} | {r.Claim.PassageId} \"{Short(r.Claim.Text)}\" {r.Claim.Status} ({r.Claim.Category}{(r.Claim.LabelTruth is null ? "" : ", label " + r.Claim.LabelTruth)})");
    }
}

return 0;

// The traits that say how a reading named and scoped the claim (not the ones that only weaken it by degree).
static string ClassOf(MatchReading reading)
{
    const ReadingTraits kept = ReadingTraits.Context | ReadingTraits.ActionOnly | ReadingTraits.ScopeBroader | ReadingTraits.ScopeNarrower
        | ReadingTraits.PlaceCarried | ReadingTraits.Loose | ReadingTraits.Gapped | ReadingTraits.Keyword | ReadingTraits.KnownWrong
        | ReadingTraits.PersonFromContext | ReadingTraits.Period | ReadingTraits.Apart | ReadingTraits.OwnTerm | ReadingTraits.Vague;
    var traits = reading.Traits & kept;
    return traits == ReadingTraits.None ? reading.Rule.ToString() : $"{reading.Rule}[{traits.ToString().Replace(", ", "+", StringComparison.Ordinal)}]";
}

static double Utility(Ratio strong, double cost) => strong.Hits - cost * (strong.Total - strong.Hits);

static void Row(string name, Ratio a, Ratio b) => Console.WriteLine($"{name,-28} {a,-21} {b}");

static string Fmt(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

static string Short(string s) => (s.Length > 50 ? s[..50] + "…" : s).Replace('\n', ' ');

static string FindRoot(string from)
{
    for (var d = new DirectoryInfo(from); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "Repatriation.sln")))
        {
            return d.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

// The source group of each passage: SOURCES.md's "source group: …" where it names one, else the host of the passage's
// source.url; a perturbed copy always goes with its original.
static Dictionary<string, string> SourceGroups(string root, IReadOnlyList<CorpusPassage> passages)
{
    var named = new Dictionary<string, string>(StringComparer.Ordinal);
    var sources = Path.Combine(root, "eval/published/SOURCES.md");
    if (File.Exists(sources))
    {
        foreach (var line in File.ReadLines(sources))
        {
            var m = Regex.Match(line, @"^- `([^`]+)` \|.*\bsource group: ([^|]+?)\s*(\||$)");
            if (m.Success)
            {
                named[m.Groups[1].Value] = m.Groups[2].Value.Trim();
            }
        }
    }

    var byId = passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
    string GroupOf(CorpusPassage p)
    {
        if (p.PerturbedFrom is { } original && byId.TryGetValue(original, out var o))
        {
            return GroupOf(o);
        }

        if (named.TryGetValue(p.Id, out var group))
        {
            return group;
        }

        var host = Uri.TryCreate(p.Source?.Url, UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant().TrimEnd('.') : p.Id;
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    return passages.ToDictionary(p => p.Id, GroupOf, StringComparer.Ordinal);
}

internal sealed record Run(EvaluationResult Result, Dictionary<(string, int, int, string), (MatchReading Reading, double Confidence)> Readings);
