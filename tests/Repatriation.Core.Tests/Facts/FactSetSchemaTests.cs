using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Facts;

/// <summary>The schema and the C# model describe the same document: a property added to one must be added to the other.</summary>
public class FactSetSchemaTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(ShippedFactSet.ReadSchemaJson())!.AsObject();

    public static TheoryData<string, Type> Definitions => new()
    {
        { "#", typeof(FactSet) },
        { "source", typeof(Source) },
        { "sourceRef", typeof(SourceRef) },
        { "person", typeof(Person) },
        { "population", typeof(Population) },
        { "place", typeof(Place) },
        { "measure", typeof(Measure) },
        { "factValue", typeof(FactValue) },
        { "factDateBody", typeof(FactDate) },
        { "fact", typeof(Fact) },
        { "work", typeof(Work) },
        { "quotation", typeof(Quotation) },
        { "act", typeof(Act) },
        { "action", typeof(MeasureAction) },
        { "office", typeof(OfficeHeld) },
    };

    private static JsonObject Definition(string name) =>
        name == "#" ? Schema : Schema["$defs"]![name]!.AsObject();

    private static string CamelCase(PropertyInfo p) => JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Schema_Definition_HasExactlyTheModelsProperties(string definition, Type model)
    {
        var schemaProperties = Definition(definition)["properties"]!.AsObject().Select(p => p.Key)
            .Where(k => k != "$schema").Order(StringComparer.Ordinal);
        var modelProperties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(CamelCase)
            .Order(StringComparer.Ordinal);

        Assert.Equal(modelProperties, schemaProperties);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Schema_Definition_RequiresExactlyTheModelsRequiredMembers(string definition, Type model)
    {
        var schemaRequired = (Definition(definition)["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>())
            .Order(StringComparer.Ordinal);
        var modelRequired = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(CamelCase).Order(StringComparer.Ordinal);

        Assert.Equal(modelRequired, schemaRequired);
    }

    [Fact]
    public void Schema_MeasureKinds_MatchModelConstants() =>
        Assert.Equal(MeasureKinds.All, Definition("measure")["properties"]!["kind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));

    [Fact]
    public void Schema_MeasureUnits_AreTheModelsClosedList() =>
        Assert.Equal(MeasureUnits.All.Cast<string?>().Append(null),
            Definition("measure")["properties"]!["unit"]!["enum"]!.AsArray().Select(n => n?.GetValue<string>()));

    [Fact]
    public void Schema_SourceReliabilities_MatchModelConstants() =>
        Assert.Equal(SourceReliabilities.All.Cast<string?>().Append(null),
            Definition("source")["properties"]!["reliability"]!["enum"]!.AsArray().Select(n => n?.GetValue<string>()));

    [Fact]
    public void Schema_QuotationStatuses_MatchModelConstants() =>
        Assert.Equal(QuotationStatuses.All,
            Definition("quotation")["properties"]!["status"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
}
