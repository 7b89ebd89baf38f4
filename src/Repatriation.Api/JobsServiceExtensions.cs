using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Api.Handlers;
using Repatriation.Storage;
using Repatriation.Storage.Jobs;
using Repatriation.Storage.Jobs.Callbacks;

namespace Repatriation.Api;

/// <summary>Jobs and the drop folder, part of the one composition root.</summary>
public static class JobsServiceExtensions
{
    /// <summary>
    /// Job storage from AzureWebJobsStorage (connection string, or __blobServiceUri and __queueServiceUri
    /// with a managed identity); without it, memory, which the log says. An IJobStorage registered earlier wins.
    /// </summary>
    public static IServiceCollection AddRepatriationJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName)
            .Validate(o => o.MaxDequeueCount > 0 && o.VisibilityTimeoutSeconds > 0 && o.PollSeconds > 0, "Jobs options must be positive.");
        services.TryAddSingleton<IJobStorage>(sp =>
        {
            var configured = JobStorageFactory.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IOptions<JobsOptions>>().Value);
            if (configured is not null)
            {
                return configured;
            }

            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobsServiceExtensions))
                .LogWarning("AzureWebJobsStorage is not set: jobs and reports are kept in memory and are lost when the service stops");
            return new InMemoryJobStorage(sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<JobService>();
        services.TryAddSingleton<ManuscriptProcessor>();
        services.TryAddSingleton<SubmitJobHandler>();
        services.TryAddSingleton<GetJobHandler>();
        services.TryAddSingleton<JobReportHandler>();
        services.TryAddSingleton<JobBaselines>();
        services.AddJobCallbacks();
        return services;
    }

    /// <summary>`serve` only: the queue worker and the drop-folder watcher that the function app's triggers stand for.</summary>
    public static IServiceCollection AddRepatriationJobWorkers(this IServiceCollection services)
    {
        services.AddHostedService<JobQueueWorker>();
        services.AddHostedService<DropFolderWatcher>();
        services.AddJobCallbackWorker();
        return services;
    }
}
