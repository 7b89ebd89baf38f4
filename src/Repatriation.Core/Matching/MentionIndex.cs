using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>What a mention names.</summary>
public enum MentionKind { Person, Work }

/// <summary>A name of a person or a title of a work found in a text, with the id the fact set gives it.</summary>
public readonly record struct Mention(int Start, int End, MentionKind Kind, string Id)
{
    public int Length => End - Start;
}

/// <summary>
/// Every name, alias and title the fact set knows, keyed by its first normalised word, so one pass over the
/// capitalised words of a text finds every mention of a known person or work: "Tolstoy", "Count Tolstoy",
/// "TOLSTOY", "Solschenizyn", "Victims of Yalta", "VICTIMS OF YALTA", "The Secret Betrayal". The longest name wins
/// where two start at the same word.
/// </summary>
internal sealed class MentionIndex
{
    private readonly Dictionary<string, List<(string[] Tokens, MentionKind Kind, string Id)>> _byFirst = new(StringComparer.Ordinal);
    private Dictionary<string, List<(string[] Tokens, MentionKind Kind, string Id)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public MentionIndex(FactIndex index)
    {
        foreach (var person in index.People.Values)
        {
            foreach (var name in person.Aliases.Prepend(person.Name).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(name, MentionKind.Person, person.Id);
            }
        }

        foreach (var work in index.Works.Values)
        {
            foreach (var title in work.AlternativeTitles.Prepend(work.Title).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Add(title, MentionKind.Work, work.Id);
            }
        }

        foreach (var list in _byFirst.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }

        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when a known name or title can start with this word (checked without allocating for plain words).</summary>
    private bool MayStart(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[64];
        return Tokenizer.TryNormaliseAscii(word, buffer, out var length)
            ? _lookup.ContainsKey(buffer[..length])
            : _byFirst.ContainsKey(Tokenizer.Normalise(word));
    }

    private void Add(string phrase, MentionKind kind, string id)
    {
        var tokens = Tokenizer.Tokenize(phrase).Select(t => t.Norm).ToArray();
        if (tokens.Length == 0 || (kind == MentionKind.Person && tokens.Length == 1 && tokens[0].Length < 3))
        {
            return;
        }

        if (!_byFirst.TryGetValue(tokens[0], out var list))
        {
            _byFirst[tokens[0]] = list = [];
        }

        if (!list.Any(e => e.Kind == kind && e.Id == id && e.Tokens.AsSpan().SequenceEqual(tokens)))
        {
            list.Add((tokens, kind, id));
        }
    }

    /// <summary>Mentions in [start, end) of the text, in text order; only words that start with a capital letter or a digit can open one.</summary>
    public List<Mention> Find(string text, int start, int end)
    {
        var mentions = new List<Mention>();
        var p = start;
        while (p < end)
        {
            if (!char.IsLetterOrDigit(text[p]))
            {
                p++;
                continue;
            }

            if ((p > start && char.IsLetterOrDigit(text[p - 1])) || !char.IsUpper(text[p]) && !char.IsDigit(text[p]))
            {
                // No letter or digit inside a word starts a mention (each follows one), so the rest of the word is skipped.
                p++;
                while (p < end && char.IsLetterOrDigit(text[p]))
                {
                    p++;
                }

                continue;
            }

            var wordEnd = p;
            while (wordEnd < end && (char.IsLetterOrDigit(text[wordEnd]) || (text[wordEnd] is '\'' or '’' && wordEnd + 1 < end && char.IsLetter(text[wordEnd + 1]))))
            {
                wordEnd++;
            }

            if (!MayStart(text.AsSpan(p, wordEnd - p)))
            {
                p = wordEnd;
                continue;
            }

            var tokens = Tokenizer.Tokenize(text, p, Math.Min(end, p + 120) - p);
            if (tokens.Count > 0 && _byFirst.TryGetValue(tokens[0].Norm, out var entries))
            {
                var matched = false;
                foreach (var (phrase, kind, id) in entries)
                {
                    if (phrase.Length > tokens.Count)
                    {
                        continue;
                    }

                    var all = true;
                    for (var k = 1; k < phrase.Length && all; k++)
                    {
                        all = tokens[k].Norm == phrase[k];
                    }

                    if (all && (kind == MentionKind.Work || IsNameCased(text, tokens, phrase.Length)))
                    {
                        // "Tolstoy's": the possessive ending is no part of the name.
                        var last = tokens[phrase.Length - 1];
                        var mentionEnd = last.End - last.Start > 2 && text[last.End - 1] == 's' && text[last.End - 2] is '\'' or '’' ? last.End - 2 : last.End;
                        mentions.Add(new Mention(tokens[0].Start, mentionEnd, kind, id));
                        p = tokens[phrase.Length - 1].End;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            p++;
            while (p < end && char.IsLetterOrDigit(text[p]))
            {
                p++;
            }
        }

        return mentions;
    }

    /// <summary>Every word of a person's name starts with a capital ("von" and "de" aside): "stalin" in lower case is no mention.</summary>
    private static bool IsNameCased(string text, List<Token> tokens, int count)
    {
        for (var k = 0; k < count; k++)
        {
            var c = text[tokens[k].Start];
            if (char.IsLower(c) && tokens[k].End - tokens[k].Start > 3)
            {
                return false;
            }
        }

        return true;
    }
}
