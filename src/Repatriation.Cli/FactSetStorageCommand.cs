using Azure;
using Microsoft.Extensions.Configuration;
using Repatriation.Storage;
using Repatriation.Storage.FactSets;

namespace Repatriation.Cli;

/// <summary>What `facts publish` and `facts pull` share: the blob named by the configuration, and one-line storage errors.</summary>
internal static class FactSetStorageCommand
{
    public static bool TryOpenStore(IConfiguration configuration, TextWriter stderr, out BlobFactSetStore store)
    {
        var options = new FactSetOptions();
        configuration.GetSection(FactSetOptions.SectionName).Bind(options);
        store = null!;
        if (options.UsesShippedFactSet)
        {
            CommandLine.Fail(stderr,
                "no fact-set storage is configured: set FactSet__ConnectionString (Azurite locally) or FactSet__ServiceUri, and optionally FactSet__Container and FactSet__Blob");
            return false;
        }

        try
        {
            store = FactSetBlobClientFactory.CreateStore(FactSetBlobClientFactory.CreateServiceClient(options), options);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            CommandLine.Fail(stderr, $"the fact-set storage settings are not usable: {e.Message}");
            return false;
        }
    }

    /// <summary>Storage failures as one line: what was tried, where, and what it answered.</summary>
    public static string Describe(Exception e, string origin) => e switch
    {
        FactSetStorageException s => s.Message,
        RequestFailedException { Status: 0 } r => $"cannot reach the fact-set storage at {origin}: {FirstLine(r.Message)}",
        RequestFailedException r => $"the fact-set storage at {origin} answered {r.Status} {r.ErrorCode}: {FirstLine(r.Message)}",
        AggregateException a => $"cannot reach the fact-set storage at {origin}: {FirstLine(a.InnerExceptions.LastOrDefault()?.Message ?? a.Message)}",
        _ => $"cannot reach the fact-set storage at {origin}: {FirstLine(e.Message)}",
    };

    public static bool IsStorageFailure(Exception e) =>
        e is FactSetStorageException or RequestFailedException or AggregateException or HttpRequestException
            or Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException;

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
