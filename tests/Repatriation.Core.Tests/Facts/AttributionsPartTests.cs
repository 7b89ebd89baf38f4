using System.Text.Json;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>
/// Guards facts/parts/attributions.json before it is merged by id into the shipped fact set: the part must fit the
/// fact-set records and be self-contained (every id it references is defined in the part itself).
/// </summary>
public class AttributionsPartTests
{
    private const string PartPath = "facts/parts/attributions.json";
    private const int MaxQuotationWords = 25;

    private static readonly string[] Reliabilities = ["archival", "scholarly", "reference", "press", "popular", "weak"];

    private static readonly Lazy<AttributionsPart> Part = new(Load);

    /// <summary>The part has the fact set's arrays but no id/version, so it gets its own root record.</summary>
    private sealed record AttributionsPart
    {
        public IReadOnlyList<Source> Sources { get; init; } = [];
        public IReadOnlyList<Person> People { get; init; } = [];
        public IReadOnlyList<Work> Works { get; init; } = [];
        public IReadOnlyList<Quotation> Quotations { get; init; } = [];
        public IReadOnlyList<Act> Acts { get; init; } = [];
        public IReadOnlyList<Measure> Measures { get; init; } = [];
        public IReadOnlyList<Fact> Facts { get; init; } = [];
        public IReadOnlyList<OfficeHeld> Offices { get; init; } = [];
    }

    private static AttributionsPart Load()
    {
        var json = File.ReadAllText(Path.Combine(FindRepositoryRoot(), PartPath));
        return JsonSerializer.Deserialize<AttributionsPart>(json, FactSetJson.Options)
            ?? throw new JsonException($"{PartPath} is JSON null.");
    }

    // Tests run from bin/<config>/<tfm>; the part lives next to the solution, wherever the clone is.
    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Repatriation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Repatriation.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void Load_ShippedPart_FillsEverySection()
    {
        var part = Part.Value;

        Assert.NotEmpty(part.Sources);
        Assert.NotEmpty(part.People);
        Assert.NotEmpty(part.Works);
        Assert.NotEmpty(part.Quotations);
        Assert.NotEmpty(part.Acts);
        Assert.NotEmpty(part.Measures);
        Assert.NotEmpty(part.Facts);
        Assert.NotEmpty(part.Offices);
    }

    [Fact]
    public void Ids_EverySection_AreUnique()
    {
        var part = Part.Value;
        var sections = new Dictionary<string, IEnumerable<string>>
        {
            ["sources"] = part.Sources.Select(s => s.Id),
            ["people"] = part.People.Select(p => p.Id),
            ["works"] = part.Works.Select(w => w.Id),
            ["quotations"] = part.Quotations.Select(q => q.Id),
            ["acts"] = part.Acts.Select(a => a.Id),
            ["measures"] = part.Measures.Select(m => m.Id),
            ["facts"] = part.Facts.Select(f => f.Id),
        };

        var duplicates = sections
            .SelectMany(section => section.Value
                .GroupBy(id => id, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{section.Key}: {g.Key}"))
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void References_AuthorsSpeakersWorksActorsAndSources_ResolveWithinPart()
    {
        var part = Part.Value;
        var people = part.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var works = part.Works.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var sources = part.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var measures = part.Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var dangling = new List<string>();

        void Check(IEnumerable<string?> ids, HashSet<string> known, string where, string kind) =>
            dangling.AddRange(ids.Where(id => id is not null && !known.Contains(id)).Select(id => $"{where}: {kind} '{id}'"));

        foreach (var work in part.Works)
        {
            Check(work.Authors, people, $"work {work.Id}", "author");
            Check(work.Sources.Select(r => r.Source), sources, $"work {work.Id}", "source");
        }

        foreach (var quotation in part.Quotations)
        {
            Check([quotation.Speaker], people, $"quotation {quotation.Id}", "speaker");
            Check([quotation.Work], works, $"quotation {quotation.Id}", "work");
            Check(quotation.Sources.Select(r => r.Source), sources, $"quotation {quotation.Id}", "source");
        }

        foreach (var act in part.Acts)
        {
            Check(act.Actors, people, $"act {act.Id}", "actor");
            Check(act.WronglyCredited, people, $"act {act.Id}", "wronglyCredited");
            Check(act.Sources.Select(r => r.Source), sources, $"act {act.Id}", "source");
        }

        foreach (var office in part.Offices)
        {
            Check([office.Person], people, $"office {office.Id}", "person");
            Check(office.Sources.Select(r => r.Source), sources, $"office {office.Id}", "source");
        }

        foreach (var fact in part.Facts)
        {
            Check([fact.Measure], measures, $"fact {fact.Id}", "measure");
            Check([fact.EstimateBy], people, $"fact {fact.Id}", "estimateBy");
            Check(fact.Sources.Select(r => r.Source), sources, $"fact {fact.Id}", "source");
        }

        Assert.Empty(dangling);
    }

    [Fact]
    public void Sources_WorksQuotationsActsAndFacts_CiteAtLeastOne()
    {
        var part = Part.Value;
        var unsourced = part.Works.Where(w => w.Sources.Count == 0).Select(w => $"work {w.Id}")
            .Concat(part.Quotations.Where(q => q.Sources.Count == 0).Select(q => $"quotation {q.Id}"))
            .Concat(part.Acts.Where(a => a.Sources.Count == 0).Select(a => $"act {a.Id}"))
            .Concat(part.Facts.Where(f => f.Sources.Count == 0).Select(f => $"fact {f.Id}"))
            .ToList();

        Assert.Empty(unsourced);
    }

    [Fact]
    public void Quotations_Text_AtMost25Words()
    {
        // Ellipsis dots (". . .") mark cuts, not words, so only tokens with a letter or digit count.
        static int Words(string text) =>
            text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(t => t.Any(char.IsLetterOrDigit));

        var tooLong = Part.Value.Quotations
            .Where(q => Words(q.Text) > MaxQuotationWords)
            .Select(q => $"{q.Id} ({Words(q.Text)} words)")
            .ToList();

        Assert.Empty(tooLong);
    }

    [Fact]
    public void Quotations_Status_IsAKnownStatus()
    {
        var unknown = Part.Value.Quotations
            .Where(q => !QuotationStatuses.All.Contains(q.Status))
            .Select(q => $"{q.Id}: {q.Status}")
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Sources_Reliability_IsOneOfTheSixGrades()
    {
        var ungraded = Part.Value.Sources
            .Where(s => s.Reliability is null || !Reliabilities.Contains(s.Reliability))
            .Select(s => $"{s.Id}: {s.Reliability ?? "(none)"}")
            .ToList();

        Assert.Empty(ungraded);
    }

    [Fact]
    public void Measures_KindsAndFactValues_MatchTheirKind()
    {
        var part = Part.Value;
        var kinds = part.Measures.ToDictionary(m => m.Id, m => m.Kind, StringComparer.Ordinal);
        var problems = part.Measures.Where(m => !MeasureKinds.All.Contains(m.Kind)).Select(m => $"measure {m.Id}: kind {m.Kind}").ToList();

        foreach (var fact in part.Facts.Where(f => kinds.ContainsKey(f.Measure)))
        {
            if (kinds[fact.Measure] == MeasureKinds.Date)
            {
                if (fact.Date is null || !FactDates.TryParse(fact.Date, out _))
                {
                    problems.Add($"fact {fact.Id}: date measure needs a valid date");
                }
            }
            else if (fact.Value is null || fact.Value.Low > fact.Value.High)
            {
                problems.Add($"fact {fact.Id}: {kinds[fact.Measure]} measure needs a value with low <= high");
            }
        }

        problems.AddRange(part.Acts
            .Where(a => a.Date is not null && !FactDates.TryParse(a.Date, out _))
            .Select(a => $"act {a.Id}: bad date"));

        Assert.Empty(problems);
    }

    [Fact]
    public void Acts_YaltaAgreements_NameTheRealSignatoriesAndFlagTheBigThree()
    {
        var signed = Part.Value.Acts
            .Where(a => a.Verb == "signed" && a.Terms.Contains("Yalta agreement", StringComparer.OrdinalIgnoreCase))
            .ToList();

        var signatories = signed.SelectMany(a => a.Actors).ToHashSet();
        Assert.Equal(new[] { "deane-john", "eden-anthony", "gryzlov-a", "molotov-vyacheslav" }, signatories.Order(StringComparer.Ordinal));
        Assert.All(signed, a =>
        {
            Assert.Equal(new FactDate { From = "1945-02-11" }, a.Date);
            Assert.Superset(new HashSet<string> { "churchill-winston", "roosevelt-franklin", "stalin-joseph" }, a.WronglyCredited.ToHashSet());
        });
    }
}
