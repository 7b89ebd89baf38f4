namespace Repatriation.Storage;

/// <summary>Where the fact set lives. Bound from the configuration section "FactSet" (env: FactSet__…).</summary>
public sealed class FactSetOptions
{
    public const string SectionName = "FactSet";

    /// <summary>A storage connection string (Azurite locally).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service URI, signed in to with <see cref="AzureCredentials"/> (the managed identity in Azure).</summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = "factsets";

    public string Blob { get; set; } = "repatriation.json";

    /// <summary>How often to look for a new version with a conditional request by ETag.</summary>
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>
    /// The longest one refresh (or the load at start) may take, all of the SDK's own retries included,
    /// so a slow storage account never holds up start-up or piles up refreshes.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>After this many failed refreshes in a row the circuit opens and refreshes are skipped for <see cref="BreakSeconds"/>.</summary>
    public int FailuresBeforeBreak { get; set; } = 3;

    public int BreakSeconds { get; set; } = 30;

    /// <summary>True when neither a connection string nor a service URI is set: use the shipped fact set.</summary>
    public bool UsesShippedFactSet => string.IsNullOrWhiteSpace(ConnectionString) && ServiceUri is null;
}
