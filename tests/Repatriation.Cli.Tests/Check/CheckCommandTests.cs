using System.Text.Json;
using System.Text.Json.Nodes;

namespace Repatriation.Cli.Tests.Check;

public sealed class CheckCommandTests : IDisposable
{
    private const string Prose = "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens. About 2,272,000 people were repatriated from the western zones.\n";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("check-tests-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string content) => CommandLineRun.Write(_root, relative, content);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLineRun.RunAsync(args);

    [Theory]
    [InlineData("json", ".report.json")]
    [InlineData("sarif", ".sarif")]
    [InlineData("html", ".report.html")]
    [InlineData("text", ".report.txt")]
    public async Task Check_FolderWithOutput_WritesOneReportPerFileKeepingRelativePaths(string format, string extension)
    {
        Write("book/part1/chapter1.txt", Prose);
        Write("book/part2/chapter1.txt", Prose);
        Write("book/part2/notes.md", "# Notes\n\n" + Prose);
        Write("book/ignored.pdf", "not a manuscript");
        var output = Path.Combine(_root.FullName, "out");

        var (code, stdout, stderr) = await Run("check", Path.Combine(_root.FullName, "book"), "--output", output, "--format", format, "--fail-on", "none");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            [$"part1/chapter1.txt{extension}", $"part2/chapter1.txt{extension}", $"part2/notes.md{extension}"],
            Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order());
        Assert.Contains("total (3 files)", stdout);
        Assert.Contains("chapter1.txt", stdout);
    }

    [Fact]
    public async Task Check_TwoFoldersWithSameFileNames_ReportsDoNotCollide()
    {
        var a = Path.GetDirectoryName(Write("a/chapter1.txt", Prose))!;
        var b = Path.GetDirectoryName(Write("b/chapter1.txt", "In 1946 the camps at Plattling were emptied.\n"))!;
        var output = Path.Combine(_root.FullName, "out");

        var (code, _, _) = await Run("check", a, b, "--output", output, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, code);
        var first = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "chapter1.txt.report.json")))!;
        var second = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "b", "chapter1.txt.report.json")))!;
        Assert.EndsWith(Path.Combine("a", "chapter1.txt"), first["document"]!["name"]!.GetValue<string>());
        Assert.EndsWith(Path.Combine("b", "chapter1.txt"), second["document"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_SeveralInputsAsJson_PrintsArrayInOrderGiven()
    {
        var second = Write("z.md", "# Z\n\n" + Prose);
        var first = Write("a.txt", Prose);
        var third = Write("m.html", "<p>" + Prose + "</p>");

        var (code, stdout, _) = await Run("check", second, first, third, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, code);
        var reports = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal([second, first, third], reports.Select(r => r!["document"]!["name"]!.GetValue<string>()));
        Assert.Equal(["markdown", "text", "html"], reports.Select(r => r!["document"]!["format"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Check_OneFileAsJson_PrintsOneReport()
    {
        var (code, stdout, _) = await Run("check", Write("a.txt", Prose), "--format", "json", "--fail-on", "none");

        Assert.Equal(0, code);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(stdout).RootElement.ValueKind);
    }

    [Fact]
    public async Task Check_CorruptDocxAmongGoodFiles_OneLineErrorExit2OthersStillChecked()
    {
        Write("in/good.txt", Prose);
        File.WriteAllBytes(Path.Combine(_root.FullName, "in", "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        Write("in/later.md", Prose);
        var output = Path.Combine(_root.FullName, "out");

        var (code, stdout, stderr) = await Run("check", Path.Combine(_root.FullName, "in"), "--output", output, "--format", "sarif");

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains("broken.docx: not a readable .docx", line);
        Assert.True(File.Exists(Path.Combine(output, "good.txt.sarif")));
        Assert.True(File.Exists(Path.Combine(output, "later.md.sarif")));
        Assert.Contains("unreadable", stdout);
    }

    [Theory]
    [InlineData("contradicted,bogus")]
    [InlineData("")]
    public async Task Check_FailOnUnknownStatus_IsUsageError(string value)
    {
        var (code, _, stderr) = await Run("check", Write("a.txt", Prose), "--fail-on", value);

        if (value.Length == 0)
        {
            // An empty list fails on nothing.
            Assert.NotEqual(2, code);
            return;
        }

        Assert.Equal(2, code);
        Assert.Contains("--fail-on: unknown status 'bogus'", stderr);
    }

    [Fact]
    public async Task Check_FailOnNone_ExitsCleanWhateverIsFlagged()
    {
        var (code, _, _) = await Run("check", Write("a.txt", "Some 50,000,000 people were returned in 1812 according to Churchill.\n"), "--fail-on", "none");

        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Check_SarifToStandardOutput_OneLogForAllInputs()
    {
        var (code, stdout, _) = await Run("check", Write("a.txt", Prose), Write("b.txt", Prose), "--format", "sarif", "--fail-on", "none");

        Assert.Equal(0, code);
        var log = JsonNode.Parse(stdout)!;
        Assert.Equal("2.1.0", log["version"]!.GetValue<string>());
        Assert.Equal(2, log["runs"]![0]!["artifacts"]!.AsArray().Count);
    }
}
