using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Functions.Tests.Support;
using Xunit.Abstractions;

namespace Repatriation.Functions.Tests;

/// <summary>
/// The published function app, started as the Functions host starts it, with the app settings infra/main.bicep
/// gives it but no host to talk to. The worker must get through all of Program.cs (configuration, DI, telemetry,
/// the logger providers and their exporters) and stop only because the host's gRPC endpoint refuses it.
/// </summary>
[Collection(PublishedWorkerCollection.Name)]
public sealed class PublishedWorkerTests(PublishedWorker worker, ITestOutputHelper output)
{
    private const string ClientId = "5b1f3c2e-8d4a-4e6b-9c7d-0a1b2c3d4e5f";

    /// <summary>The settings infra/main.bicep gives the function app, with loopback stand-ins for the Azure endpoints.</summary>
    private static Dictionary<string, string?> AzureAppSettings(int closedPort) => new()
    {
        ["AzureWebJobsStorage__blobServiceUri"] = "https://strepatexample.blob.core.windows.net/",
        ["AzureWebJobsStorage__queueServiceUri"] = "https://strepatexample.queue.core.windows.net/",
        ["AzureWebJobsStorage__credential"] = "managedidentity",
        ["AzureWebJobsStorage__clientId"] = ClientId,
        ["FactSet__ServiceUri"] = "https://strepatexample.blob.core.windows.net/",
        ["FactSet__Container"] = "factsets",
        ["FactSet__Blob"] = "repatriation.json",
        ["FactSet__RefreshSeconds"] = "60",
        ["Jobs__ManuscriptsContainer"] = "manuscripts",
        ["Jobs__Queue"] = "manuscript-checks",
        ["AZURE_CLIENT_ID"] = ClientId,
        // The platform sets these when the app has a managed identity; AzureCredentials then picks it directly.
        ["IDENTITY_ENDPOINT"] = $"http://127.0.0.1:{closedPort}/msi/token",
        ["IDENTITY_HEADER"] = "test",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:{closedPort}/;LiveEndpoint=http://127.0.0.1:{closedPort}/",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"ClientId={ClientId};Authorization=AAD",
        ["WEBSITE_SITE_NAME"] = "func-repat-test",
    };

    [Fact]
    public async Task Start_WithAzureSettingsAndNoHost_StopsOnlyAtTheHostConnection()
    {
        var port = PublishedWorker.ClosedLoopbackPort();

        var run = await worker.StartAsync(port, AzureAppSettings(port));

        AssertStoppedOnlyForWantOfHost(run);
    }

    [Fact]
    public async Task Start_LocalSettingsAndNoHost_StopsOnlyAtTheHostConnection()
    {
        var port = PublishedWorker.ClosedLoopbackPort();

        // No connection string, no identity, no storage: the shipped fact set and in-memory jobs, logs to the host.
        var run = await worker.StartAsync(port, new Dictionary<string, string?>());

        AssertStoppedOnlyForWantOfHost(run);
    }

    // The check above must be able to fail: a setting the worker cannot use ends it before the host connection.
    [Theory]
    [InlineData("Jobs__MaxDequeueCount", "0", "Jobs options must be positive.")]
    [InlineData("FactSet__RefreshSeconds", "sixty", "FactSet:RefreshSeconds")]
    public async Task Start_UnusableSetting_FailsBeforeTheHostConnection(string setting, string value, string expectedMessage)
    {
        var port = PublishedWorker.ClosedLoopbackPort();
        var settings = AzureAppSettings(port);
        settings[setting] = value;

        var run = await worker.StartAsync(port, settings);

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(run.UnhandledExceptionType is not null && run.UnhandledExceptionType != "Grpc.Core.RpcException", run.ToString());
        Assert.Contains(expectedMessage, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("GrpcWorkerClient.StartAsync", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_Folder_HoldsWhatTheHostReads()
    {
        var folder = worker.Folder;

        using var workerConfig = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "worker.config.json")));
        var description = workerConfig.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal(PublishedWorker.WorkerDll, description.GetProperty("defaultWorkerPath").GetString());

        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "host.json")));
        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());

        // The Application Insights SDK 3.x that crashed the worker must not come back through another package.
        Assert.False(File.Exists(Path.Combine(folder, "Microsoft.ApplicationInsights.dll")), "Microsoft.ApplicationInsights.dll is published");
        Assert.True(File.Exists(Path.Combine(folder, "Azure.Monitor.OpenTelemetry.Exporter.dll")));
    }

    [Fact]
    public void Publish_FunctionsMetadata_ListsEveryFunctionOfTheAssembly()
    {
        var declared = typeof(CheckFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(worker.Folder, "functions.metadata")));
        var published = metadata.RootElement.EnumerateArray().Select(function => function.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();

        Assert.True(declared.Count >= 10, $"{declared.Count} functions declared");
        Assert.Equal(declared, published);
    }

    /// <summary>
    /// The run ended with the runtime's unhandled-exception report of a gRPC "Unavailable" (connection refused) thrown
    /// while the worker's hosted service opened its stream to the host: everything before that point worked.
    /// </summary>
    private void AssertStoppedOnlyForWantOfHost(WorkerRun run)
    {
        output.WriteLine($"published in {worker.PublishTime.TotalSeconds:F1} s; the worker ran {run.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(run.UnhandledExceptionType == "Grpc.Core.RpcException", run.ToString());
        Assert.Contains("StatusCode=\"Unavailable\"", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("Connection refused", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("GrpcWorkerClient.StartAsync", run.StandardError, StringComparison.Ordinal);
        string[] startupFailures = ["TypeLoadException", "FileNotFoundException", "MissingMethodException", "OptionsValidationException", "Configuration is missing"];
        Assert.All(startupFailures, failure => Assert.DoesNotContain(failure, run.StandardError, StringComparison.Ordinal));
    }
}
