namespace Repatriation.Core.Semantic;

/// <summary>
/// Turns sentences into vectors whose dot product says how alike their meanings are. Implemented outside the core
/// library (Repatriation.Semantic, a local MiniLM model on ONNX Runtime) so that the core carries no native model
/// runtime; the matcher reaches it only through this interface.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>One vector of unit length per text, in order. Safe to call from several threads.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
