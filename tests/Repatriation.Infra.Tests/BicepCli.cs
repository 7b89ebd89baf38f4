using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Repatriation.Infra.Tests;

/// <summary>What one run of the Bicep CLI printed.</summary>
public sealed record BicepResult(string Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    // Bicep reports type errors as warnings and still exits 0, so a clean run is exit 0 AND no diagnostic line.
    private static readonly Regex Diagnostic = new(@"\) : (Warning|Error|Info) ", RegexOptions.CultureInvariant);

    public IReadOnlyList<string> Diagnostics =>
        (StandardError + "\n" + StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => Diagnostic.IsMatch(line))
            .ToList();

    public bool IsClean => ExitCode == 0 && Diagnostics.Count == 0 && StandardError.Trim().Length == 0;

    public override string ToString() =>
        $"bicep {Arguments} exited {ExitCode}\nstderr:\n{StandardError}\nstdout (start):\n{StandardOutput[..Math.Min(StandardOutput.Length, 2000)]}";
}

/// <summary>Runs the Bicep CLI that the Azure.Bicep.CommandLine.linux-x64 package restored.</summary>
public static class BicepCli
{
    private static readonly Lazy<string> ExecutablePath = new(LocateExecutable);

    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("RepoRoot"));

    public static string InfraDirectory => Path.Combine(RepoRoot, "infra");

    public static string Executable => ExecutablePath.Value;

    public static async Task<BicepResult> RunAsync(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The parameters file reads this variable; a developer's shell must not change what the tests see.
        start.Environment.Remove("FACTSET_PUBLISHER_PRINCIPAL_ID");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 2 minutes");
        }

        return new BicepResult(string.Join(' ', arguments), process.ExitCode, await stdout, await stderr);
    }

    private static string LocateExecutable()
    {
        var path = Metadata("BicepPath");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not where the NuGet package should have put it; restore the test project. Looked at {path}", path);
        }

        // NuGet extracts package files without guaranteeing the execute bit (the package is linux-x64 only).
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The tests use Azure.Bicep.CommandLine.linux-x64; run them on Linux.");
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; it is set in the test project file.");
}
