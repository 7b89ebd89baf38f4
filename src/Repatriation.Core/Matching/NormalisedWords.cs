namespace Repatriation.Core.Matching;

/// <summary>
/// Normalised words, shared: a text repeats its words thousands of times, and normalising each occurrence afresh
/// allocated a string per word. Each thread keeps the words it has seen (bounded, so no text can grow it without
/// limit); the result is exactly <see cref="Tokenizer.Normalise"/>'s.
/// </summary>
internal static class NormalisedWords
{
    private const int MaxWords = 32_768;

    [ThreadStatic]
    private static Dictionary<string, string>? t_words;

    public static string Of(ReadOnlySpan<char> word)
    {
        var words = t_words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var norm))
        {
            return norm;
        }

        norm = Tokenizer.Normalise(word);
        if (words.Count >= MaxWords)
        {
            words.Clear();
        }

        lookup[word] = norm;
        return norm;
    }
}
