using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Repatriation.Testing;

namespace Repatriation.Cli.Tests.Jobs;

/// <summary>
/// Real Azurite blob and queue services (node_modules/.bin/azurite-blob and azurite-queue) on free loopback
/// ports, in memory: what jobs need of AzureWebJobsStorage. The blob half is the shared AzuriteServer.
/// </summary>
public sealed class AzuriteJobsFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _queue;
    private int _queuePort;

    public AzuriteServer Blobs { get; private set; } = null!;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Blobs.Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        Blobs = await AzuriteServer.StartNewAsync();
        _queuePort = AzuriteServer.FreePort();
        var executable = Path.Combine(AzuriteServer.RepositoryRoot(), "node_modules", ".bin", "azurite-queue");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in (string[])["--skipApiVersionCheck", "--inMemoryPersistence", "--disableTelemetry", "--silent",
                     "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        _queue = Process.Start(start) ?? throw new InvalidOperationException("azurite-queue did not start.");
        _queue.OutputDataReceived += (_, _) => { };
        _queue.ErrorDataReceived += (_, _) => { };
        _queue.BeginOutputReadLine();
        _queue.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await AzuriteServer.AcceptsAsync(_queuePort))
        {
            if (_queue.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"azurite-queue did not come up on port {_queuePort}.");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_queue is { HasExited: false })
        {
            _queue.Kill(entireProcessTree: true);
            await _queue.WaitForExitAsync();
        }

        _queue?.Dispose();
        await Blobs.DisposeAsync();
    }
}
