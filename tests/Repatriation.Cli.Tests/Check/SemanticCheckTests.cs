using System.Text.Json.Nodes;

namespace Repatriation.Cli.Tests.Check;

/// <summary>`check --semantic` loads the real sentence model (offline) and reads a figure whose measure is unnamed.</summary>
public sealed class SemanticCheckTests : IDisposable
{
    // Written for this test in the wording of the 1946 Dachau report: "entrainment" is no measure's term.
    private const string Dachau = "The prisoners resisted for hours. The entrainment was finally effected of 368 men.\n";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("semantic-check-tests-");

    public void Dispose() => _root.Delete(recursive: true);

    private async Task<string> StatusOf368(params string[] options)
    {
        var path = CommandLineRun.Write(_root, "dachau.txt", Dachau);

        var (code, stdout, stderr) = await CommandLineRun.RunAsync(["check", path, "--format", "json", "--fail-on", "none", .. options]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var claims = JsonNode.Parse(stdout)!["claims"]!.AsArray();
        return claims.Single(c => (string?)c!["text"] == "368")!["status"]!.GetValue<string>();
    }

    [Fact]
    public async Task Check_WithoutSemantic_FigureWithUnnamedMeasureIsUnsupported() =>
        Assert.Equal("unsupported", await StatusOf368());

    [Fact]
    public async Task Check_Semantic_FigureWithUnnamedMeasureIsSupported() =>
        Assert.Equal("supported", await StatusOf368("--semantic"));
}
