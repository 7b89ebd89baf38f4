using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>Job callbacks in the composition root: the store, the delivery with its Polly pipeline (and its telemetry), the sweeper.</summary>
public static class JobCallbackServiceExtensions
{
    /// <summary>The function app's rules (https to public addresses) unless a host registered its own policy first.</summary>
    public static IServiceCollection AddJobCallbacks(this IServiceCollection services)
    {
        services.AddOptions<JobCallbackOptions>().BindConfiguration(JobsOptions.SectionName)
            .Validate(o => o.CallbackDeliveryMinutes > 0 && o.CallbackRetrySeconds > 0 && o.CallbackAttemptTimeoutSeconds > 0, "Jobs callback settings must be positive.");
        services.TryAddSingleton(CallbackUrlPolicy.PublicOnly);
        services.TryAddSingleton<JobCallbackStore>();
        services.TryAddSingleton<JobCallbackHttpClient>();
        services.TryAddSingleton<JobCallbackDelivery>();
        services.TryAddSingleton<JobCallbackSweeper>();
        services.AddResiliencePipeline(JobCallbackDelivery.PipelineKey, (builder, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            builder.TimeProvider = time;
            JobCallbackDelivery.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<JobCallbackOptions>>().Value, time);
        });
        return services;
    }

    /// <summary>`serve`: http to loopback allowed, any address (it runs on the user's machine), and the sweeping loop.</summary>
    public static IServiceCollection AddJobCallbackWorker(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(CallbackUrlPolicy.LocalService));
        services.AddHostedService<JobCallbackWorker>();
        return services;
    }
}
