using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repatriation.Api;
using Repatriation.Storage;

namespace Repatriation.Functions;

/// <summary>
/// Everything Program.cs does before Build(), in one place the tests call too, so a test that builds this host
/// builds the deployed worker's.
/// </summary>
public static class RepatriationWorkerExtensions
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>"ClientId=…;Authorization=AAD": the Functions host's setting, read here too so host and worker send alike.</summary>
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static FunctionsApplicationBuilder AddRepatriationWorker(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.AddRepatriationServices();
        // A setting the options cannot take stops the worker at start, naming it, rather than failing the first request.
        builder.Services.AddOptions<ApiOptions>().ValidateOnStart();
        builder.Services.AddOptions<FactSetOptions>().ValidateOnStart();
        builder.Services.AddOptions<JobsOptions>().ValidateOnStart();
        builder.AddRepatriationTelemetry();
        return builder;
    }

    /// <summary>
    /// OpenTelemetry to Application Insights when a connection string is configured (host.json's telemetryMode
    /// matches), signing in with the app's identity when ingestion is Entra-only. Its logger provider has no
    /// Warning floor, unlike the Application Insights SDK's, so Information logs arrive. Without a connection
    /// string the worker's logs go to the Functions host over gRPC as usual (local runs).
    /// </summary>
    public static IHostApplicationBuilder AddRepatriationTelemetry(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var entraOnly = UsesEntraId(builder.Configuration[AuthenticationStringKey]);
        builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                if (entraOnly)
                {
                    options.Credential = AzureCredentials.Create();
                }
            });
        return builder;
    }

    /// <summary>True when the authentication string asks for Entra ID ("Authorization=AAD"), as infra/main.bicep sets it.</summary>
    public static bool UsesEntraId(string? authenticationString) =>
        (authenticationString ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Any(pair => pair is [var key, var value]
                && key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                && value.Equals("AAD", StringComparison.OrdinalIgnoreCase));
}
