using System.CommandLine;

namespace Repatriation.Cli.Tests.Check;

/// <summary>The command line behaves like one: help everywhere, suggestions for typos, exit 2 for usage errors.</summary>
public sealed class CommandLineTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLineRun.RunAsync(args);

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        void Walk(Command command, string path)
        {
            data.Add(path);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }

        Walk(CommandLine.CreateRoot(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, CliContext.EnvironmentConfiguration())), "");
        return data;
    }

    private static Command Find(string path)
    {
        Command command = CommandLine.CreateRoot(new CliContext(TextReader.Null, TextWriter.Null, TextWriter.Null, CliContext.EnvironmentConfiguration()));
        foreach (var name in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_EveryCommand_Exits0NamingEveryOptionAndSubcommand(string path)
    {
        var (code, stdout, stderr) = await Run([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var command = Find(path);
        Assert.All(command.Options.Where(o => !o.Hidden), o => Assert.Contains(o.Name, stdout));
        Assert.All(command.Subcommands, c => Assert.Contains(c.Name, stdout));
        Assert.All(command.Options.Where(o => !o.Hidden && o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--help" && o.Name != "--version"),
            o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{path} {o.Name} has no description"));
    }

    [Fact]
    public async Task Help_Check_NamesEveryOption()
    {
        var (code, stdout, _) = await Run("check", "--help");

        Assert.Equal(0, code);
        foreach (var option in (string[])["--format", "--facts", "--output", "--fail-on", "--decisions", "--baseline", "--only-new", "--help"])
        {
            Assert.Contains(option, stdout);
        }
    }

    [Fact]
    public async Task Check_MistypedOption_Exits2SuggestingTheOptionInOneLine()
    {
        var (code, stdout, stderr) = await Run("check", "--formt", "json", "a.txt");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'--formt'", line);
        Assert.Contains("did you mean --format?", line);
        Assert.Contains("repatriation check --help", line);
    }

    [Fact]
    public async Task MistypedCommand_Exits2SuggestingTheCommand()
    {
        var (code, _, stderr) = await Run("chek", "a.txt");

        Assert.Equal(2, code);
        Assert.Contains("did you mean check?", stderr);
    }

    [Fact]
    public async Task NoArguments_Exits2PointingToHelp()
    {
        var (code, _, stderr) = await Run();

        Assert.Equal(2, code);
        Assert.Contains("repatriation --help", stderr);
    }

    [Fact]
    public async Task HelpWord_ReadsAsHelpOption()
    {
        var (code, stdout, _) = await Run("help", "check");

        Assert.Equal(0, code);
        Assert.Contains("--decisions", stdout);
    }

    [Fact]
    public async Task Version_Exits0PrintingTheVersion()
    {
        var (code, stdout, _) = await Run("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--only-new", null)]
    public async Task Check_BadOptionValues_Exit2(string option, string? value)
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, _, stderr) = await Run(value is null ? ["check", file, option] : ["check", file, option, value]);

            Assert.Equal(2, code);
            Assert.StartsWith("error: ", stderr);
            Assert.Single(stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Bench_NotANumber_Exit2NamingTheOption()
    {
        var (code, _, stderr) = await Run("bench", "batch", "--manuscripts", "3");

        Assert.Equal(2, code);
        Assert.Contains("--manuscripts must be at least 10", stderr);
    }

    [Theory]
    [InlineData("forma", "--format")]
    [InlineData("--fial-on", "--fail-on")]
    [InlineData("--decision", "--decisions")]
    public void Suggestions_NearestKnownName(string typed, string expected)
    {
        Assert.Equal(expected, Suggestions.Nearest(typed.StartsWith('-') ? typed : "--" + typed, ["--format", "--facts", "--fail-on", "--decisions", "--output"]));
    }

    [Fact]
    public void Suggestions_NothingClose_None()
    {
        Assert.Null(Suggestions.Nearest("--zzzzzzzz", ["--format", "--facts"]));
    }
}

/// <summary>The real executable with its standard streams redirected, as in a CI log.</summary>
public sealed class RedirectedOutputTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("redirected-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Check_FolderWithStandardErrorRedirected_OnePlainProgressLinePerManuscriptAndAPlainTable()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "a.txt"), "At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.\n");
        File.WriteAllText(Path.Combine(_root.FullName, "b.txt"), "Some 50,000,000 people were returned in 1812 according to Churchill.\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "repatriation.dll"), "check", _root.FullName, "--output", Path.Combine(_root.FullName, "out")])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\[1/2\] .*a\.txt: \d+ claims, \d+ open, 0 dismissed$", lines[0]);
        Assert.Matches(@"^\[2/2\] .*b\.txt: \d+ claims, [1-9]\d* open, 0 dismissed$", lines[1]);
        Assert.DoesNotContain("\u001b", await stderr);
        var table = await stdout;
        Assert.Contains("total (2 files)", table);
        Assert.DoesNotContain("╭", table);
        Assert.Contains("open", table.Split('\n')[0]);
    }
}
