using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Repatriation.Storage.FactSets;

/// <summary>One fact-set version as read from blob storage.</summary>
public sealed record FactSetDownload(BinaryData Content, ETag ETag)
{
    /// <summary>The blob's text: strict UTF-8, a byte-order mark dropped; <see cref="Repatriation.Core.Input.InvalidTextException"/> names a bad byte.</summary>
    public string Json => Repatriation.Core.Input.StrictUtf8.Decode(Content.ToMemory().Span, "the fact-set blob");
}

/// <summary>
/// The fact-set blob: conditional reads by ETag for cheap refreshes, and conditional writes so two
/// editors publishing at once cannot silently overwrite each other.
/// </summary>
public sealed class BlobFactSetStore(BlobContainerClient container, string blobName)
{
    private readonly BlobClient _blob = container.GetBlobClient(blobName);

    /// <summary>The blob's address without any query (no SAS leaks into reports or logs).</summary>
    public string Origin => _blob.Uri.GetLeftPart(UriPartial.Path);

    /// <summary>Downloads the blob unless its ETag is still <paramref name="knownETag"/>; null then (a 304, no body sent).</summary>
    public async Task<FactSetDownload?> DownloadIfChangedAsync(ETag? knownETag, CancellationToken cancellationToken)
    {
        var options = new BlobDownloadOptions();
        if (knownETag is { } etag)
        {
            options.Conditions = new BlobRequestConditions { IfNoneMatch = etag };
        }

        try
        {
            var response = await _blob.DownloadContentAsync(options, cancellationToken);
            if (!response.HasValue)
            {
                return null;
            }

            return new FactSetDownload(response.Value.Content, response.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FactSetStorageException($"The fact-set blob {Origin} does not exist (publish one with `facts publish`).", e);
        }
    }

    public async Task<FactSetDownload> DownloadAsync(CancellationToken cancellationToken) =>
        await DownloadIfChangedAsync(null, cancellationToken)
        ?? throw new FactSetStorageException($"The fact-set blob {Origin} answered without content.");

    /// <summary>The blob's current ETag, or null when it does not exist yet.</summary>
    public async Task<ETag?> GetETagAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Uploads <paramref name="json"/> only when the blob still has <paramref name="ifMatch"/> as its ETag,
    /// or, when that is null, only when no blob exists yet. Throws <see cref="FactSetConflictException"/> otherwise.
    /// </summary>
    public async Task<ETag> UploadAsync(string json, ETag? ifMatch, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            Conditions = ifMatch is { } etag
                ? new BlobRequestConditions { IfMatch = etag }
                : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };

        try
        {
            var response = await _blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken);
            return response.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            var expected = ifMatch is { } seen ? $"ETag {seen}" : "no blob";
            throw new FactSetConflictException(
                $"The fact-set blob {Origin} changed since it was read (expected {expected}); pull the current version, merge your edits and publish again.",
                e);
        }
    }
}

/// <summary>Blob storage could not be read or written; the message says what and where.</summary>
public class FactSetStorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Someone else published a version since the ETag the editor last saw (HTTP 412).</summary>
public sealed class FactSetConflictException(string message, Exception inner) : FactSetStorageException(message, inner);
