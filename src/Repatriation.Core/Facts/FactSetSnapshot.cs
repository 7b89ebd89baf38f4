namespace Repatriation.Core.Facts;

/// <summary>
/// A validated fact set as loaded, with where it came from. Immutable: a refresh builds a new
/// snapshot and swaps the reference, so a check never sees half of one version and half of another.
/// </summary>
public sealed class FactSetSnapshot
{
    public FactSetSnapshot(FactSet factSet, string? etag, DateTimeOffset loadedAt, string origin)
    {
        FactSet = factSet;
        ETag = etag;
        LoadedAt = loadedAt;
        Origin = origin;
        Index = new FactIndex(factSet);
        Compiled = new Matching.CompiledFactSet(Index, Rules.EngineRules.Default);
    }

    public FactSet FactSet { get; }
    public string? ETag { get; }
    public DateTimeOffset LoadedAt { get; }
    /// <summary>"shipped:…", a file path, or a blob URI.</summary>
    public string Origin { get; }
    /// <summary>Lookups built once per version for the matcher and extractor.</summary>
    public FactIndex Index { get; }
    /// <summary>Everything the engine derives from this version (terms, names, units, matchers), built once here.</summary>
    public Matching.CompiledFactSet Compiled { get; }
}

/// <summary>Where hosts get the fact set in use now. Implementations swap snapshots atomically.</summary>
public interface IFactSetProvider
{
    FactSetSnapshot Current { get; }
}
