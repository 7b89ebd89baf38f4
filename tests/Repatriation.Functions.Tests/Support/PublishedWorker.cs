using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Repatriation.Functions.Tests.Support;

/// <summary>What one run of the published worker printed, and how it ended.</summary>
public sealed record WorkerRun(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The type of the exception the runtime printed as "Unhandled exception. T: …", if any.</summary>
    public string? UnhandledExceptionType
    {
        get
        {
            const string marker = "Unhandled exception. ";
            var at = StandardError.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var start = at + marker.Length;
            var end = StandardError.IndexOf(':', start);
            return end < 0 ? null : StandardError[start..end];
        }
    }

    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s\nstderr:\n{StandardError[..Math.Min(StandardError.Length, 6000)]}\nstdout:\n{StandardOutput[..Math.Min(StandardOutput.Length, 3000)]}";
}

/// <summary>
/// `dotnet publish src/Repatriation.Functions -c Release` into a temporary folder, once for every test that needs
/// it (the deploy guide's command; the zip it makes holds exactly this folder), and starts the published worker
/// the way the Functions host does, with the host's command line and environment, minus the host itself.
/// </summary>
public sealed class PublishedWorker : IAsyncLifetime
{
    public const string WorkerDll = "Repatriation.Functions.dll";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("published-worker-");

    public string Folder => Path.Combine(_root.FullName, "app");

    public TimeSpan PublishTime { get; private set; }

    public static string RepoRoot { get; } = Path.GetFullPath(
        typeof(PublishedWorker).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!);

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepoRoot, "src", "Repatriation.Functions", "Repatriation.Functions.csproj");
        var watch = Stopwatch.StartNew();
        var publish = await RunAsync(
            "dotnet", ["publish", project, "-c", "Release", "-o", Folder, "--nologo", "--disable-build-servers"], RepoRoot,
            new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, TimeSpan.FromMinutes(8));
        PublishTime = watch.Elapsed;
        if (publish.ExitCode != 0 || !File.Exists(Path.Combine(Folder, WorkerDll)))
        {
            throw new InvalidOperationException($"dotnet publish of the function app failed:\n{publish}");
        }
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A loopback port nothing listens on: the worker's gRPC connection to it is refused at once.</summary>
    public static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the published dll as the host would (dotnet-isolated's worker.config.json: `dotnet Repatriation.Functions.dll`
    /// with the host's gRPC arguments), pointing it at <paramref name="hostPort"/>, and waits for it to end.
    /// </summary>
    public Task<WorkerRun> StartAsync(int hostPort, IReadOnlyDictionary<string, string?> appSettings)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var uri = $"http://127.0.0.1:{hostPort}/";
        string[] arguments =
        [
            WorkerDll,
            "--host", "127.0.0.1", "--port", hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", uri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", "2147483647",
        ];

        // What the host puts in the worker's environment besides the app settings.
        var environment = new Dictionary<string, string?>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["FUNCTIONS_WORKER_RUNTIME_VERSION"] = "10.0",
            ["AzureWebJobsScriptRoot"] = Folder,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = Folder,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            // Anything the exporter keeps on disk stays in this run's folder.
            ["TMPDIR"] = _root.FullName,
        };
        foreach (var (name, value) in appSettings)
        {
            environment[name] = value;
        }

        return RunAsync("dotnet", arguments, Folder, environment, TimeSpan.FromMinutes(1));
    }

    private static async Task<WorkerRun> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own settings (a developer's shell, the test runner's MSBuild) must not reach the child.
        foreach (var inherited in start.Environment.Keys.Where(name => IsAppSetting(name) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new WorkerRun(-1, await stdout, $"(killed: still running after {timeout.TotalSeconds} s)\n" + await stderr, watch.Elapsed);
        }

        return new WorkerRun(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }

    private static bool IsAppSetting(string name) =>
        name.StartsWith("FactSet__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Jobs__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Api__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("APPLICATIONINSIGHTS_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("AZURE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Functions__", StringComparison.OrdinalIgnoreCase)
        || name is "IDENTITY_ENDPOINT" or "IDENTITY_HEADER" or "MSI_ENDPOINT" or "MSI_SECRET";
}

[CollectionDefinition(Name)]
public sealed class PublishedWorkerCollection : ICollectionFixture<PublishedWorker>
{
    public const string Name = "Published worker";
}
