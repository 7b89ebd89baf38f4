using System.Diagnostics;

namespace Repatriation.Cli.Tests.Check;

/// <summary>
/// What a careless or hostile command line hands `check`: devices, pipes, link loops, unreadable folders, random
/// bytes on standard input. Each must end in one line and exit code 2 while every other input is still checked.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileInputTests : IDisposable
{
    private const string Prose = "In 1945 the British handed over about 2,272,000 people to the Soviet authorities.\n";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("hostile-cli-");

    private DirectoryInfo? _locked;

    // Not a recursive walk: .NET's own enumeration follows the link loops these tests build.
    public void Dispose()
    {
        _locked?.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        _root.Delete(recursive: true);
    }

    private string Write(string relative, string content) => CommandLineRun.Write(_root, relative, content);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLineRun.RunAsync(args);

    private static void AssertOneLinePerProblem(string stderr, int problems)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(problems, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("error: ", l));
        Assert.DoesNotContain("   at ", stderr);
    }

    [SkippableTheory]
    [InlineData("/dev/zero", "character device")]
    [InlineData("/dev/urandom", "character device")]
    [InlineData("/dev/null", "character device")]
    public async Task Check_Device_IsRefusedWithOneLineAndTheOtherInputIsChecked(string device, string said)
    {
        Skip.IfNot(File.Exists(device), $"{device} is not on this system");
        var good = Write("good.txt", Prose);

        var (code, stdout, stderr) = await Run("check", device, good, "--format", "json", "--fail-on", "none");

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains(said, stderr);
        Assert.Contains("2,272,000", stdout);
    }

    [SkippableFact]
    public async Task Check_NamedPipe_IsRefusedWithoutBlocking()
    {
        Skip.If(OperatingSystem.IsWindows(), "named pipes in the file system are a Unix thing");
        var pipe = Path.Combine(_root.FullName, "chapter.txt");
        MakeFifo(pipe);
        var good = Write("good.txt", Prose);

        // A reader that opened the pipe would block here forever; the test would time out instead of failing.
        var run = Run("check", pipe, good, "--format", "json", "--fail-on", "none");
        var (code, stdout, stderr) = await run.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains("named pipe", stderr);
        Assert.Contains("2,272,000", stdout);
    }

    [SkippableFact]
    public async Task Check_FolderWithAPipeALoopAndADanglingLink_ChecksTheRealFilesAndNamesEachProblem()
    {
        Skip.If(OperatingSystem.IsWindows(), "named pipes in the file system are a Unix thing");
        Write("book/ch1.txt", Prose);
        Write("book/part/ch2.txt", Prose);
        MakeFifo(Path.Combine(_root.FullName, "book", "part", "pipe.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "book", "part", "again"), Path.Combine(_root.FullName, "book"));
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "book", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "book", "gone.txt"), Path.Combine(_root.FullName, "nowhere.txt"));
        var output = Path.Combine(_root.FullName, "out");

        var (code, _, stderr) = await Run("check", Path.Combine(_root.FullName, "book"), "--output", output, "--format", "json", "--fail-on", "none")
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, code);
        Assert.Contains("pipe.txt: a named pipe", stderr);
        Assert.Contains("a loop", stderr);
        Assert.Contains("gone.txt", stderr);
        Assert.DoesNotContain("   at ", stderr);
        var reports = Directory.EnumerateFiles(output, "*.report.json", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order().ToList();
        // The real files once each; ".." leads out of the folder, and what it finds there (the out folder) holds no manuscript yet.
        Assert.Contains("ch1.txt.report.json", reports);
        Assert.Contains("ch2.txt.report.json", reports);
        Assert.True(reports.Count <= 4, string.Join(", ", reports));
    }

    [SkippableFact]
    public async Task Check_UnreadableSubfolder_IsReportedAndTheRestChecked()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        Write("book/ch1.txt", Prose);
        Write("book/locked/ch2.txt", Prose);
        var locked = _locked = new DirectoryInfo(Path.Combine(_root.FullName, "book", "locked"));
        _root.UnixFileMode |= UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        new DirectoryInfo(Path.Combine(_root.FullName, "book")).UnixFileMode |= UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Path.Combine(_root.FullName, "book", "ch1.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        locked.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

        // Root reads every folder whatever its mode, so as root the real command runs as nobody.
        var (code, stdout, stderr) = await RunProcessAsync(["check", Path.Combine(_root.FullName, "book"), "--format", "json", "--fail-on", "none"], stdin: null, asNobody: Environment.UserName == "root");

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains("locked", stderr);
        Assert.Contains("cannot be read", stderr);
        Assert.Contains("2,272,000", stdout);
    }

    [Fact]
    public async Task Check_RandomBytesOnStandardInput_AreRefusedNotCheckedAsText()
    {
        var bytes = new byte[4096];
        new Random(12).NextBytes(bytes);

        var (code, stdout, stderr) = await RunProcessAsync(["check", "-", "--format", "json"], bytes, asNobody: false);

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains("standard input", stderr);
        Assert.Equal("", stdout.Trim().Trim('[', ']').Trim());
    }

    [Fact]
    public async Task Check_InvalidUtf8OnStandardInput_NamesTheOffset()
    {
        var bytes = "In 1945 the British handed over 2,272,000 people \xFF."u8.ToArray();
        bytes = [.. "In 1945 "u8, 0xC3, 0x28, .. " people."u8];

        var (code, _, stderr) = await RunProcessAsync(["check", "-"], bytes, asNobody: false);

        Assert.Equal(2, code);
        Assert.Contains("offset 8", stderr);
    }

    [Fact]
    public async Task Check_ByteOrderMarkOnStandardInput_IsDroppedAndTheTextChecked()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Prose)];

        var (code, stdout, stderr) = await RunProcessAsync(["check", "-", "--format", "json", "--fail-on", "none"], bytes, asNobody: false);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("\"offset\":", stdout);
        Assert.Contains("2,272,000", stdout);
    }

    [Fact]
    public async Task FactsValidate_FileStartingWithAByteOrderMark_IsValid()
    {
        var path = Path.Combine(_root.FullName, "bom.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Repatriation.Core.Facts.ShippedFactSet.ReadJson())]);

        var (code, stdout, stderr) = await Run("facts", "validate", path);

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        Assert.Contains("valid fact set", stdout);
    }

    [Fact]
    public async Task FactsValidate_FileWithInvalidUtf8_IsRefusedNamingTheOffset()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Repatriation.Core.Facts.ShippedFactSet.ReadJson());
        var at = Array.IndexOf(bytes, (byte)'"', 100);
        bytes[at + 1] = 0xFF;
        var path = Path.Combine(_root.FullName, "bad.json");
        File.WriteAllBytes(path, bytes);

        var (code, _, stderr) = await Run("facts", "validate", path);

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains($"offset {at + 1:N0}", stderr);
    }

    [Fact]
    public async Task Check_FactsFileWithInvalidUtf8_IsRefusedNamingTheOffset()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Repatriation.Core.Facts.ShippedFactSet.ReadJson());
        bytes[200] = 0xFE;
        var facts = Path.Combine(_root.FullName, "facts.json");
        File.WriteAllBytes(facts, bytes);

        var (code, _, stderr) = await Run("check", Write("a.txt", Prose), "--facts", facts);

        Assert.Equal(2, code);
        Assert.Contains("offset 200", stderr);
    }

    [Fact]
    public async Task Check_DocxBomb_ExitsTwoWithOneLineAndChecksTheOthers()
    {
        var bomb = Path.Combine(_root.FullName, "bomb.docx");
        File.WriteAllBytes(bomb, Jobs.JobsHardeningTests.DocxBomb());
        var good = Write("good.txt", Prose);

        var (code, stdout, stderr) = await Run("check", bomb, good, "--format", "json", "--fail-on", "none");

        Assert.Equal(2, code);
        AssertOneLinePerProblem(stderr, 1);
        Assert.Contains("inflates", stderr);
        Assert.Contains("2,272,000", stdout);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>The real command line in its own process: standard input as bytes, as a shell pipes them.</summary>
    internal static async Task<(int Code, string Out, string Err)> RunProcessAsync(string[] args, byte[]? stdin, bool asNobody)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "repatriation.dll");
        var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            Skip.IfNot(File.Exists("/usr/bin/setpriv") && AllCanRead(AppContext.BaseDirectory), "running as root without setpriv or a world-readable build");
            foreach (var a in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet"])
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            start.Environment["HOME"] = Path.GetTempPath();
        }

        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    private static bool AllCanRead(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
