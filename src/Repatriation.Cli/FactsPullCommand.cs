using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Repatriation.Cli;

/// <summary>`facts pull [FILE]`: downloads the fact set in the configured blob, to FILE or standard output.</summary>
internal static class FactsPullCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "Where to write the fact set (default, or -: standard output).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("pull", "Downloads the fact set in the configured blob and prints its ETag (for `facts publish --if-match`).") { file };
        CommandLine.RejectOptionLikeValues(file, command);
        command.SetAction((result, _) => RunAsync(result.GetValue(file), context.Configuration, context.Stdout, context.Stderr));
        return command;
    }

    /// <summary>`facts pull` with these arguments and this configuration (tests give their own storage).</summary>
    public static Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr) =>
        CommandLine.RunAsync(["facts", "pull", .. args], new CliContext(TextReader.Null, stdout, stderr, configuration));

    private static async Task<int> RunAsync(string? given, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var file = given is null or "-" ? null : given;
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
