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
    private const string Usage = "usage: facts publish [FILE] [--if-match ETAG]";

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        ETag? ifMatch = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--if-match" when i + 1 < args.Length:
                    ifMatch = Quoted(args[++i]);
                    break;
                case "--if-match":
                    return CommandLine.Fail(stderr, $"--if-match needs the ETag printed by `facts pull`. {Usage}");
                case var a when a.StartsWith('-') && a != "-":
                    return CommandLine.Fail(stderr, $"unknown option '{a}'. {Usage}");
                case var a when file is null:
                    file = a;
                    break;
                default:
                    return CommandLine.Fail(stderr, $"publish takes one FILE. {Usage}");
            }
        }

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
