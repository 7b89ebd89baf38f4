using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Repatriation.Storage.Jobs;

public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>A job as stored in the jobs container: which manuscripts it asked for. Their states live with their reports.</summary>
public sealed record JobRecord(string Id, DateTimeOffset CreatedAt, IReadOnlyList<JobEntry> Manuscripts);

/// <summary>
/// One manuscript of a job. <see cref="Key"/> (name + content hash) is the idempotency key: the same
/// manuscript submitted again shares its upload, its queue message and its reports.
/// </summary>
public sealed record JobEntry(string Name, string Key, string Blob);

/// <summary>The queue message: one manuscript to check.</summary>
public sealed record WorkItem(string Key, string Name, string Blob);

/// <summary>What a manuscript that could not be checked left behind, instead of a report.</summary>
/// <param name="Retryable">True when storage or the service failed rather than the manuscript: submitting it again tries again.</param>
public sealed record ErrorRecord(string Name, string Error, long Attempts, DateTimeOffset At, bool Retryable);

/// <summary>GET /api/jobs/{id}: the contract's fields, the reports embedded as they were written.</summary>
public sealed record JobStatus(string Id, string State, IReadOnlyList<ManuscriptStatus> Manuscripts)
{
    /// <summary>Extra: where jobs are kept ("azure-storage" or "memory").</summary>
    public string? Storage { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

public sealed record ManuscriptStatus(string Name, string State, JsonNode? Report, string? Error)
{
    /// <summary>Extra: the blob names of the JSON, SARIF and HTML reports in the reports container.</summary>
    public IReadOnlyList<string>? ReportBlobs { get; init; }

    /// <summary>Extra: where the JSON report can be fetched alone (GET), whether or not <see cref="Report"/> embeds it.</summary>
    public string? ReportUrl { get; init; }
}

public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BinaryData Serialize<T>(T value) => BinaryData.FromString(JsonSerializer.Serialize(value, Options));

    public static T Deserialize<T>(BinaryData data) =>
        JsonSerializer.Deserialize<T>(data.ToMemory().Span, Options) ?? throw new JsonException($"A {typeof(T).Name} was null.");

    /// <summary>The idempotency key: a hash of the name and of the content's hash.</summary>
    public static string KeyFor(string name, ReadOnlySpan<byte> content)
    {
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(content));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\0" + contentHash)))[..40];
    }

    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
