using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Repatriation.Core.Facts;
using Repatriation.Core.Input;

namespace Repatriation.Cli;

/// <summary>
/// Resolves `--facts`: nothing (the shipped fact set), a file, a folder holding repatriation.json, or a blob URL
/// (Azure or Azurite; a SAS in the URL, FactSet__ConnectionString, or DefaultAzureCredential authenticates).
/// </summary>
internal static class FactSetSource
{
    public const string DefaultFileName = "repatriation.json";

    public static async Task<FactSetSnapshot?> LoadAsync(string? facts, TextWriter stderr)
    {
        try
        {
            if (facts is null)
            {
                return FactSetLoader.LoadShipped();
            }

            if (Uri.TryCreate(facts, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                var download = await BlobFor(uri).DownloadContentAsync();
                return FactSetLoader.Load(StrictUtf8.Decode(download.Value.Content.ToMemory().Span, $"--facts {uri}"), uri.ToString(), download.Value.Details.ETag.ToString(), DateTimeOffset.UtcNow);
            }

            var path = Directory.Exists(facts) ? Path.Combine(facts, DefaultFileName) : facts;
            if (!File.Exists(path))
            {
                stderr.WriteLine($"error: --facts {facts}: no fact-set file at {path}");
                return null;
            }

            return FactSetLoader.Load(StrictUtf8.ReadFile(path), Path.GetFullPath(path), null, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is InvalidFactSetException or InvalidTextException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return null;
        }
        catch (RequestFailedException e)
        {
            stderr.WriteLine($"error: --facts {facts}: the blob could not be read ({e.Status} {e.ErrorCode})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AuthenticationFailedException or AggregateException or HttpRequestException)
        {
            stderr.WriteLine($"error: --facts {facts}: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    private static BlobClient BlobFor(Uri uri)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        var connectionString = Environment.GetEnvironmentVariable("FactSet__ConnectionString");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var parts = new BlobUriBuilder(uri);
            return new BlobClient(connectionString, parts.BlobContainerName, parts.BlobName, options);
        }

        return string.IsNullOrEmpty(uri.Query) && uri.Scheme == Uri.UriSchemeHttps
            ? new BlobClient(uri, new DefaultAzureCredential(), options)
            : new BlobClient(uri, options);
    }
}
