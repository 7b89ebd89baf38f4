using Azure;
using Repatriation.Core.Facts;

namespace Repatriation.Storage.FactSets;

/// <summary>What a publish wrote.</summary>
public sealed record PublishResult(string FactSetId, string Version, ETag ETag, bool Created);

/// <summary>
/// Puts a fact set into blob storage for the service to pick up, and gets it back out. A fact set is
/// validated before it is uploaded, so the service never has to reject what an editor published.
/// </summary>
public sealed class FactSetPublisher(BlobFactSetStore store)
{
    /// <summary>
    /// Validates then uploads. With <paramref name="ifMatch"/>, only over that version (the one the editor
    /// pulled); without it, only when no fact set exists yet. Throws <see cref="InvalidFactSetException"/>
    /// or <see cref="FactSetConflictException"/>.
    /// </summary>
    public async Task<PublishResult> PublishAsync(string json, string origin, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var problems = FactSetValidator.Validate(json);
        if (problems.Count > 0)
        {
            throw new InvalidFactSetException(origin, problems);
        }

        var factSet = FactSetJson.Parse(json);
        var etag = await store.UploadAsync(json, ifMatch, cancellationToken);
        return new PublishResult(factSet.Id, factSet.Version, etag, ifMatch is null);
    }

    /// <summary>
    /// Publishes over whatever version is there now, still conditionally on the ETag read just before,
    /// so a publish racing another one fails instead of losing it.
    /// </summary>
    public async Task<PublishResult> PublishOverCurrentAsync(string json, string origin, CancellationToken cancellationToken)
    {
        var problems = FactSetValidator.Validate(json);
        if (problems.Count > 0)
        {
            throw new InvalidFactSetException(origin, problems);
        }

        var current = await store.GetETagAsync(cancellationToken);
        return await PublishAsync(json, origin, current, cancellationToken);
    }

    public Task<FactSetDownload> PullAsync(CancellationToken cancellationToken) => store.DownloadAsync(cancellationToken);
}
