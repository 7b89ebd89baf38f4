namespace Repatriation.Core.Extraction;

/// <summary>
/// Reads personal names next to an attribution cue: 1–4 capitalised words (titles, initials, particles
/// such as von/de/van, hyphens), without the sentence-initial words, pronouns, nationalities and
/// place names that are capitalised too.
/// </summary>
internal static class NameScanner
{
    private const int MaxTokens = 5;

    /// <summary>The name that ends right before <paramref name="end"/> (white space skipped), not before <paramref name="limit"/>.</summary>
    public static TextSpan? NameBefore(string text, int end, int limit)
    {
        Span<TextSpan> tokens = stackalloc TextSpan[MaxTokens];
        var count = 0;
        var p = end;
        while (count < MaxTokens)
        {
            var q = p;
            while (q > limit && text[q - 1] is ' ' or '\u00A0' or '\t' or '\n' or '\r')
            {
                q--;
            }

            if (q == p && count > 0)
            {
                break;
            }

            var token = TokenBefore(text, q, limit);
            if (token.Length == 0)
            {
                break;
            }

            var kind = Classify(text, token);
            if (kind == TokenKind.Particle)
            {
                // A particle belongs to the name only between two capitalised words ("Charles de Gaulle").
                var before = TokenBefore(text, SkipSpacesBack(text, token.Offset, limit), limit);
                if (count == 0 || before.Length == 0 || Classify(text, before) is not (TokenKind.Capitalised or TokenKind.Initial))
                {
                    break;
                }
            }
            else if (kind is not (TokenKind.Capitalised or TokenKind.Initial))
            {
                break;
            }

            tokens[count++] = token;
            p = token.Offset;
        }

        tokens[..count].Reverse();
        return Trim(text, tokens[..count]);
    }

    /// <summary>
    /// The name that starts at <paramref name="start"/> (white space skipped), after an optional
    /// "the" and role words ("the British historian Nikolai Tolstoy").
    /// </summary>
    public static TextSpan? NameAfter(string text, int start, int limit) => NameAfter(text, start, limit, out _);

    public static TextSpan? NameAfter(string text, int start, int limit, out int roleStart)
    {
        var p = SkipSpaces(text, start, limit);
        roleStart = -1;

        // Role words: up to four tokens ending in a role noun ("the British historian").
        var probe = p;
        for (var i = 0; i < 4 && probe < limit; i++)
        {
            var token = TokenAfter(text, probe, limit);
            if (token.Length == 0)
            {
                break;
            }

            var word = text.AsSpan(token.Offset, token.Length);
            if (Rules.EngineRules.Default.Words.RoleNouns.Contains(word))
            {
                roleStart = p;
                p = SkipSpaces(text, token.End, limit);
                break;
            }

            if (!(char.IsLetter(word[0]) && (char.IsLower(word[0]) || Words.NonPerson.Contains(word))))
            {
                break;
            }

            probe = SkipSpaces(text, token.End, limit);
        }

        Span<TextSpan> tokens = stackalloc TextSpan[MaxTokens];
        var count = 0;
        while (count < MaxTokens && p < limit)
        {
            var token = TokenAfter(text, p, limit);
            if (token.Length == 0)
            {
                break;
            }

            // "Tolstoy’s account": the possessive ends the name.
            var possessive = token.Length > 2 && text[token.End - 2] is '’' or '\'' && text[token.End - 1] == 's';
            if (possessive)
            {
                token = token with { Length = token.Length - 2 };
            }

            var kind = Classify(text, token);
            if (kind == TokenKind.Particle)
            {
                var next = TokenAfter(text, SkipSpaces(text, token.End, limit), limit);
                if ((count == 0 && !char.IsUpper(text[token.Offset])) || next.Length == 0 || Classify(text, next) != TokenKind.Capitalised)
                {
                    break;
                }
            }
            else if (kind is not (TokenKind.Capitalised or TokenKind.Initial))
            {
                break;
            }

            tokens[count++] = token;
            if (possessive || token.End >= limit || text[token.End] is not (' ' or '\u00A0'))
            {
                break;
            }

            p = token.End + 1;
        }

        return Trim(text, tokens[..count]);
    }

    /// <summary>Names of people mentioned in [start, end), in text order (for tying quotes to speakers).</summary>
    public static IEnumerable<TextSpan> Mentions(string text, int start, int end)
    {
        var p = start;
        while (p < end)
        {
            if (char.IsUpper(text[p]) && (p == start || !char.IsLetterOrDigit(text[p - 1])))
            {
                var name = NameAfter(text, p, end);
                if (name is { } n)
                {
                    yield return n;
                    p = n.End;
                    continue;
                }
            }

            p++;
        }
    }

    public static bool IsRoleNoun(ReadOnlySpan<char> word) => Rules.EngineRules.Default.Words.RoleNouns.Contains(word);

    private static TextSpan? Trim(string text, ReadOnlySpan<TextSpan> tokens)
    {
        var first = 0;
        while (first < tokens.Length && (IsStop(text, tokens[first]) || IsRankOrGerund(text, tokens, first)))
        {
            first++;
        }

        var last = tokens.Length - 1;
        while (last >= first && Classify(text, tokens[last]) == TokenKind.Particle)
        {
            last--;
        }

        // "Crimea Lieutenant General Gryzlov": the name starts after the last rank.
        for (var i = last - 1; i >= first; i--)
        {
            if (Words.Ranks.Contains(text.AsSpan(tokens[i].Offset, tokens[i].Length)))
            {
                first = i + 1;
                break;
            }
        }

        if (last < first)
        {
            return null;
        }

        var anyPerson = false;
        for (var i = first; i <= last; i++)
        {
            anyPerson |= !Words.NonPerson.Contains(text.AsSpan(tokens[i].Offset, tokens[i].Length).TrimEnd('.'));
        }

        if (!anyPerson || (last == first && Classify(text, tokens[first]) == TokenKind.Initial))
        {
            return null;
        }

        return new TextSpan(tokens[first].Offset, tokens[last].End - tokens[first].Offset);
    }

    /// <summary>A rank ("General"), or a capitalised -ing word opening the sentence ("Rereading Tolstoy's…"), before more name.</summary>
    private static bool IsRankOrGerund(string text, ReadOnlySpan<TextSpan> tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return false;
        }

        var word = text.AsSpan(tokens[i].Offset, tokens[i].Length);
        return Words.Ranks.Contains(word) || (word.Length > 5 && word.EndsWith("ing"));
    }

    private static bool IsStop(string text, TextSpan token)
    {
        var word = text.AsSpan(token.Offset, token.Length);
        return Words.Stop.Contains(word) || Rules.EngineRules.Default.Words.RoleNouns.Contains(word) || (Words.NonPerson.Contains(word) && token.Length > 0);
    }

    private enum TokenKind { Other, Capitalised, Initial, Particle }

    private static TokenKind Classify(string text, TextSpan token)
    {
        var word = text.AsSpan(token.Offset, token.Length);
        if (word.Length == 0 || !char.IsLetter(word[0]))
        {
            return TokenKind.Other;
        }

        if (word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.')
        {
            return TokenKind.Initial;
        }

        if (Rules.EngineRules.Default.Words.NameParticles.Contains(word))
        {
            return TokenKind.Particle;
        }

        if (!char.IsUpper(word[0]))
        {
            return TokenKind.Other;
        }

        // A dotted word is a title abbreviation ("Gen.", "Dr."); other words end without one.
        if (word[^1] == '.' && !Rules.EngineRules.Default.Words.NameTitles.Contains(word[..^1]))
        {
            return TokenKind.Other;
        }

        return TokenKind.Capitalised;
    }

    private static TextSpan TokenBefore(string text, int end, int limit)
    {
        var s = end;
        if (s > limit && text[s - 1] == '.')
        {
            s--;
        }

        while (s > limit && (char.IsLetter(text[s - 1]) || text[s - 1] is '\'' or '’' or '-'))
        {
            s--;
        }

        while (s < end && !char.IsLetter(text[s]))
        {
            s++;
        }

        return s < end && char.IsLetter(text[s]) ? new TextSpan(s, end - s) : default;
    }

    private static TextSpan TokenAfter(string text, int start, int limit)
    {
        var e = start;
        while (e < limit && (char.IsLetter(text[e]) || (e > start && text[e] is '\'' or '’' or '-' && e + 1 < limit && char.IsLetter(text[e + 1]))))
        {
            e++;
        }

        if (e == start)
        {
            return default;
        }

        // Initials and title abbreviations keep their full stop.
        if (e < limit && text[e] == '.' && (e - start == 1 || Rules.EngineRules.Default.Words.NameTitles.Contains(text.AsSpan(start, e - start))))
        {
            e++;
        }

        return new TextSpan(start, e - start);
    }

    private static int SkipSpaces(string text, int p, int limit)
    {
        while (p < limit && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    private static int SkipSpacesBack(string text, int p, int limit)
    {
        while (p > limit && char.IsWhiteSpace(text[p - 1]))
        {
            p--;
        }

        return p;
    }



}
