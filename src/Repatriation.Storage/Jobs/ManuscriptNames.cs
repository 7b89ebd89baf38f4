namespace Repatriation.Storage.Jobs;

/// <summary>
/// What a manuscript in a job may be called. The name decides how it is read (its extension) and is shown back to
/// the user; it never names a blob (blobs are named by the manuscript's key), but a name like ".." or "x/.." once
/// collapsed to another job's upload, so names that look like paths are refused outright.
/// </summary>
public static class ManuscriptNames
{
    public const int MaxLength = 255;

    /// <summary>Why <paramref name="name"/> is not acceptable, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "a name is required (its extension, .txt, .md, .html or .docx, says how to read the text)";
        }

        if (name.Length > MaxLength)
        {
            return $"the name is {name.Length:N0} characters; at most {MaxLength} are allowed";
        }

        if (name is "." or ".." || name.Trim() is "." or "..")
        {
            return $"'{name}' is not a file name";
        }

        foreach (var c in name)
        {
            if (c is '/' or '\\')
            {
                return $"'{name}' holds a path separator; give the file name alone";
            }

            if (char.IsControl(c) || char.IsSurrogate(c) && Repatriation.Core.Input.StrictUtf8.IndexOfLoneSurrogate(name) >= 0)
            {
                return "the name holds a control character or half of a surrogate pair";
            }
        }

        return null;
    }
}

/// <summary>Job storage could not be reached or did not answer in time; the request may be retried later.</summary>
public sealed class JobStorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a client should wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
}
