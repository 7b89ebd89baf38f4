using Microsoft.Extensions.Configuration;

namespace Repatriation.Cli;

/// <summary>`facts pull [FILE]`: downloads the fact set in the configured blob, to FILE or standard output.</summary>
internal static class FactsPullCommand
{
    private const string Usage = "usage: facts pull [FILE]";

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 1 || (args.Length == 1 && args[0].StartsWith('-') && args[0] != "-"))
        {
            return CommandLine.Fail(stderr, Usage);
        }

        var file = args.Length == 1 && args[0] != "-" ? args[0] : null;
        if (!FactSetStorageCommand.TryOpenStore(configuration, stderr, out var store))
        {
            return CommandLine.UsageOrInputError;
        }

        Storage.FactSets.FactSetDownload download;
        try
        {
            download = await store.DownloadAsync(CancellationToken.None);
        }
        catch (Exception e) when (FactSetStorageCommand.IsStorageFailure(e))
        {
            return CommandLine.Fail(stderr, $"not pulled: {FactSetStorageCommand.Describe(e, store.Origin)}");
        }

        if (file is null)
        {
            await stdout.WriteAsync(download.Json);
            return CommandLine.Clean;
        }

        try
        {
            // Written beside the target then moved, so a failed write never leaves half a fact set behind.
            var full = Path.GetFullPath(file);
            var temporary = full + ".tmp";
            await File.WriteAllTextAsync(temporary, download.Json);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CommandLine.Fail(stderr, $"cannot write {file}: {e.Message}");
        }

        // The ETag is what `facts publish FILE --if-match ETAG` needs after editing.
        await stdout.WriteLineAsync($"pulled {store.Origin} to {file} (etag {download.ETag})");
        return CommandLine.Clean;
    }
}
