namespace Repatriation.Storage;

/// <summary>Where the fact set lives. Bound from the configuration section "FactSet" (env: FactSet__…).</summary>
public sealed class FactSetOptions
{
    public const string SectionName = "FactSet";

    /// <summary>A storage connection string (Azurite locally).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service URI, used with DefaultAzureCredential (managed identity in Azure).</summary>
    public Uri? ServiceUri { get; set; }

    public string Container { get; set; } = "factsets";

    public string Blob { get; set; } = "repatriation.json";

    /// <summary>How often to look for a new version with a conditional request by ETag.</summary>
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>True when neither a connection string nor a service URI is set: use the shipped fact set.</summary>
    public bool UsesShippedFactSet => string.IsNullOrWhiteSpace(ConnectionString) && ServiceUri is null;
}
