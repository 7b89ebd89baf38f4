using Repatriation.Core.Facts;
using Repatriation.Core.Matching;

namespace Repatriation.Core.Semantic;

/// <summary>What a sentence may be compared with: a measure (of a figure or an event) or a dated act.</summary>
internal enum SemanticOwner { Measure, Act }

/// <summary>One text of the fact set, embedded: a measure's name or description, a fact's statement, an act's description.</summary>
internal sealed record SemanticEntry(SemanticOwner Owner, Measure? Measure, Act? Act, Fact? Fact, string Text)
{
    public string OwnerId => Measure?.Id ?? Act!.Id;
}

/// <summary>A measure or act and how alike its most alike text is to a sentence.</summary>
internal sealed record SemanticNeighbour(double Similarity, SemanticEntry Best);

/// <summary>
/// The fact set's texts embedded once per compiled fact-set version: every figure and date measure's name and
/// description, every statement of its facts, and every dated act's description. Vectors sit in one array.
/// </summary>
internal sealed class SemanticFactIndex
{
    private readonly SemanticEntry[] _entries;
    private readonly float[] _vectors;
    private readonly int _dimensions;

    private const int BatchSize = 8;

    public SemanticFactIndex(CompiledFactSet facts, ISentenceEmbedder embedder, CancellationToken cancellationToken = default)
    {
        var entries = new List<SemanticEntry>();
        var index = facts.Index;
        foreach (var measure in index.Measures.Values)
        {
            entries.Add(new SemanticEntry(SemanticOwner.Measure, measure, null, null, measure.Name));
            if (!string.IsNullOrWhiteSpace(measure.Description))
            {
                entries.Add(new SemanticEntry(SemanticOwner.Measure, measure, null, null, measure.Description));
            }

            foreach (var fact in index.FactsByMeasure.TryGetValue(measure.Id, out var list) ? list : [])
            {
                entries.Add(new SemanticEntry(SemanticOwner.Measure, measure, null, fact, fact.Statement));
            }
        }

        foreach (var act in index.FactSet.Acts.Where(a => a.Date is not null))
        {
            entries.Add(new SemanticEntry(SemanticOwner.Act, null, act, null, act.Description));
        }

        _entries = [.. entries];
        // A few texts at a time: a batch is padded to its longest text, and one batch of all would need gigabytes.
        var vectors = _entries.Chunk(BatchSize).SelectMany(batch => embedder.Embed(batch.Select(e => e.Text).ToList(), cancellationToken)).ToArray();
        _dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        _vectors = new float[_entries.Length * _dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i].CopyTo(_vectors, i * _dimensions);
        }
    }

    public int Count => _entries.Length;

    /// <summary>Measures and acts accepted by <paramref name="accept"/>, most alike first, each scored by its most alike text.</summary>
    public List<SemanticNeighbour> Nearest(float[] query, Func<SemanticEntry, bool> accept)
    {
        var best = new Dictionary<(SemanticOwner, string), SemanticNeighbour>();
        var q = query.AsSpan();
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if (!accept(entry))
            {
                continue;
            }

            var similarity = Dot(q, _vectors.AsSpan(i * _dimensions, _dimensions));
            var key = (entry.Owner, entry.OwnerId);
            if (!best.TryGetValue(key, out var current) || similarity > current.Similarity)
            {
                best[key] = new SemanticNeighbour(similarity, entry);
            }
        }

        return [.. best.Values.OrderByDescending(n => n.Similarity)];
    }

    /// <summary>The fact most alike to the sentence among those accepted (for "closest fact").</summary>
    public (SemanticEntry Entry, double Similarity)? NearestFact(float[] query, Func<SemanticEntry, bool> accept)
    {
        (SemanticEntry, double)? best = null;
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if (entry.Fact is null || !accept(entry))
            {
                continue;
            }

            var similarity = Dot(query, _vectors.AsSpan(i * _dimensions, _dimensions));
            if (best is null || similarity > best.Value.Item2)
            {
                best = (entry, similarity);
            }
        }

        return best;
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    internal static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
