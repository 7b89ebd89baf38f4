using System.Diagnostics;
using System.Runtime.CompilerServices;
using Repatriation.Core.Matching;

namespace Repatriation.Core.Semantic;

/// <summary>
/// Sentence similarity as a second reading for figures and dates that the words around them tie to nothing in the
/// fact set. It embeds the fact set's texts once per compiled version and each such claim's sentence once per check;
/// a measure, event or act alike enough to the sentence may bear the claim out when its value fits, and otherwise the
/// most alike fact is named as the closest one. It never makes a claim wrong (see <see cref="SemanticSettings"/>).
/// </summary>
public sealed class SemanticReader
{
    private readonly ISentenceEmbedder _embedder;
    private readonly ConditionalWeakTable<CompiledFactSet, Lazy<SemanticFactIndex>> _indexes = new();
    private long _sentences;
    private long _embedTicks;

    public SemanticReader(ISentenceEmbedder embedder, SemanticSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        Settings = settings ?? new SemanticSettings();
    }

    public SemanticSettings Settings { get; }

    /// <summary>Sentences embedded for claims so far, and the time that took (for benchmarks).</summary>
    public (long Sentences, TimeSpan Time) Usage => (Interlocked.Read(ref _sentences), TimeSpan.FromTicks(Interlocked.Read(ref _embedTicks)));

    /// <summary>Embeds a fact-set version's texts now rather than on its first check; returns how many.</summary>
    public int Prepare(CompiledFactSet facts) => IndexFor(facts).Count;

    internal SemanticPass Begin(CompiledFactSet facts, CancellationToken cancellationToken) => new(this, facts, IndexFor(facts), cancellationToken);

    internal float[] Embed(string sentence, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var vector = _embedder.Embed([sentence], cancellationToken)[0];
        Interlocked.Increment(ref _sentences);
        Interlocked.Add(ref _embedTicks, watch.Elapsed.Ticks);
        return vector;
    }

    private SemanticFactIndex IndexFor(CompiledFactSet facts) =>
        _indexes.GetValue(facts, f => new Lazy<SemanticFactIndex>(() => new SemanticFactIndex(f, _embedder))).Value;
}
