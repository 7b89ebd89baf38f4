using System.Text.Json.Nodes;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>
/// The rules that keep the fact set trustworthy for the matcher (issue 10): generic verbs live in actions, dated
/// events are named specifically, units are typed, weak means popular sources and contested means disputed
/// scholarship, no fact is said twice, credits match sources, offices are sourced. Each breaks the sample once.
/// </summary>
public class FactSetTrustRulesTests
{
    private static IReadOnlyList<FactSetProblem> ValidateWith(Action<JsonObject> change) =>
        FactSetValidator.Validate(FactSetSample.With(change));

    private static FactSetProblem OnlyProblem(IReadOnlyList<FactSetProblem> problems, string path)
    {
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        return problem;
    }

    private static JsonArray Terms(params string[] terms) => new([.. terms.Select(t => (JsonNode)JsonValue.Create(t))]);

    private static JsonArray Sources(params string[] ids) =>
        new([.. ids.Select(id => (JsonNode)new JsonObject { ["source"] = id })]);

    // ---- actions and shared terms

    [Fact]
    public void Validate_MeasureTermThatIsAnActionTerm_ReportsTermAndNamesTheAction()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("measures", 0)["terms"]!.AsArray().Add("Sent back")), "$.measures[0].terms[1]");

        Assert.Contains("term of action 'returned'", problem.Message);
    }

    [Fact]
    public void Validate_TermSharedByThreeMeasures_ReportsEveryUseAndSaysToUseAnAction()
    {
        var problems = ValidateWith(r =>
        {
            r.At("measures", 0)["terms"]!.AsArray().Add("handed over");
            r.At("measures", 2)["terms"]!.AsArray().Add("handed over");
            r.At("measures", 3)["terms"] = Terms("handed over");
        });

        Assert.Equal(["$.measures[0].terms[1]", "$.measures[2].terms[1]", "$.measures[3].terms[0]"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Contains("names 3 measures", p.Message));
        Assert.All(problems, p => Assert.Contains("action", p.Message));
    }

    [Fact]
    public void Validate_TermSharedByTwoMeasures_IsAllowed() =>
        Assert.Empty(ValidateWith(r =>
        {
            r.At("measures", 0)["terms"]!.AsArray().Add("handed over");
            r.At("measures", 3)["terms"] = Terms("Handed over");
        }));

    [Fact]
    public void Validate_MeasureWithUnknownAction_ReportsAction() =>
        OnlyProblem(ValidateWith(r => r.At("measures", 0)["action"] = "vanished"), "$.measures[0].action");

    [Fact]
    public void Validate_ActionWithoutTerms_ReportsTerms() =>
        OnlyProblem(ValidateWith(r => r.At("actions", 0)["terms"] = new JsonArray()), "$.actions[0].terms");

    [Fact]
    public void Validate_MeasureNamedOnlyByItsAction_IsAllowed() =>
        Assert.Empty(ValidateWith(r => r.At("measures", 0).Remove("terms")));

    [Fact]
    public void Validate_MeasureWithoutTermsOrAction_ReportsTerms() =>
        OnlyProblem(ValidateWith(r => r.At("measures", 3).Remove("action")), "$.measures[3].terms");

    // ---- units

    [Fact]
    public void Validate_MeasureWithoutUnit_ReportsUnit()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("measures", 0).Remove("unit")), "$.measures[0].unit");

        Assert.Contains("persons", problem.Message);
    }

    [Fact]
    public void Validate_UnitOutsideTheClosedList_ReportsUnitWithTheList()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("measures", 0)["unit"] = "people"), "$.measures[0].unit");

        Assert.Contains("persons", problem.Message);
        Assert.Contains("GBP", problem.Message);
    }

    [Theory]
    [InlineData(0, "percent", "count")]
    [InlineData(1, "persons", "date")]
    [InlineData(2, "persons", "percentage")]
    public void Validate_UnitOfAnotherKind_ReportsUnit(int measure, string unit, string kind)
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("measures", measure)["unit"] = unit), $"$.measures[{measure}].unit");

        Assert.Contains($"not a unit of a {kind} measure", problem.Message);
    }

    [Fact]
    public void MeasureUnits_EveryUnit_BelongsToExactlyOneKind() =>
        Assert.All(MeasureUnits.All, unit => Assert.Single(MeasureKinds.All, kind => MeasureUnits.ForKind(kind).Contains(unit)));

    // ---- dated events named specifically

    [Theory]
    [InlineData("riot")] // a bare word
    [InlineData("Lienz")] // a place alone
    [InlineData("Richard Roe")] // a person alone
    [InlineData("Everyone")] // a group alone
    [InlineData("1 June 1945")] // a date is not an event
    [InlineData("repatriation agreement")] // a kind of event, not one event
    [InlineData("order of 24 May")]
    public void Validate_DateMeasureTermThatNamesNoEvent_ReportsTerm(string term)
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("measures", 1)["terms"] = Terms(term)), "$.measures[1].terms[0]");

        Assert.Contains("name its event specifically", problem.Message);
        Assert.Contains(term, problem.Message);
    }

    [Theory]
    [InlineData("Fort Dix riot")]
    [InlineData("1955 amnesty")]
    [InlineData("amnesty decree of September 1955")]
    [InlineData("Order No. 270")]
    [InlineData("Vlasov was hanged")]
    public void Validate_DateMeasureTermThatNamesOneEvent_IsAllowed(string term) =>
        Assert.Empty(ValidateWith(r => r.At("measures", 1)["terms"] = Terms(term)));

    [Fact]
    public void Validate_BareWordInCountMeasure_IsNotADateRule() =>
        Assert.Empty(ValidateWith(r => r.At("measures", 2)["terms"] = Terms("freed")));

    [Fact]
    public void Validate_TwoDateMeasuresSharingATerm_ReportsTheSecond()
    {
        var problem = OnlyProblem(ValidateWith(r =>
        {
            var copy = r.At("measures", 1).DeepClone().AsObject();
            copy["id"] = "treaty-ratified";
            r["measures"]!.AsArray().Add(copy);
        }), "$.measures[4].terms[0]");

        Assert.Contains("also names date measure 'treaty-signed'", problem.Message);
    }

    [Fact]
    public void Validate_DateMeasureNamedByActionAndPlace_IsAllowed() =>
        Assert.Empty(ValidateWith(r =>
        {
            var m = r.At("measures", 1);
            m.Remove("terms");
            m["action"] = "returned";
            m["place"] = "lienz";
        }));

    [Fact]
    public void Validate_DateMeasureWithActionButNoPlaceOrGroup_ReportsTerms() =>
        OnlyProblem(ValidateWith(r =>
        {
            var m = r.At("measures", 1);
            m.Remove("terms");
            m["action"] = "returned";
        }), "$.measures[1].terms");

    // ---- duplicates

    [Fact]
    public void Validate_SameDateFromAnotherSource_ReportsDuplicateToMerge()
    {
        var problem = OnlyProblem(ValidateWith(r =>
        {
            var copy = r.At("facts", 1).DeepClone().AsObject();
            copy["id"] = "treaty-date-again";
            copy["estimateByName"] = "Another writer";
            copy["sources"] = Sources("doe-2001-book");
            r["facts"]!.AsArray().Add(copy);
        }), "$.facts[4]");

        Assert.Contains("'treaty-date'", problem.Message);
        Assert.Contains("merge their sources", problem.Message);
    }

    [Fact]
    public void Validate_SameValueSamePeriodSameEstimator_ReportsDuplicate() =>
        OnlyProblem(ValidateWith(r =>
        {
            var copy = r.At("facts", 0).DeepClone().AsObject();
            copy["id"] = "doe-returned-again";
            r["facts"]!.AsArray().Add(copy);
        }), "$.facts[4]");

    [Theory]
    [InlineData("estimateBy", "roe-richard")] // another estimator
    [InlineData("period", "1946")] // another period
    public void Validate_SameValueOtherwiseDifferent_IsNotADuplicate(string member, string value) =>
        Assert.Empty(ValidateWith(r =>
        {
            var copy = r.At("facts", 0).DeepClone().AsObject();
            copy["id"] = "doe-returned-again";
            copy.Remove("estimateByName");
            copy[member] = member == "period" ? new JsonObject { ["from"] = value } : value;
            r["facts"]!.AsArray().Add(copy);
        }));

    // ---- weak and contested

    [Fact]
    public void Validate_FactOnPopularSourcesOnlyNotWeak_ReportsWeak()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("facts", 2)["sources"] = Sources("blog-2010-post")), "$.facts[2].weak");

        Assert.Contains("weak\": true", problem.Message);
    }

    [Fact]
    public void Validate_WeakFactCitingScholarship_ReportsWeakAndPointsToContested()
    {
        var problem = OnlyProblem(ValidateWith(r =>
        {
            r.At("facts", 2)["weak"] = true;
            r.At("facts", 2)["note"] = "Disputed by Roe.";
        }), "$.facts[2].weak");

        Assert.Contains("doe-2001-book (scholarly)", problem.Message);
        Assert.Contains("contested", problem.Message);
    }

    [Fact]
    public void Validate_WeakFactWithoutAnyPopularSource_ReportsWeak()
    {
        var problem = OnlyProblem(ValidateWith(r =>
        {
            r.At("facts", 2)["weak"] = true;
            r.At("facts", 2)["note"] = "Only an encyclopedia.";
            r.At("facts", 2)["sources"] = Sources("enc-2020-entry");
        }), "$.facts[2].weak");

        Assert.Contains("no popular or weak source", problem.Message);
    }

    [Fact]
    public void Validate_WeakFactOnABlogWithANote_IsAllowed() =>
        Assert.Empty(ValidateWith(r =>
        {
            r.At("facts", 2)["weak"] = true;
            r.At("facts", 2)["note"] = "Seen only on a blog.";
            r.At("facts", 2)["sources"] = Sources("blog-2010-post", "enc-2020-entry");
        }));

    [Fact]
    public void Validate_WeakFactWithoutNote_ReportsNote() =>
        OnlyProblem(ValidateWith(r =>
        {
            r.At("facts", 2)["weak"] = true;
            r.At("facts", 2)["sources"] = Sources("blog-2010-post");
        }), "$.facts[2].note");

    [Fact]
    public void Validate_ContestedFactWithoutNote_ReportsNote()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("facts", 0)["contested"] = true), "$.facts[0].note");

        Assert.Contains("naming who contests it", problem.Message);
    }

    [Fact]
    public void Validate_ContestedScholarlyFactWithNote_IsAllowed() =>
        Assert.Empty(ValidateWith(r =>
        {
            r.At("facts", 0)["contested"] = true;
            r.At("facts", 0)["note"] = "Roe gives far less.";
        }));

    [Fact]
    public void Validate_FactBothWeakAndContested_ReportsContested() =>
        OnlyProblem(ValidateWith(r =>
        {
            var f = r.At("facts", 2);
            f["weak"] = true;
            f["contested"] = true;
            f["note"] = "A blog, disputed by Roe.";
            f["sources"] = Sources("blog-2010-post");
        }), "$.facts[2].contested");

    // ---- credits match sources

    [Fact]
    public void Validate_CreditRestingOnlyOnAnEncyclopedia_ReportsEstimateBy()
    {
        var problem = OnlyProblem(ValidateWith(r => r.At("facts", 0)["sources"] = Sources("enc-2020-entry")), "$.facts[0].estimateBy");

        Assert.Contains("cites only encyclopedias (enc-2020-entry)", problem.Message);
        Assert.Contains("John Doe's own work", problem.Message);
    }

    [Fact]
    public void Validate_CreditCitingThePersonsOwnReferenceWork_IsAllowed() =>
        Assert.Empty(ValidateWith(r => r.At("sources", 0)["reliability"] = "reference"));

    // ---- offices

    [Fact]
    public void Validate_OfficeOfUnknownPerson_ReportsPerson() =>
        OnlyProblem(ValidateWith(r => r.At("offices", 0)["person"] = "nobody-known"), "$.offices[0].person");

    [Fact]
    public void Validate_OfficeLeftBeforeItWasTaken_ReportsOffice() =>
        OnlyProblem(ValidateWith(r => r.At("offices", 0)["to"] = "1940"), "$.offices[0]");

    [Fact]
    public void Validate_OfficeWithoutSources_ReportsSources() =>
        OnlyProblem(ValidateWith(r => r.At("offices", 0)["sources"] = new JsonArray()), "$.offices[0].sources");

    [Fact]
    public void Validate_OfficeWithoutTitle_ReportsOffice() =>
        OnlyProblem(ValidateWith(r => r.At("offices", 0)["office"] = " "), "$.offices[0].office");

    [Fact]
    public void Validate_OfficeHeldOnADateThatDoesNotParse_ReportsHeldOn() =>
        OnlyProblem(ValidateWith(r => r.At("offices", 0)["heldOn"] = new JsonObject { ["from"] = "May 1945" }), "$.offices[0].heldOn.from");
}
