using System.Globalization;
using System.Text.RegularExpressions;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>The curated fact set that ships in the repository (facts/repatriation.json).</summary>
public class ShippedFactSetTests
{
    private static readonly FactSet Shipped = FactSetJson.Parse(ShippedFactSet.ReadJson());

    private static IReadOnlyList<Fact> FactsOf(string measureId) => Shipped.Facts.Where(f => f.Measure == measureId).ToList();

    [Fact]
    public void Validate_ShippedFactSet_ReportsNoProblems()
    {
        var problems = FactSetValidator.Validate(ShippedFactSet.ReadJson());

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Validate_ShippedFactSetAsModel_ReportsNoProblems()
    {
        // Hosts that build or edit a FactSet in memory validate the model, which goes through the same schema.
        var problems = FactSetValidator.Validate(Shipped);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ShippedFactSet_EveryFact_CitesAKnownSource()
    {
        var sourceIds = Shipped.Sources.Select(s => s.Id).ToHashSet();

        Assert.NotEmpty(Shipped.Facts);
        Assert.All(Shipped.Facts, f =>
        {
            Assert.NotEmpty(f.Sources);
            Assert.All(f.Sources, r => Assert.Contains(r.Source, sourceIds));
        });
    }

    [Fact]
    public void ShippedFactSet_EverySource_HasAuthorTitleAndWhereItWasSeen() =>
        Assert.All(Shipped.Sources, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Author), s.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Title), s.Id);
            Assert.NotEmpty(s.SeenAt);
        });

    [Fact]
    public void ShippedFactSet_IdAndVersion_AreTheReleaseNames()
    {
        Assert.Equal("repatriation-1944-1947", Shipped.Id);
        Assert.Matches(new Regex(@"^\d{4}\.\d{2}\.\d{2}$"), Shipped.Version);
    }

    [Fact]
    public void ShippedFactSet_PeopleIds_StartWithANameTheyGoBy()
    {
        // surname-firstname for people; peers, institutions and unnamed witnesses start with the name texts use.
        Assert.All(Shipped.People, p =>
        {
            var names = p.Aliases.Prepend(p.Name).SelectMany(n => FactIndex.NormaliseName(n).Split(' '));
            Assert.Contains(p.Id.Split('-')[0], names);
        });
    }

    [Fact]
    public void ShippedFactSet_PeopleWhoGiveEstimates_CanBeNamedBySurnameAlone()
    {
        // "According to Zemskov, ..." must find the person by the surname alone.
        var estimators = Shipped.Facts.Select(f => f.EstimateBy).OfType<string>().ToHashSet();

        Assert.All(Shipped.People.Where(p => estimators.Contains(p.Id)), p =>
        {
            var surname = FactIndex.NormaliseName(p.Name.Split(' ')[^1]);
            Assert.StartsWith(surname.Replace(' ', '-') + "-", p.Id);
            Assert.Contains(p.Aliases, a => FactIndex.NormaliseName(a) == surname);
        });
    }

    [Fact]
    public void ShippedFactSet_WeakFacts_SayWhy() =>
        Assert.All(Shipped.Facts.Where(f => f.Weak), f => Assert.False(string.IsNullOrWhiteSpace(f.Note), f.Id));

    [Theory]
    [InlineData("soviet-pows-handed-to-nkvd", 226127, "handed-to-nkvd")]
    [InlineData("soviet-pows-convicted", 233400, "sentenced")]
    [InlineData("soviet-pows-sentenced-10-to-20-years", 360000, "sentenced")]
    [InlineData("soviet-pows-sentenced-death-or-25-years", 339000, "sentenced")]
    public void ShippedFactSet_PunishedPows_OneMeasurePerQuantity(string measureId, int value, string action)
    {
        // Handed to the NKVD, convicted, given 10-20 years, given death or 25 years: four quantities, four measures.
        var measure = Shipped.Measures.Single(m => m.Id == measureId);
        var fact = Assert.Single(FactsOf(measureId));

        Assert.Equal(value, fact.Value!.Low);
        Assert.Equal(action, measure.Action);
        Assert.Equal("soviet-pows", measure.Population);
        Assert.DoesNotContain(Shipped.Measures, m => m.Id == "soviet-pows-punished");
    }

    [Fact]
    public void ShippedFactSet_CossackHandovers_AreOneMeasureWithEveryEstimate()
    {
        var values = FactsOf("cossacks-handed-over").Select(f => f.Value!.Low).ToHashSet();

        Assert.Superset(new HashSet<decimal> { 17702m, 22000m, 30000m, 35000m, 41000m, 45000m }, values);
        Assert.DoesNotContain(Shipped.Measures, m => m.Id is "cossacks-handed-over-lienz" or "cossacks-handed-over-46th-division");
    }

    [Fact]
    public void ShippedFactSet_FortDixHandover_IsDatedAfterTheRiotNotToIt()
    {
        var act = Shipped.Acts.Single(a => a.Id == "fort-dix-handover");
        var riot = Assert.Single(FactsOf("fort-dix-riot")).Date!;

        Assert.True(FactDates.TryParse(act.Date!, out var handover));
        Assert.True(FactDates.TryParse(riot, out var rioted));
        Assert.True(handover.From > rioted.To, $"handover {act.Date!.From} is not after the riot {riot.From}");
    }

    [Theory]
    [InlineData("macmillan-harold", "Minister Resident")]
    [InlineData("keightley-charles", "commander of V Corps")]
    [InlineData("low-toby", "chief of staff of V Corps")]
    [InlineData("deane-john", "signed for the United States")]
    [InlineData("golikov-filipp", "Plenipotentiary for Repatriation")]
    [InlineData("macmillan-harold", "political representative in the Mediterranean")]
    [InlineData("low-toby", "General Staff Brigadier")]
    [InlineData("deane-john", "US Military Mission")]
    public void ShippedFactSet_Offices_NameWhoHeldWhatAtTheTime(string person, string term)
    {
        var index = new FactIndex(Shipped);

        Assert.Contains(index.OfficesByPerson[person], o => o.Terms.Contains(term) && o.Sources.Count > 0);
    }

    [Fact]
    public void ShippedFactSet_YaltaConference_IsNamedApartFromTheAgreementsSignedOnItsLastDay()
    {
        // "Yalta Conference" dated only the signing (11 February), so the conference's first day read as a wrong date.
        var conference = Shipped.Measures.Single(m => m.Id == "yalta-conference");
        var agreements = Shipped.Measures.Single(m => m.Id == "yalta-repatriation-agreements-signed");

        Assert.Contains("Yalta Conference", conference.Terms);
        Assert.DoesNotContain("Yalta Conference", agreements.Terms);
        Assert.Equal(Assert.Single(FactsOf(agreements.Id)).Date!.From, Assert.Single(FactsOf(conference.Id)).Date!.To);
    }

    [Fact]
    public void ShippedFactSet_DachauDeaths_PartsAddUpToTheTotal()
    {
        // Nine hanged, one stabbed to death, one died later: parts of their own, so "nine" is not read against eleven.
        var parts = new[] { "dachau-hanged-themselves", "dachau-stabbed-themselves-to-death", "dachau-died-later-of-wounds" }
            .Sum(id => Assert.Single(FactsOf(id)).Value!.Low);

        Assert.Equal(FactsOf("dachau-deaths").Single(f => f.EstimateBy == "buhrman-parker").Value!.Low, parts);
    }

    [Theory]
    [InlineData("eden-anthony", "Foreign Secretary", "1945-05-21")]
    [InlineData("deane-john", "US Military Mission", "1945-02")]
    public void ShippedFactSet_Office_CoversTheTimeTextsNameItFor(string person, string term, string when)
    {
        var office = new FactIndex(Shipped).OfficesByPerson[person].Single(o => o.Terms.Contains(term));
        var span = office.From is not null ? new FactDate { From = office.From, To = office.To } : office.HeldOn!;

        Assert.True(FactDates.TryParse(span, out var held));
        Assert.True(FactDates.TryParse(new FactDate { From = when }, out var at));
        Assert.True(held.From <= at.From && at.To <= held.To, $"{person} as {term}: {span.From}..{span.To} does not cover {when}");
    }

    [Fact]
    public void ShippedFactSet_GenericVerbs_LiveInActions()
    {
        // "repatriated", "returned" and "handed over" named 28 measures each; now one action holds them.
        var repatriated = Shipped.Actions.Single(a => a.Id == "repatriated");

        Assert.Superset(new HashSet<string> { "repatriated", "returned", "handed over", "sent back", "forcibly returned" }, repatriated.Terms.ToHashSet());
        Assert.DoesNotContain(Shipped.Measures, m => m.Terms.Any(t => repatriated.Terms.Contains(t, StringComparer.OrdinalIgnoreCase)));
    }

    [Fact]
    public void ShippedFactSet_FortDixPrisoners_KeepsThreeCountsFromThreeSources()
    {
        var facts = FactsOf("fort-dix-prisoners");

        Assert.Equal([145m, 153m, 154m], facts.Select(f => f.Value!.Low).Order());
        Assert.Equal(3, facts.Select(f => f.EstimateByName).Distinct().Count());
    }

    [Fact]
    public void ShippedFactSet_YearlyRepatriation_IsPeriodicWithOneFactPerYear()
    {
        var measure = Shipped.Measures.Single(m => m.Id == "soviet-citizens-repatriated-per-year");
        var byYear = FactsOf(measure.Id).ToDictionary(f => f.Period!.From, f => f.Value!.Low);

        Assert.True(measure.Periodic);
        Assert.Equal(162403m, byYear["1944"]);
        Assert.Equal(3888721m, byYear["1945"]);
        Assert.Equal(195273m, byYear["1946"]);
        Assert.Equal(30346m, byYear["1947"]);
        Assert.Equal(14272m, byYear["1948"]);
    }

    [Theory]
    [InlineData("yalta-repatriation-agreements-signed", "1945-02-11", null)]
    [InlineData("order-270-issued", "1941-08-16", null)]
    [InlineData("collaborators-amnesty-1955", "1955-09-17", null)]
    [InlineData("general-amnesty-1953", "1953-03-27", null)]
    [InlineData("operation-keelhaul", "1946-08-14", "1947-05-09")]
    [InlineData("fort-dix-riot", "1945-06-29", null)]
    [InlineData("dachau-incident", "1946-01-19", null)]
    [InlineData("plattling-handover", "1946-02-24", null)]
    [InlineData("spittal-conference", "1945-05-28", null)]
    [InlineData("vlasov-executed", "1946-08-01", null)]
    [InlineData("vlasov-executed", "1946-08-02", null)]
    [InlineData("krasnov-executed", "1947-01-16", null)]
    [InlineData("krasnov-executed", "1947-01-17", null)]
    [InlineData("us-directive-december-1945", "1945-12-20", null)]
    [InlineData("us-directive-december-1945", "1945-12-21", null)]
    [InlineData("yalta-conference", "1945-02-04", "1945-02-11")]
    [InlineData("swncc-directive-military-service-cut-off", "1941-06-22", null)]
    [InlineData("vlasov-taken-prisoner-by-germans", "1942-07", null)]
    [InlineData("nyt-fort-dix-riot-report", "1945-06-30", null)]
    [InlineData("fort-dix-prisoners-moved-to-pier-51", "1945-06-30", null)]
    [InlineData("repatriation-archives-opened", "1971", "1972")]
    [InlineData("first-yalta-memorial-dedicated", "1982-03-06", null)]
    [InlineData("twelve-responses-to-tragedy-dedicated", "1986-08-02", null)]
    [InlineData("peggetz-chapel-consecrated", "2015-06-01", null)]
    public void ShippedFactSet_KeyEventDate_IsRecorded(string measureId, string from, string? to)
    {
        var measure = Shipped.Measures.Single(m => m.Id == measureId);

        Assert.Equal(MeasureKinds.Date, measure.Kind);
        Assert.Contains(FactsOf(measureId), f => f.Date!.From == from && f.Date.To == to);
    }

    [Theory]
    [InlineData("repatriates-handed-to-nkvd-share", "soviet-repatriates", 6.5)]
    [InlineData("pows-handed-to-nkvd-share", "soviet-pows", 15)]
    [InlineData("civilians-handed-to-nkvd-share", "soviet-civilians", 2)]
    [InlineData("civilians-sent-home-share", "soviet-civilians", 80)]
    [InlineData("pows-sent-home-share", "soviet-pows", 20)]
    public void ShippedFactSet_FiltrationOutcome_IsScopedToItsPopulation(string measureId, string population, double percent)
    {
        var measure = Shipped.Measures.Single(m => m.Id == measureId);

        Assert.Equal(MeasureKinds.Percentage, measure.Kind);
        Assert.Equal(population, measure.Population);
        Assert.Contains(FactsOf(measureId), f => f.Value!.Low == (decimal)percent);
    }

    [Fact]
    public void ShippedFactSet_Hierarchies_NestNarrowScopesInWideOnes()
    {
        var index = new FactIndex(Shipped);

        Assert.True(index.IsWithinPopulation("soviet-pows", "soviet-repatriates"));
        Assert.True(index.IsWithinPopulation("cossack-officers", "cossacks"));
        Assert.False(index.IsWithinPopulation("soviet-repatriates", "soviet-pows"));
        Assert.True(index.IsWithinPlace("lienz", "austria"));
        Assert.True(index.IsWithinPlace("judenburg", "carinthia-east-tyrol"));
        Assert.True(index.IsWithinPlace("dachau", "western-allies"));
        Assert.False(index.IsWithinPlace("austria", "lienz"));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("German")]
    [InlineData("British")]
    [InlineData("French")]
    [InlineData("the West")]
    public void ShippedFactSet_PlaceTerms_AvoidBareAdjectivesThatNameNoPlace(string adjective) =>
        // The matcher scopes a figure by the nearest place named in its sentence; "US troops" or "German uniform"
        // would otherwise pin claims to a country they are not about.
        Assert.DoesNotContain(Shipped.Places, p => p.Terms.Contains(adjective, StringComparer.OrdinalIgnoreCase));

    [Theory]
    [InlineData("handed over")]
    [InlineData("forcibly returned")]
    [InlineData("sent back")]
    [InlineData("repatriated")]
    [InlineData("returned")]
    public void ShippedFactSet_RepatriationTotals_NamedAsTextsNameThem(string term)
    {
        // A measure is named by its own terms and its action's (what TermIndex reads).
        var index = new FactIndex(Shipped);

        Assert.Contains(term, index.TermsOf(index.Measures["soviet-citizens-repatriated-total"]));
    }

    [Theory]
    [InlineData("Gulag")]
    [InlineData("labour camps")]
    [InlineData("the camps")]
    [InlineData("convicted")]
    [InlineData("sentenced")]
    [InlineData("imprisoned")]
    public void ShippedFactSet_PunishedPows_NamedAsTextsNameThem(string term)
    {
        var index = new FactIndex(Shipped);

        Assert.All(["soviet-pows-convicted", "soviet-pows-sentenced-10-to-20-years", "soviet-pows-sentenced-death-or-25-years"],
            id => Assert.Contains(term, index.TermsOf(index.Measures[id])));
    }

    [Fact]
    public void ShippedFactSet_DateMeasures_AreNotNamedByTheirActionAlone()
    {
        // "riot" would otherwise name the Fort Dix riot wherever a riot is dated.
        var index = new FactIndex(Shipped);
        var riot = index.Measures["fort-dix-riot"];

        Assert.Equal("resisted", riot.Action);
        Assert.DoesNotContain("riot", index.TermsOf(riot));
        Assert.Contains("riot Fort Dix", index.EventNamesOf(riot));
    }

    [Fact]
    public void ShippedFactSet_DisputedMeasures_NameWhoGivesEachEstimate()
    {
        // A disputed measure is shown with every estimate and its author, so each must say whose it is.
        // Dates that nest (October 1944 and 4 October 1944) do not disagree.
        static bool Disagree(Fact a, Fact b)
        {
            if (a.Value is not null && b.Value is not null)
            {
                return a.Value.Low != b.Value.Low || a.Value.High != b.Value.High;
            }

            if (a.Date is null || b.Date is null || !FactDates.TryParse(a.Date, out var x) || !FactDates.TryParse(b.Date, out var y))
            {
                return false;
            }

            var nested = (x.From <= y.From && y.To <= x.To) || (y.From <= x.From && x.To <= y.To);
            return !nested;
        }

        var inDispute = Shipped.Facts.GroupBy(f => f.Measure)
            .SelectMany(g => g.Where(f => g.Any(other => Disagree(f, other))));

        Assert.All(inDispute, f => Assert.False(string.IsNullOrWhiteSpace(f.EstimateByName) && f.EstimateBy is null, f.Id));
    }
}
