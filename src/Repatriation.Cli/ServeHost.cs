using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Api;
using Repatriation.Semantic;

namespace Repatriation.Cli;

/// <summary>
/// The HTTP API on ASP.NET Core: the same composition root and handlers as the function app, for
/// `serve`, its tests and the benchmark.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private ServeHost(WebApplication app, IReadOnlyList<Uri> urls)
    {
        App = app;
        Urls = urls;
    }

    public WebApplication App { get; }

    /// <summary>The addresses actually bound (a port 0 in the URL becomes the port the system picked).</summary>
    public IReadOnlyList<Uri> Urls { get; }

    public Uri BaseAddress => Urls[0];

    /// <param name="urls">Where to listen, e.g. http://127.0.0.1:7071 (port 0: any free port).</param>
    /// <param name="settings">Configuration that overrides the environment (tests, the benchmark).</param>
    /// <param name="configureServices">Registrations made before the composition root, which it keeps (tests).</param>
    public static WebApplication Build(
        string urls,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(ServeHost).Assembly.GetName().Name,
        });

        // Quieter defaults than ASP.NET Core's per-request logs; the environment (Logging__LogLevel__…) still overrides them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Azure"] = "Warning",
            },
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(urls);
        // The server's own limits sit above ServeGuards', so a request between the two gets a problem+json answer.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = ServeGuards.ServerLimitBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = ServeGuards.ServerLimitBytes;
        });
        configureServices?.Invoke(builder.Services);
        builder.Services.AddSemanticEngine();
        builder.AddRepatriationServices();
        builder.Services.AddRepatriationJobWorkers();
        builder.Services.AddMvcCore();

        var app = builder.Build();
        app.UseRepatriationProblems();
        app.UseProblemStatusPages();
        app.UseRequestLimits();
        app.UseServeHygiene();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapRepatriationApi();
        return app;
    }

    public static async Task<ServeHost> StartAsync(
        string urls,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var app = Build(urls, settings, configureServices);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a.Replace("://[::]", "://localhost", StringComparison.Ordinal)))
            .ToList() ?? [];
        return new ServeHost(app, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
