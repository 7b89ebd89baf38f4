using System.Text.Json;
using Json.Schema;
using Repatriation.Core.Review;

namespace Repatriation.Core.Tests.Review;

/// <summary>schemas/decisions.schema.json accepts the files editors and the editor's page write, and refuses the rest.</summary>
public class DecisionsSchemaTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Repatriation.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "schemas", "decisions.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static bool IsValid(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "tests", "Repatriation.Core.Tests", "Review", "Samples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Schema_Sample_ValidExactlyWhenNamedValid(string file)
    {
        var path = Path.Combine(Root, "tests", "Repatriation.Core.Tests", "Review", "Samples", file);

        Assert.Equal(file.StartsWith("valid-", StringComparison.Ordinal), IsValid(path));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_AgreesWithSchema(string file)
    {
        var path = Path.Combine(Root, "tests", "Repatriation.Core.Tests", "Review", "Samples", file);
        var json = File.ReadAllText(path);

        if (file.StartsWith("valid-", StringComparison.Ordinal))
        {
            DecisionsFile.Parse(json, file);
        }
        else
        {
            var error = Assert.Throws<InvalidDecisionsException>(() => DecisionsFile.Parse(json, file));
            Assert.StartsWith($"{file}: not a decisions file", error.Message);
            Assert.Contains("$.decisions", error.Message);
        }
    }

    [Fact]
    public void Schema_DocumentationExample_IsValidAndParses()
    {
        var path = Path.Combine(Root, "schemas", "examples", "decisions.json");

        Assert.True(IsValid(path));
        var decisions = DecisionsFile.Parse(File.ReadAllText(path), path).Decisions;
        Assert.Equal(2, decisions.Count);
        Assert.Equal("A. Editor", decisions[0].By);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), decisions[0].At);
    }

    [Fact]
    public void Schema_EmbeddedCopy_IsTheRepositorysFile()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Root, "schemas", "decisions.schema.json")), DecisionsFile.ReadSchemaJson());
    }

    [Fact]
    public void Parse_NotJson_SaysSo()
    {
        var error = Assert.Throws<InvalidDecisionsException>(() => DecisionsFile.Parse("{\"decisions\": [", "d.json"));

        Assert.StartsWith("d.json: not valid JSON", error.Message);
    }
}
