using System.Text.Json.Nodes;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

public class FactSetValidatorTests
{
    private static IReadOnlyList<FactSetProblem> ValidateWith(Action<JsonObject> change) =>
        FactSetValidator.Validate(FactSetSample.With(change));

    private static void AssertOnlyProblemAt(IReadOnlyList<FactSetProblem> problems, string path)
    {
        Assert.True(problems.Count > 0, $"expected a problem at {path}, found none");
        Assert.All(problems, p => Assert.Equal(path, p.Path));
    }

    [Fact]
    public void Validate_SampleFactSet_ReportsNoProblems() =>
        Assert.Empty(FactSetValidator.Validate(FactSetSample.Json));

    [Fact]
    public void Validate_MalformedJson_ReportsOneProblemAtRoot()
    {
        var problems = FactSetValidator.Validate("{ \"id\": \"x\", ");

        var problem = Assert.Single(problems);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("not valid JSON", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Validate_NotAnObject_ReportsRoot(string json)
    {
        var problem = Assert.Single(FactSetValidator.Validate(json));

        Assert.Equal("$", problem.Path);
    }

    [Theory]
    [InlineData("sources")]
    [InlineData("measures")]
    [InlineData("facts")]
    [InlineData("acts")]
    [InlineData("actions")]
    [InlineData("offices")]
    public void Validate_NullEntry_ReportsItWithoutFailing(string collection) =>
        AssertOnlyProblemAt(ValidateWith(r => r[collection]!.AsArray().Add(null)),
            $"$.{collection}[{FactSetSample.Node()[collection]!.AsArray().Count}]");

    [Fact]
    public void Validate_EmptyVersion_ReportsVersion() =>
        AssertOnlyProblemAt(ValidateWith(r => r["version"] = ""), "$.version");

    [Fact]
    public void Validate_MissingVersion_ReportsVersion() =>
        AssertOnlyProblemAt(ValidateWith(r => r.Remove("version")), "$.version");

    [Theory]
    [InlineData("sources")]
    [InlineData("people")]
    [InlineData("populations")]
    [InlineData("places")]
    [InlineData("measures")]
    [InlineData("facts")]
    [InlineData("works")]
    [InlineData("quotations")]
    [InlineData("acts")]
    [InlineData("actions")]
    [InlineData("offices")]
    public void Validate_DuplicateIdInCollection_ReportsSecondOccurrence(string collection)
    {
        var problems = ValidateWith(r =>
        {
            var items = r[collection]!.AsArray();
            var copy = items[0]!.DeepClone();
            items.Add(copy);
        });

        var last = FactSetSample.Node()[collection]!.AsArray().Count;
        var problem = Assert.Single(problems);
        Assert.Equal($"$.{collection}[{last}].id", problem.Path);
        Assert.Contains("duplicate", problem.Message);
    }

    [Fact]
    public void Validate_SameIdInDifferentCollections_ReportsNoProblems() =>
        Assert.Empty(ValidateWith(r =>
        {
            var work = r.At("works", 0).DeepClone().AsObject();
            work["id"] = "doe-returned";
            r["works"]!.AsArray().Add(work);
        }));

    [Fact]
    public void Validate_IdNotLowercaseHyphenated_ReportsId() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["id"] = "Doe Returned"), "$.facts[0].id");

    [Fact]
    public void Validate_FactWithUnknownMeasure_ReportsMeasure() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["measure"] = "no-such-measure"), "$.facts[0].measure");

    [Fact]
    public void Validate_FactWithUnknownEstimateBy_ReportsEstimateBy() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["estimateBy"] = "nobody-known"), "$.facts[0].estimateBy");

    [Theory]
    [InlineData("facts", 0)]
    [InlineData("works", 0)]
    [InlineData("quotations", 0)]
    [InlineData("acts", 0)]
    public void Validate_UnknownSourceReference_ReportsSourceRef(string collection, int index) =>
        AssertOnlyProblemAt(
            ValidateWith(r => r.At(collection, index)["sources"]![0]!["source"] = "missing-2000-source"),
            $"$.{collection}[{index}].sources[0].source");

    [Fact]
    public void Validate_UnknownSourceInSecondReference_ReportsThatReference() =>
        AssertOnlyProblemAt(
            ValidateWith(r => r.At("facts", 0)["sources"]!.AsArray().Add(new JsonObject { ["source"] = "missing-2000-source" })),
            "$.facts[0].sources[1].source");

    [Theory]
    [InlineData("facts")]
    [InlineData("works")]
    [InlineData("quotations")]
    [InlineData("acts")]
    public void Validate_EntryWithEmptySources_ReportsSources(string collection)
    {
        var problems = ValidateWith(r => r.At(collection, 0)["sources"] = new JsonArray());

        AssertOnlyProblemAt(problems, $"$.{collection}[0].sources");
    }

    [Fact]
    public void Validate_FactWithoutSourcesProperty_ReportsSources() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 2).Remove("sources")), "$.facts[2].sources");

    [Fact]
    public void Validate_MeasureWithUnknownPopulation_ReportsPopulation() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("measures", 0)["population"] = "martians"), "$.measures[0].population");

    [Fact]
    public void Validate_MeasureWithUnknownPlace_ReportsPlace() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("measures", 0)["place"] = "atlantis"), "$.measures[0].place");

    [Fact]
    public void Validate_PopulationWithUnknownParent_ReportsParent() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("populations", 1)["parent"] = "nobody"), "$.populations[1].parent");

    [Fact]
    public void Validate_PlaceWithUnknownParent_ReportsParent() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("places", 1)["parent"] = "atlantis"), "$.places[1].parent");

    [Fact]
    public void Validate_PopulationHierarchyCycle_ReportsEveryPopulationOnTheCycle()
    {
        var problems = ValidateWith(r => r.At("populations", 0)["parent"] = "pows");

        Assert.Equal(["$.populations[0].parent", "$.populations[1].parent"], problems.Select(p => p.Path).Order());
        Assert.All(problems, p => Assert.Contains("cycle", p.Message));
    }

    [Fact]
    public void Validate_PlaceThatIsItsOwnParent_ReportsCycle()
    {
        var problem = Assert.Single(ValidateWith(r => r.At("places", 0)["parent"] = "europe"));

        Assert.Equal("$.places[0].parent", problem.Path);
        Assert.Contains("europe -> europe", problem.Message);
    }

    [Fact]
    public void Validate_WorkWithUnknownAuthor_ReportsAuthorEntry() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("works", 0)["authors"]!.AsArray().Add("ghost-writer")), "$.works[0].authors[1]");

    [Fact]
    public void Validate_WorkWithoutAuthors_ReportsAuthors() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("works", 0)["authors"] = new JsonArray()), "$.works[0].authors");

    [Fact]
    public void Validate_QuotationWithUnknownSpeaker_ReportsSpeaker() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("quotations", 0)["speaker"] = "ghost-writer"), "$.quotations[0].speaker");

    [Fact]
    public void Validate_QuotationWithUnknownWork_ReportsWork() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("quotations", 0)["work"] = "lost-book"), "$.quotations[0].work");

    [Fact]
    public void Validate_QuotationWithUnknownStatus_ReportsStatus() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("quotations", 0)["status"] = "rumoured"), "$.quotations[0].status");

    [Fact]
    public void Validate_ActWithUnknownActor_ReportsActorEntry() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("acts", 0)["actors"] = new JsonArray("roe-richard", "ghost-writer")),
            "$.acts[0].actors[1]");

    [Fact]
    public void Validate_ActWithUnknownWronglyCredited_ReportsEntry() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("acts", 0)["wronglyCredited"] = new JsonArray("ghost-writer")),
            "$.acts[0].wronglyCredited[0]");

    [Theory]
    [InlineData("author")]
    [InlineData("title")]
    public void Validate_SourceWithoutAuthorOrTitle_ReportsThatField(string field) =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("sources", 1).Remove(field)), $"$.sources[1].{field}");

    [Theory]
    [InlineData("author")]
    [InlineData("title")]
    public void Validate_SourceWithBlankAuthorOrTitle_ReportsThatField(string field) =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("sources", 1)[field] = "  "), $"$.sources[1].{field}");

    [Fact]
    public void Validate_ValueLowAboveHigh_ReportsValue()
    {
        var problem = Assert.Single(ValidateWith(r => r.At("facts", 0)["value"] = new JsonObject { ["low"] = 1300, ["high"] = 1200 }));

        Assert.Equal("$.facts[0].value", problem.Path);
        Assert.Contains("greater than high", problem.Message);
    }

    [Fact]
    public void Validate_PercentageAboveHundred_ReportsValue() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 2)["value"] = new JsonObject { ["low"] = 20, ["high"] = 120 }),
            "$.facts[2].value");

    [Theory]
    [InlineData("11 February 1945")]
    [InlineData("1945-13")]
    [InlineData("1945-02-30")]
    public void Validate_DateThatDoesNotParse_ReportsFrom(string from) =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 1)["date"] = new JsonObject { ["from"] = from }), "$.facts[1].date.from");

    [Fact]
    public void Validate_DateToThatDoesNotParse_ReportsTo() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 1)["date"] = new JsonObject { ["from"] = "1945", ["to"] = "1946-02-29" }),
            "$.facts[1].date.to");

    [Fact]
    public void Validate_DateFromAfterTo_ReportsDate() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 1)["date"] = new JsonObject { ["from"] = "1947-05-09", ["to"] = "1946-08-14" }),
            "$.facts[1].date");

    [Fact]
    public void Validate_PeriodFromAfterTo_ReportsPeriod() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["period"] = new JsonObject { ["from"] = "1946", ["to"] = "1945" }),
            "$.facts[0].period");

    [Fact]
    public void Validate_ActDateFromAfterTo_ReportsActDate() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("acts", 0)["date"] = new JsonObject { ["from"] = "1945-04", ["to"] = "1945-03" }),
            "$.acts[0].date");

    [Fact]
    public void Validate_DateMeasureFactWithoutDate_ReportsDate() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 1).Remove("date")), "$.facts[1].date");

    [Fact]
    public void Validate_DateMeasureFactWithValue_ReportsValue() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 1)["value"] = new JsonObject { ["low"] = 1945, ["high"] = 1945 }),
            "$.facts[1].value");

    [Fact]
    public void Validate_CountMeasureFactWithoutValue_ReportsValue() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0).Remove("value")), "$.facts[0].value");

    [Fact]
    public void Validate_CountMeasureFactWithDate_ReportsDate() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["date"] = new JsonObject { ["from"] = "1946" }), "$.facts[0].date");

    [Fact]
    public void Validate_PeriodicMeasureFactWithoutPeriod_ReportsPeriod() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 3).Remove("period")), "$.facts[3].period");

    [Fact]
    public void Validate_MeasureWithoutTerms_ReportsTerms() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("measures", 1).Remove("terms")), "$.measures[1].terms");

    [Fact]
    public void Validate_MeasureWithEmptyTerms_ReportsTerms() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("measures", 1)["terms"] = new JsonArray()), "$.measures[1].terms");

    [Fact]
    public void Validate_MeasureWithUnknownKind_ReportsKind() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("measures", 2)["kind"] = "ratio"), "$.measures[2].kind");

    [Fact]
    public void Validate_MisspelledProperty_ReportsThatProperty()
    {
        var problem = Assert.Single(ValidateWith(r => r.At("facts", 0)["estimatedBy"] = "doe-john"));

        Assert.Equal("$.facts[0].estimatedBy", problem.Path);
        Assert.Contains("not a known property", problem.Message);
    }

    [Fact]
    public void Validate_ValueOfWrongType_ReportsLow() =>
        AssertOnlyProblemAt(ValidateWith(r => r.At("facts", 0)["value"] = new JsonObject { ["low"] = "many", ["high"] = 2 }),
            "$.facts[0].value.low");

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var problems = ValidateWith(r =>
        {
            r["version"] = "";
            r.At("facts", 0)["measure"] = "no-such-measure";
            r.At("facts", 2)["sources"]![0]!["source"] = "missing-2000-source";
            r.At("acts", 0)["actors"] = new JsonArray("ghost-writer");
        });

        Assert.Equal(
            ["$.acts[0].actors[0]", "$.facts[0].measure", "$.facts[2].sources[0].source", "$.version"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ProblemsInSeveralEntries_AreListedInDocumentOrder()
    {
        var problems = ValidateWith(r =>
        {
            var facts = r["facts"]!.AsArray();
            for (var i = 0; i < 8; i++)
            {
                var copy = facts[2]!.DeepClone().AsObject();
                copy["id"] = $"copy-{i}";
                copy["value"] = new JsonObject { ["low"] = i, ["high"] = i }; // another value, so not a duplicate fact
                facts.Add(copy);
            }

            facts[10]!["measure"] = "no-such-measure";
            facts[2]!["estimateBy"] = "nobody-known";
            r["version"] = "";
        });

        Assert.Equal(["$.facts[2].estimateBy", "$.facts[10].measure", "$.version"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_FactSetModel_ReportsSameRulesAsJson()
    {
        var sample = FactSetJson.Parse(FactSetSample.Json);
        var broken = sample with { Facts = [.. sample.Facts, sample.Facts[0] with { EstimateBy = "nobody-known" }] };

        var paths = FactSetValidator.Validate(broken).Select(p => p.Path).Order(StringComparer.Ordinal);

        Assert.Equal(["$.facts[4].estimateBy", "$.facts[4].id"], paths);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("/facts/12/sources/0/source", "$.facts[12].sources[0].source")]
    [InlineData("/people/3/aliases/0", "$.people[3].aliases[0]")]
    [InlineData("/facts/0/a~1b", "$.facts[0]['a/b']")]
    public void ToJsonPath_Pointer_BecomesJsonPath(string pointer, string expected) =>
        Assert.Equal(expected, FactSetValidator.ToJsonPath(pointer));
}
