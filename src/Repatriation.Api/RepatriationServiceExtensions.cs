using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Repatriation.Api.Handlers;
using Repatriation.Api.LanguageTool;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Semantic;
using Repatriation.Storage;
using Repatriation.Storage.FactSets;

namespace Repatriation.Api;

/// <summary>The one composition root: the function app, `serve` and the tests all start here.</summary>
public static class RepatriationServiceExtensions
{
    /// <summary>The key of the <see cref="BlobServiceClient"/> for the fact set (jobs use the app's own storage account).</summary>
    public const string FactSetBlobClientKey = "factset";

    /// <summary>
    /// Registers options, the fact-set provider (blob-backed when FactSet__ConnectionString or
    /// FactSet__ServiceUri is set, else the shipped fact set), its refresh loop, the engine and the
    /// HTTP handlers. Registrations made before this call (a TimeProvider, an IFactSetSource) win.
    /// </summary>
    public static IHostApplicationBuilder AddRepatriationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FactSetOptions>().BindConfiguration(FactSetOptions.SectionName);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName)
            .Validate(o => o.MaxTextBytes > 0, "Api:MaxTextBytes must be positive.");

        services.TryAddKeyedSingleton(FactSetBlobClientKey, (sp, _) =>
            FactSetBlobClientFactory.CreateServiceClient(sp.GetRequiredService<IOptions<FactSetOptions>>().Value));
        services.TryAddSingleton(sp => FactSetBlobClientFactory.CreateStore(
            sp.GetRequiredKeyedService<BlobServiceClient>(FactSetBlobClientKey),
            sp.GetRequiredService<IOptions<FactSetOptions>>().Value));
        services.TryAddSingleton<IFactSetSource>(sp =>
            sp.GetRequiredService<IOptions<FactSetOptions>>().Value.UsesShippedFactSet
                ? new ShippedFactSetProvider(sp.GetRequiredService<TimeProvider>())
                : ActivatorUtilities.CreateInstance<BlobFactSetProvider>(sp));
        services.TryAddSingleton<IFactSetProvider>(sp => sp.GetRequiredService<IFactSetSource>());
        services.AddHostedService<FactSetRefreshService>();

        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.SectionName);
        services.TryAddSingleton(sp => new ClaimChecker(SemanticReaderIfOn(sp)));
        services.TryAddSingleton<CheckHandler>();
        services.TryAddSingleton<FactSetHandler>();
        services.TryAddSingleton<HealthHandler>();
        services.TryAddSingleton<OpenApiHandler>();
        services.TryAddSingleton<LanguageToolReportMapper>();
        services.TryAddSingleton<LanguageToolCheckHandler>();
        services.TryAddSingleton<LanguageToolLanguagesHandler>();
        services.TryAddSingleton<UiHandler>();
        services.TryAddSingleton<DocumentTextHandler>();
        services.TryAddSingleton<ReportDownloadHandler>();
        services.AddRepatriationJobs();
        return builder;
    }

    /// <summary>The semantic reader when Engine:Semantic is on; a clear start-up error when the host did not register the model.</summary>
    private static SemanticReader? SemanticReaderIfOn(IServiceProvider services) =>
        !services.GetRequiredService<IOptions<EngineOptions>>().Value.Semantic ? null
        : services.GetService<SemanticReader>()
          ?? throw new InvalidOperationException("Engine:Semantic is on, but this host does not ship the sentence model: register it with AddSemanticEngine() (Repatriation.Semantic), or turn Engine:Semantic off.");
}
