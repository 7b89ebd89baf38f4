namespace Repatriation.Core.Extraction;

/// <summary>Finds the sentence around an offset, and the sentence span a claim reports.</summary>
internal sealed class SentenceMap(string text, IReadOnlyList<TextSpan> sentences)
{
    public IReadOnlyList<TextSpan> Sentences { get; } = sentences;

    /// <summary>Index of the sentence holding <paramref name="offset"/> (or the last before it); 0 for an empty list.</summary>
    public int IndexOf(int offset) => Math.Max(0, SentenceSplitter.IndexAt(Sentences, offset));

    /// <summary>The sentence holding the offset; the whole text when there are no sentences.</summary>
    public TextSpan At(int offset) => Sentences.Count == 0 ? new TextSpan(0, text.Length) : Sentences[IndexOf(offset)];

    /// <summary>The sentence span of a claim: its sentence, widened when the claim runs into the next ones.</summary>
    public TextSpan For(int offset, int length)
    {
        if (Sentences.Count == 0)
        {
            return new TextSpan(0, text.Length);
        }

        var first = IndexOf(offset);
        var start = Math.Min(Sentences[first].Offset, offset);
        var end = Math.Max(Sentences[first].End, offset + length);
        for (var i = first + 1; i < Sentences.Count && Sentences[i].Offset < offset + length; i++)
        {
            end = Math.Max(end, Sentences[i].End);
        }

        return new TextSpan(start, end - start);
    }
}
