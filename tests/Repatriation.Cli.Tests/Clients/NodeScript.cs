using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Repatriation.Cli.Tests.Clients;

/// <summary>Runs a node script of tests/clients against a server, the way an outside client would talk to it.</summary>
internal static class NodeScript
{
    public static readonly bool InCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string RepoRoot { get; } = FindRepoRoot();

    public sealed record Result(int ExitCode, string Output);

    /// <summary>
    /// What is missing to run browser or node tests, or null. In CI that is a failure with this message;
    /// elsewhere the test is skipped with it.
    /// </summary>
    public static string? Missing(bool needsChromium)
    {
        if (!CanRun("node", "--version"))
        {
            return "node is not installed (apt-get install -y nodejs, or Node 18+).";
        }

        if (needsChromium)
        {
            if (!File.Exists(ChromiumPath))
            {
                return $"Chromium is not at {ChromiumPath}: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).";
            }

            if (!File.Exists(Path.Combine(RepoRoot, "node_modules", "playwright-core", "package.json")))
            {
                return "playwright-core is not installed: run npm ci in the repository root.";
            }
        }

        return null;
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Skips the test when something it needs is missing, except in CI, where that fails it.</summary>
    public static void RequireOrSkip(bool needsChromium)
    {
        var missing = Missing(needsChromium);
        if (missing is null)
        {
            return;
        }

        if (InCi)
        {
            Assert.Fail($"CI is set and this test cannot run: {missing}");
        }

        Skip.If(true, missing);
    }

    public static async Task<Result> RunAsync(string script, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot, "tests", "clients", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (!start.Environment.ContainsKey("CHROMIUM_PATH"))
        {
            start.Environment["CHROMIUM_PATH"] = ChromiumPath;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lockObject = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (lockObject)
            {
                Assert.Fail($"node {script} did not finish in {timeout.TotalSeconds:N0} s; output so far:\n{output}");
            }
        }

        // WaitForExitAsync returns once the output streams have closed too.
        lock (lockObject)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static bool CanRun(string file, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Repatriation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Repatriation.sln above {AppContext.BaseDirectory}.");
    }
}
