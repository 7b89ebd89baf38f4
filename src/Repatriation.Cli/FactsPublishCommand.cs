using System.CommandLine;
using Azure;
using Microsoft.Extensions.Configuration;
using Repatriation.Core.Facts;
using Repatriation.Storage.FactSets;

namespace Repatriation.Cli;

/// <summary>
/// `facts publish [FILE] [--if-match ETAG]`: validates FILE (default: the shipped fact set) and uploads it.
/// With --if-match only over that version (the one pulled before editing); without it, over the version
/// there now, still conditionally, so two publishes racing each other cannot both win.
/// </summary>
internal static class FactsPublishCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The fact-set JSON file to publish (default: the fact set that ships in the repository).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ifMatch = new Option<string?>("--if-match")
        {
            Description = "Publish only over this version (the ETag `facts pull` printed before editing).",
            HelpName = "ETAG",
        };
        var command = new Command("publish", "Validates FILE and uploads it to the configured blob; refuses an invalid fact set (exit 2).") { file, ifMatch };
        CommandLine.RejectOptionLikeValues(file, command);
        command.SetAction((result, _) => RunAsync(result.GetValue(file), result.GetValue(ifMatch), context.Configuration, context.Stdout, context.Stderr));
        return command;
    }

    /// <summary>`facts publish` with these arguments and this configuration (tests give their own storage).</summary>
    public static Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr) =>
        CommandLine.RunAsync(["facts", "publish", .. args], new CliContext(TextReader.Null, stdout, stderr, configuration));

    private static async Task<int> RunAsync(string? file, string? etag, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        ETag? ifMatch = etag is null ? null : Quoted(etag);
        string json;
        string origin;
        try
        {
            (json, origin) = file is null ? (ShippedFactSet.ReadJson(), ShippedFactSet.Origin) : (Repatriation.Core.Input.StrictUtf8.ReadFile(file), file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Repatriation.Core.Input.InvalidTextException)
        {
            return CommandLine.Fail(stderr, $"cannot read {file}: {e.Message}");
        }

        if (!FactSetStorageCommand.TryOpenStore(configuration, stderr, out var store))
        {
            return CommandLine.UsageOrInputError;
        }

        var publisher = new FactSetPublisher(store);
        try
        {
            var result = ifMatch is null
                ? await publisher.PublishOverCurrentAsync(json, origin, CancellationToken.None)
                : await publisher.PublishAsync(json, origin, ifMatch, CancellationToken.None);
            await stdout.WriteLineAsync(
                $"published fact set {result.FactSetId} version {result.Version} from {origin} to {store.Origin} (etag {result.ETag})");
            return CommandLine.Clean;
        }
        catch (InvalidFactSetException e)
        {
            return CommandLine.Fail(stderr, $"not published: {e.Message}");
        }
        catch (Exception e) when (FactSetStorageCommand.IsStorageFailure(e))
        {
            return CommandLine.Fail(stderr, $"not published: {FactSetStorageCommand.Describe(e, store.Origin)}");
        }
    }

    /// <summary>Blob ETags are quoted strings; a shell usually strips the quotes the pull printed.</summary>
    private static ETag Quoted(string etag) =>
        new(etag.StartsWith('"') || etag.StartsWith("W/", StringComparison.Ordinal) ? etag : $"\"{etag}\"");
}
