#:project ../../src/Repatriation.Semantic/Repatriation.Semantic.csproj
#:property TreatWarningsAsErrors=false
#:property PublishAot=false

// Tunes the sentence-similarity reading (SemanticSettings) on the TUNING part only, leave-one-source-out.
//
//   dotnet run eval/tools/SemanticTune.cs -- [--top N] [--loose-top-only]
//
// --loose-top-only: the second round, a small grid around the first round's choice with and without LooseTopOnly.
//
// 1. Groups the tuning passages by source: the host of source.url (a perturbed copy goes with its original).
// 2. Checks every passage once without the semantic reading and once per setting on a grid (sentence vectors are
//    cached, so the model embeds each text once).
// 3. Leave-one-source-out: for each source group, picks the setting that does best on all the other groups and scores
//    the left-out group at it. "Best" is J = false claims flagged − true covered claims flagged (the two rates the
//    reading trades against each other: it can only turn an unsupported claim into a supported or disputed one), ties
//    broken by status accuracy. The sum over groups is what the tuned reading can be expected to do on sources it
//    was not tuned on; compare it with the same groups without the reading.
//
// It never reads eval/published/heldout.
using System.Collections.Concurrent;
using System.Globalization;
using Repatriation.Core.Checking;
using Repatriation.Core.Evaluation;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Semantic;
using Repatriation.Semantic;

var top = args.Length >= 2 && args[0] == "--top" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var root = FindRoot(Directory.GetCurrentDirectory());
var passages = EvaluationCorpus.LoadPart(root, CorpusParts.Tuning).Passages;
var snapshot = FactSetLoader.LoadShipped();
var info = new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.ETag);
var groups = GroupBySource(passages);
Console.WriteLine($"tuning: {passages.Count} passages in {groups.Select(g => g.Value).Distinct().Count()} source groups");

var embedder = new CachingEmbedder(new MiniLmSentenceEmbedder());
double Off = double.PositiveInfinity;
double[] supports = [0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.70, Off];
double[] looses = [0.50, 0.55, 0.60, 0.65, 0.70, 0.80, Off];
var grid = new List<SemanticSettings>();
if (args.Contains("--loose-top-only"))
{
    // Second round: the best settings of the first, with and without LooseTopOnly.
    foreach (var l in new[] { 0.50, 0.55, 0.60 })
    foreach (var margin in new[] { 0.10, 0.20 })
    foreach (var topOnly in new[] { false, true })
    {
        grid.Add(new SemanticSettings { SupportSimilarity = 0.40, LooseSupportSimilarity = l, RivalMargin = margin, LooseTopOnly = topOnly });
    }

    supports = [];
}

foreach (var s in supports)
foreach (var l in looses.Where(l => l >= s))
foreach (var margin in new[] { 0.05, 0.10, 0.20 })
foreach (var demoted in new[] { true, false })
foreach (var strict in new[] { false, true })
{
    if (double.IsInfinity(s) && double.IsInfinity(l) && (margin != 0.10 || !demoted || strict))
    {
        continue; // every reading off: one such setting is enough
    }

    grid.Add(new SemanticSettings { SupportSimilarity = s, LooseSupportSimilarity = l, RivalMargin = margin, ReconsiderDemoted = demoted, StrictScope = strict });
}

foreach (var window in supports.Length == 0 ? [] : new[] { 6, 12 })
{
    grid.Add(new SemanticSettings { QueryWindowWords = window });
}

// Per setting (index 0: no semantic reading), per source group: the measures of that group's passages.
var groupNames = groups.Values.Distinct().OrderBy(g => g, StringComparer.Ordinal).ToList();
var table = new List<Dictionary<string, Measures>>();
var labels = new List<string> { "off" };
table.Add(Run(new ClaimChecker(1)));
var watch = System.Diagnostics.Stopwatch.StartNew();
foreach (var settings in grid)
{
    labels.Add(Label(settings));
    table.Add(Run(new ClaimChecker(1, new SemanticReader(embedder, settings))));
    if (table.Count % 40 == 0)
    {
        Console.WriteLine($"  {table.Count - 1}/{grid.Count} settings, {watch.Elapsed.TotalSeconds:N0} s, {embedder.Count} texts embedded");
    }
}

// In-sample: every setting on the whole tuning part.
var whole = table.Select(t => Sum(t.Values)).ToList();
Console.WriteLine();
Console.WriteLine($"in-sample (whole tuning part), best {top} of {grid.Count} by J, then the shipped default:");
Console.WriteLine(Header());
Console.WriteLine(Row("off", whole[0]));
foreach (var i in Enumerable.Range(1, grid.Count).OrderByDescending(i => J(whole[i])).ThenByDescending(i => whole[i].StatusAccuracy.Value ?? 0).Take(top))
{
    Console.WriteLine(Row(labels[i], whole[i]));
}

var shippedLabel = Label(new SemanticSettings());
var shipped = labels.IndexOf(shippedLabel);
if (shipped > 0)
{
    Console.WriteLine(Row("default " + shippedLabel, whole[shipped]));
}

// Leave-one-source-out.
var picks = new Dictionary<string, int>();
var loso = new List<Measures>();
var offSame = new List<Measures>();
foreach (var left in groupNames)
{
    var best = Enumerable.Range(0, table.Count)
        .Select(i => (Index: i, Measures: Sum(table[i].Where(kv => kv.Key != left).Select(kv => kv.Value))))
        .OrderByDescending(x => J(x.Measures)).ThenByDescending(x => x.Measures.StatusAccuracy.Value ?? 0).ThenBy(x => x.Index)
        .First().Index;
    picks[labels[best]] = picks.GetValueOrDefault(labels[best]) + 1;
    loso.Add(table[best][left]);
    offSame.Add(table[0][left]);
}

Console.WriteLine();
Console.WriteLine($"leave-one-source-out over {groupNames.Count} source groups (the setting chosen on the others, scored on the one left out):");
Console.WriteLine(Header());
Console.WriteLine(Row("off", Sum(offSame)));
Console.WriteLine(Row("semantic, tuned per fold", Sum(loso)));
Console.WriteLine("settings chosen (folds):");
foreach (var (label, count) in picks.OrderByDescending(p => p.Value))
{
    Console.WriteLine($"  {count,3}  {label}");
}

return 0;

Dictionary<string, Measures> Run(ClaimChecker checker)
{
    var runs = passages.Select(p => new PassageRun(p, checker.Check(new CheckRequest(p.Text, p.Id), snapshot))).ToList();
    return runs.GroupBy(r => groups[r.Passage.Id]).ToDictionary(g => g.Key, g => EvaluationScorer.Score([.. g], info, CorpusParts.Tuning).Measures);
}

static double J(Measures m) => (m.FalseClaimsFlagged.Value ?? 0) - (m.TrueClaimsFlagged.Value ?? 0);

static Measures Sum(IEnumerable<Measures> parts)
{
    var list = parts.ToList();
    Ratio Add(Func<Measures, Ratio> of) => new(list.Sum(m => of(m).Hits), list.Sum(m => of(m).Total));
    return new Measures
    {
        Passages = list.Sum(m => m.Passages),
        Labels = list.Sum(m => m.Labels),
        Reported = list.Sum(m => m.Reported),
        ClaimsExtracted = Add(m => m.ClaimsExtracted),
        ClaimsExtractedExact = Add(m => m.ClaimsExtractedExact),
        AttributionsExtracted = Add(m => m.AttributionsExtracted),
        ExtractionPrecision = Add(m => m.ExtractionPrecision),
        StatusAccuracy = Add(m => m.StatusAccuracy),
        FalseClaimsFlagged = Add(m => m.FalseClaimsFlagged),
        FalseClaimsStrong = Add(m => m.FalseClaimsStrong),
        TrueClaimsFlagged = Add(m => m.TrueClaimsFlagged),
        StrongVerdictsRight = Add(m => m.StrongVerdictsRight),
        NonClaimsReported = Add(m => m.NonClaimsReported),
    };
}

static string Header() => $"{"setting",-44} {"extract",13} {"f.flag",10} {"f.strong",10} {"t.flag",11} {"s.right",9} {"nonclaim",12} {"status",12}    J";

static string Row(string label, Measures m) =>
    $"{label,-44} {R(m.ClaimsExtracted),13} {R(m.FalseClaimsFlagged),10} {R(m.FalseClaimsStrong),10} {R(m.TrueClaimsFlagged),11} {R(m.StrongVerdictsRight),9} {R(m.NonClaimsReported),12} {R(m.StatusAccuracy),12} {J(m).ToString("0.000", CultureInfo.InvariantCulture)}";

static string R(Ratio r) => $"{r.Hits}/{r.Total}";

static string Label(SemanticSettings s) =>
    $"s={F(s.SupportSimilarity)} l={F(s.LooseSupportSimilarity)} m={F(s.RivalMargin)}{(s.ReconsiderDemoted ? " +demoted" : "")}{(s.StrictScope ? " strict" : "")}{(s.QueryWindowWords > 0 ? $" w={s.QueryWindowWords}" : "")}{(s.LooseTopOnly ? " top-only" : "")}";

static string F(double d) => double.IsInfinity(d) ? "off" : d.ToString("0.00", CultureInfo.InvariantCulture);

static Dictionary<string, string> GroupBySource(IReadOnlyList<CorpusPassage> passages)
{
    var byId = passages.ToDictionary(p => p.Id);
    string Host(CorpusPassage p)
    {
        if (p.PerturbedFrom is { } original && byId.TryGetValue(original, out var o))
        {
            return Host(o);
        }

        var url = p.Source?.Url;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var host = uri.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }

        return p.Source?.Site ?? p.Id;
    }

    return passages.ToDictionary(p => p.Id, Host);
}

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Repatriation.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run inside the repository");
}

/// <summary>The model's vectors, each text embedded once however many settings ask for it.</summary>
sealed class CachingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    public int Count => _cache.Count;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var missing = texts.Where(t => !_cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var vectors = inner.Embed(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                _cache[missing[i]] = vectors[i];
            }
        }

        return [.. texts.Select(t => _cache[t])];
    }
}
