using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Api.Handlers;
using Repatriation.Storage.Jobs;

namespace Repatriation.Functions.Tests;

/// <summary>
/// The worker's host built in-process with Program.cs's own wiring (<see cref="RepatriationWorkerExtensions.AddRepatriationWorker"/>):
/// every function class can be made from it, and its telemetry sends Information logs to Application Insights.
/// </summary>
public sealed class WorkerHostTests
{
    private const string InstrumentationKey = "00000000-0000-0000-0000-000000000000";

    private static IHost BuildWorkerHost(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        // Fails the build on any registration whose dependencies cannot be met, not only those a test happens to resolve.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        builder.AddRepatriationWorker();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public static TheoryData<Type> FunctionClasses()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(CheckFunction).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null)))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void FunctionClasses_Found_CoverTheAssembly() => Assert.True(FunctionClasses().Count >= 10, $"{FunctionClasses().Count} function classes");

    // The worker makes each function class per invocation with ActivatorUtilities from the invocation's scope.
    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void FunctionClass_FromWorkerHost_IsCreatedWithItsDependencies(Type functionClass)
    {
        using var host = BuildWorkerHost([]);
        using var scope = host.Services.CreateScope();

        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    [Fact]
    public void Telemetry_EntraOnlyAuthenticationString_ExporterSignsInWithTheIdentity()
    {
        using var host = BuildWorkerHost(new()
        {
            [RepatriationWorkerExtensions.ConnectionStringKey] = $"InstrumentationKey={InstrumentationKey}",
            [RepatriationWorkerExtensions.AuthenticationStringKey] = "ClientId=5b1f3c2e-8d4a-4e6b-9c7d-0a1b2c3d4e5f;Authorization=AAD",
        });

        var options = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.NotNull(options.Credential);
        Assert.Contains(InstrumentationKey, options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemetry_NoConnectionString_NoExporter()
    {
        using var host = BuildWorkerHost([]);

        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), provider => provider.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", true)]
    [InlineData("Authorization = aad", true)]
    [InlineData("ClientId=abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void UsesEntraId_AuthenticationString_ReadsAuthorization(string? authenticationString, bool expected) =>
        Assert.Equal(expected, RepatriationWorkerExtensions.UsesEntraId(authenticationString));

    /// <summary>
    /// Information logs of our own categories reach the Application Insights ingestion endpoint: the Azure Monitor
    /// exporter, as wired for the worker, posts to a local stand-in for ingestion and the "Checked …" messages arrive.
    /// </summary>
    [Fact]
    public async Task Telemetry_InformationLogs_ArriveAtIngestion()
    {
        await using var ingestion = await IngestionStandIn.StartAsync();
        var host = BuildWorkerHost(
            new()
            {
                [RepatriationWorkerExtensions.ConnectionStringKey] = $"InstrumentationKey={InstrumentationKey};IngestionEndpoint={ingestion.Url}",
                // Read when the worker's hosted service is made (it is not started here).
                ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9/",
            },
            services => services.Configure<AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true));
        // The exporter attaches to the logger provider when the host starts; start every hosted service but the
        // worker's connection to the Functions host, which this test has none of.
        var started = host.Services.GetServices<IHostedService>()
            .Where(service => !service.GetType().Assembly.GetName().Name!.StartsWith("Microsoft.Azure.Functions.Worker", StringComparison.Ordinal))
            .ToList();
        foreach (var service in started)
        {
            await service.StartAsync(CancellationToken.None);
        }

        // The report streams while the text is checked, so the check (and its log) happens as the answer is written.
        var checkAnswer = await host.Services.GetRequiredService<CheckHandler>().HandleAsync(JsonRequest("""{"text": "Repatriation from Lienz began on 1 June 1945.", "name": "lienz.txt"}"""), CancellationToken.None);
        var answerContext = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await checkAnswer.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(answerContext, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        await host.Services.GetRequiredService<ManuscriptProcessor>().ProcessDropAsync("drop/fort-dix.txt", BinaryData.FromString("Fort Dix, 1945."), CancellationToken.None);
        // Stopping and disposing flushes the exporter's batch, as the worker does when it stops.
        foreach (var service in started)
        {
            await service.StopAsync(CancellationToken.None);
        }

        host.Dispose();

        var posted = string.Join("\n", ingestion.Bodies);
        var messages = posted.Split('\n').Where(line => line.Contains("\"MessageData\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(messages, line => line.Contains("lienz.txt", StringComparison.Ordinal) && line.Contains("\"Information\"", StringComparison.Ordinal)
            && line.Contains(typeof(CheckHandler).FullName!, StringComparison.Ordinal));
        Assert.Contains(messages, line => line.Contains("fort-dix.txt", StringComparison.Ordinal) && line.Contains("\"Information\"", StringComparison.Ordinal)
            && line.Contains(typeof(ManuscriptProcessor).FullName!, StringComparison.Ordinal));
    }

    private static HttpRequest JsonRequest(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/check";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    /// <summary>Accepts what the Azure Monitor exporter posts to {IngestionEndpoint}v2.1/track and keeps the bodies.</summary>
    private sealed class IngestionStandIn(WebApplication app, string url) : IAsyncDisposable
    {
        public ConcurrentQueue<string> Bodies { get; } = new();

        public string Url => url;

        public static async Task<IngestionStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            var app = builder.Build();
            IngestionStandIn? standIn = null;
            app.MapPost("/v2.1/track", async context =>
            {
                Stream body = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                    ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
                    : context.Request.Body;
                using var reader = new StreamReader(body);
                var text = await reader.ReadToEndAsync();
                standIn!.Bodies.Enqueue(text);
                var count = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"itemsReceived":{{count}},"itemsAccepted":{{count}},"errors":[]}""");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            standIn = new IngestionStandIn(app, address.TrimEnd('/') + "/");
            return standIn;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
