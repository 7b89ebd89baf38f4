using System.CommandLine;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Repatriation.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Repatriation.Cli;

/// <summary>`serve [--urls URL]`: the HTTP API on this machine, the same handlers as the function app.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated URLs; port 0 picks a free port).",
            DefaultValueFactory = _ => DefaultUrl,
            HelpName = "URL",
        };
        var command = new Command("serve", "Serves the HTTP API (/api/…) on this machine with the same handlers as the function app. Api__Key asks for a key; AzureWebJobsStorage keeps jobs in storage.") { urls };
        command.SetAction((result, _) => RunAsync(result.GetValue(urls) ?? DefaultUrl, context.Stdout, context.Stderr));
        return command;
    }

    public static async Task<int> RunAsync(string urls, TextWriter stdout, TextWriter stderr)
    {
        ServeHost host;
        try
        {
            host = await ServeHost.StartAsync(urls);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException or UriFormatException)
        {
            return CommandLine.Fail(stderr, $"cannot serve on {urls}: {e.Message}");
        }

        await using (host)
        {
            var keyed = !string.IsNullOrEmpty(host.App.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Key);
            await stdout.WriteLineAsync(
                $"Serving the checker on {string.Join(", ", host.Urls)} (routes under /api{(keyed ? "; a key is required on every route but health" : "")}). Press Ctrl+C to stop.");
            if (host.App.Services.GetRequiredService<Repatriation.Storage.Jobs.IJobStorage>() is Repatriation.Storage.Jobs.InMemoryJobStorage)
            {
                await stdout.WriteLineAsync("Jobs are kept in memory (AzureWebJobsStorage is not set): they are lost when serve stops.");
            }
            await stdout.FlushAsync();
            await host.App.WaitForShutdownAsync();
        }

        return CommandLine.Clean;
    }
}
