using System.Globalization;
using System.Text;
using Repatriation.Core.Facts;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Matching;

/// <summary>What a term names.</summary>
internal enum TermOwner { Measure, Population, Place, Work, Act }

/// <remarks><see cref="Loose"/>: matched by its words anywhere in the sentence, so it may bear a claim out but not refute it.</remarks>
internal sealed record TermEntry(string[] Tokens, TermOwner Owner, string OwnerId, bool Loose = false)
{
    /// <summary>For measures: count, percentage, amount or date (a date's name does not hide a sum's).</summary>
    public string? MeasureKind { get; init; }

    /// <summary>For measures: the term is its action's ("repatriated", "hanged"), which names every measure of the action.</summary>
    public bool ByAction { get; init; }

    /// <summary>For loose names: the order they were declared in, which decides which of an owner's names is reported.</summary>
    public int Order { get; init; }
}

/// <summary>A term found in a sentence: which entry, and the token positions it spans.</summary>
internal readonly record struct TermHit(TermEntry Entry, int FirstToken, int LastToken)
{
    public int DistanceTo(int first, int last) => SentenceContext.TokensApart((FirstToken, LastToken), (first, last));
}

/// <summary>
/// Every phrase the fact set uses to name a measure, population, place, work or act, keyed by its first
/// normalised word, so a sentence is scanned once however many terms there are.
/// </summary>
internal sealed class TermIndex
{
    private readonly Dictionary<string, List<TermEntry>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly WordSet _functionWords;

    /// <summary>Built once per compiled fact set.</summary>
    public TermIndex(FactIndex index, Lexicon words)
    {
        _functionWords = words.TermFunctionWords;
        var set = index.FactSet;
        foreach (var m in set.Measures)
        {
            // A measure is named by its own terms and its action's (FactIndex.TermsOf); an action's term names every
            // measure of that action, so a reading resting on it alone is less sure.
            var own = new HashSet<string>(m.Terms, StringComparer.OrdinalIgnoreCase);
            AddAll(own, TermOwner.Measure, m.Id, m.Kind);
            AddAll(index.TermsOf(m).Where(t => !own.Contains(t)), TermOwner.Measure, m.Id, m.Kind, byAction: true);
            if (m.Kind == MeasureKinds.Date)
            {
                AddLoose(m.Terms.Concat(index.EventNamesOf(m)), TermOwner.Measure, m.Id);
            }
        }

        foreach (var p in set.Populations)
        {
            AddAll(p.Terms.Append(p.Name), TermOwner.Population, p.Id);
        }

        foreach (var p in set.Places)
        {
            AddAll(p.Terms.Append(p.Name), TermOwner.Place, p.Id);
        }

        foreach (var w in set.Works)
        {
            AddAll(w.AlternativeTitles.Append(w.Title), TermOwner.Work, w.Id);
        }

        var keywords = new List<(string, string)>();
        foreach (var a in set.Acts)
        {
            AddAll(a.Terms, TermOwner.Act, a.Id);
            if (a.Date is not null)
            {
                AddLoose(a.Terms, TermOwner.Act, a.Id);
            }
            foreach (var word in a.Terms.SelectMany(t => Tokenizer.Tokenize(t)).Select(t => t.Norm).Distinct())
            {
                if (!words.GenericActWords.Contains(word) && word.Length > 2)
                {
                    keywords.Add((word, a.Id));
                }
            }
        }

        ActKeywords = keywords;

        foreach (var phrase in words.OtherMatters.Items)
        {
            var tokens = Tokenizer.Tokenize(phrase).Select(t => t.Norm).ToArray();
            if (tokens.Length > 0)
            {
                _otherMatters.Add(tokens);
            }
        }

        _otherMatterKeys = System.Buffers.SearchValues.Create(words.OtherMatterKeys.Items.ToArray(), StringComparison.OrdinalIgnoreCase);
        _subjectPeople = index.PersonNames.ToHashSet(StringComparer.Ordinal);
    }

    private readonly List<string[]> _otherMatters = [];
    private readonly System.Buffers.SearchValues<string> _otherMatterKeys;
    private readonly HashSet<string> _subjectPeople = [];

    /// <summary>
    /// A cheap first look, once per text: where the phrases that name another matter ("World War", "Civil War",
    /// "Vietnam") occur, in order. Only sentences holding one are read word by word.
    /// </summary>
    public List<int> OtherMatterKeyOffsets(string text)
    {
        // One multi-string search over the text, in order.
        var offsets = new List<int>();
        var from = 0;
        while (from < text.Length)
        {
            var i = text.AsSpan(from).IndexOfAny(_otherMatterKeys);
            if (i < 0)
            {
                break;
            }

            offsets.Add(from + i);
            from += i + 1;
        }

        return offsets;
    }

    /// <summary>
    /// True when the clause names another war or era ("the First World War") within <paramref name="maxDistance"/>
    /// words of the claim at <paramref name="claim"/>, and nearer than anything the fact set knows (a measure, group,
    /// place, work, act or person).
    /// </summary>
    public bool IsAboutOtherMatter(string text, Extraction.TextSpan clause, Extraction.TextSpan claim, int maxDistance)
    {
        var tokens = Tokenizer.Tokenize(text, clause.Offset, clause.Length);
        int first = -1, last = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].End > claim.Offset && tokens[i].Start < claim.End)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0)
        {
            return false;
        }

        var other = int.MaxValue;
        foreach (var phrase in _otherMatters)
        {
            for (var i = 0; i + phrase.Length <= tokens.Count; i++)
            {
                var match = true;
                for (var k = 0; k < phrase.Length && match; k++)
                {
                    match = tokens[i + k].Norm == phrase[k];
                }

                if (match)
                {
                    other = Math.Min(other, Apart(i, i + phrase.Length - 1, first, last));
                }
            }
        }

        if (other > maxDistance)
        {
            return false;
        }

        var subject = int.MaxValue;
        foreach (var hit in Find(tokens))
        {
            subject = Math.Min(subject, hit.DistanceTo(first, last));
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (_subjectPeople.Contains(tokens[i].Norm))
            {
                subject = Math.Min(subject, Apart(i, i, first, last));
            }
        }

        return other < subject;
    }

    private static int Apart(int firstA, int lastA, int firstB, int lastB) =>
        lastA < firstB ? firstB - lastA : firstA > lastB ? firstA - lastB : 0;

    /// <summary>Distinctive words of act names ("yalta", "270"), for texts that name an act loosely ("signed at Yalta").</summary>
    public IReadOnlyList<(string Keyword, string ActId)> ActKeywords { get; private set; } = [];

    private void AddLoose(IEnumerable<string> terms, TermOwner owner, string id)
    {
        foreach (var term in terms)
        {
            var words = Tokenizer.Tokenize(term).Select(t => t.Norm).Where(w => !_functionWords.Contains(w)).Distinct().ToArray();
            if (words.Length >= 2)
            {
                var entry = new TermEntry(words, owner, id, Loose: true) { Order = _looseTerms.Count };
                _looseTerms.Add(entry);
                (_looseByFirstWord.TryGetValue(words[0], out var list) ? list : _looseByFirstWord[words[0]] = []).Add(entry);
            }
        }
    }

    private void AddAll(IEnumerable<string> terms, TermOwner owner, string id, string? measureKind = null, bool byAction = false)
    {
        foreach (var term in terms.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var tokens = Tokenizer.Tokenize(term).Select(t => t.Norm).ToArray();
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!_byFirstToken.TryGetValue(tokens[0], out var list))
            {
                _byFirstToken[tokens[0]] = list = [];
            }

            list.Add(new TermEntry(tokens, owner, id) { MeasureKind = measureKind, ByAction = byAction });
        }
    }

    private readonly List<TermEntry> _looseTerms = [];

    /// <summary>Loose names by their first meaningful word: only names whose first word the sentence holds are checked.</summary>
    private readonly Dictionary<string, List<TermEntry>> _looseByFirstWord = new(StringComparer.Ordinal);

    /// <summary>
    /// Events and acts named with their words apart or reordered ("Vlasov, had been captured", "Eden argued in a
    /// paper"): every meaningful word of one of their names occurs in the sentence. Only where no name matched exactly.
    /// </summary>
    public List<TermHit> FindLoose(IReadOnlyList<Token> tokens, IReadOnlyCollection<TermHit> exact)
    {
        var hits = new List<TermHit>();
        if (_looseTerms.Count == 0)
        {
            return hits;
        }

        // The tokens' distinct words and the loose names whose first word is among them; of those, the ones all of
        // whose words the tokens hold, in declaration order (sorting only the matches gives the order sorting every
        // candidate would). All three are scratch kept per thread (cleared here; nothing called below comes back in).
        var words = t_words ??= new HashSet<string>(StringComparer.Ordinal);
        var lists = t_lists ??= [];
        var candidates = t_candidates ??= [];
        words.Clear();
        lists.Clear();
        candidates.Clear();
        foreach (var token in tokens)
        {
            if (words.Add(token.Norm) && _looseByFirstWord.TryGetValue(token.Norm, out var entries))
            {
                lists.Add(entries);
            }
        }

        foreach (var entries in lists)
        {
            foreach (var entry in entries)
            {
                var all = true;
                foreach (var word in entry.Tokens)
                {
                    if (!words.Contains(word))
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    candidates.Add(entry);
                }
            }
        }

        if (candidates.Count > 1)
        {
            // Declaration order decides which name of an owner is reported first, as a full scan would.
            candidates.Sort(ByOrder);
        }

        List<string>? named = null;
        foreach (var entry in candidates)
        {
            // One hit per owner, and none for an owner named exactly.
            if (Names(exact, entry.OwnerId) || (named ??= []).Contains(entry.OwnerId))
            {
                continue;
            }

            named.Add(entry.OwnerId);

            int first = int.MaxValue, last = -1;
            foreach (var word in entry.Tokens)
            {
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (tokens[i].Norm == word)
                    {
                        first = Math.Min(first, i);
                        last = Math.Max(last, i);
                        break;
                    }
                }
            }

            hits.Add(new TermHit(entry, first, last));
        }

        return hits;
    }

    [ThreadStatic]
    private static HashSet<string>? t_words;

    [ThreadStatic]
    private static List<TermEntry>? t_candidates;

    [ThreadStatic]
    private static List<List<TermEntry>>? t_lists;

    private static readonly Comparison<TermEntry> ByOrder = (a, b) => a.Order.CompareTo(b.Order);

    private static bool Names(IReadOnlyCollection<TermHit> hits, string ownerId)
    {
        foreach (var hit in hits)
        {
            if (hit.Entry.OwnerId == ownerId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All term occurrences in the tokens; longer terms first where two start at the same word.</summary>
    public List<TermHit> Find(IReadOnlyList<Token> tokens)
    {
        // Found into per-thread scratch (nothing below calls Find again); the caller gets a list of its own, at size.
        var hits = t_found ??= [];
        hits.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstToken.TryGetValue(tokens[i].Norm, out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (i + entry.Tokens.Length > tokens.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 1; k < entry.Tokens.Length && match; k++)
                {
                    match = tokens[i + k].Norm == entry.Tokens[k];
                }

                if (match)
                {
                    hits.Add(new TermHit(entry, i, i + entry.Tokens.Length - 1));
                }
            }
        }

        // A word inside a longer phrase belongs to the phrase: "repatriated" in "repatriated persons" names the
        // group counted, not the act of repatriating; "civilians" in "civilians and prisoners of war" is part of both.
        // A group or place named inside a measure's phrase ("from Germany") still names that group or place.
        if (hits.Count < 2)
        {
            return [.. hits];
        }

        return WithoutHidden(hits);
    }

    [ThreadStatic]
    private static List<TermHit>? t_found;

    [ThreadStatic]
    private static List<(int First, int Last)>? t_spans;

    [ThreadStatic]
    private static List<(int Span, TermOwner Owner, string? MeasureKind)>? t_spanKinds;

    [ThreadStatic]
    private static List<(int Span, int Longer)>? t_covering;

    /// <summary>
    /// The hits no longer phrase around them hides. A phrase many owners share gives one hit per owner, so hits are
    /// compared by span (few) and by the distinct owner kinds and measure kinds found on each span, not pairwise.
    /// </summary>
    private static List<TermHit> WithoutHidden(List<TermHit> hits)
    {
        // Per-thread scratch: the distinct spans, the owner and measure kinds found on each, and which span lies
        // inside which longer one.
        var spans = t_spans ??= [];
        var kinds = t_spanKinds ??= [];
        var covering = t_covering ??= [];
        spans.Clear();
        kinds.Clear();
        covering.Clear();
        Span<int> spanOf = hits.Count <= 256 ? stackalloc int[hits.Count] : new int[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            var at = spans.IndexOf((h.FirstToken, h.LastToken));
            if (at < 0)
            {
                at = spans.Count;
                spans.Add((h.FirstToken, h.LastToken));
            }

            spanOf[i] = at;
            var kind = (at, h.Entry.Owner, h.Entry.MeasureKind);
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        for (var a = 0; a < spans.Count; a++)
        {
            for (var b = 0; b < spans.Count; b++)
            {
                if (spans[b].Last - spans[b].First > spans[a].Last - spans[a].First && spans[b].First <= spans[a].First && spans[b].Last >= spans[a].Last)
                {
                    covering.Add((a, b));
                }
            }
        }

        if (covering.Count == 0)
        {
            return [.. hits];
        }

        var kept = new List<TermHit>(hits.Count);
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            var hidden = false;
            foreach (var (inner, longer) in covering)
            {
                if (inner != spanOf[i])
                {
                    continue;
                }

                foreach (var (span, owner, measureKind) in kinds)
                {
                    if (span == longer
                        && (owner == h.Entry.Owner || h.Entry.Owner is TermOwner.Measure or TermOwner.Act or TermOwner.Work)
                        && (measureKind is null || h.Entry.MeasureKind is null || measureKind == h.Entry.MeasureKind))
                    {
                        hidden = true;
                        break;
                    }
                }

                if (hidden)
                {
                    break;
                }
            }

            if (!hidden)
            {
                kept.Add(h);
            }
        }

        return kept;
    }
}

/// <summary>A word of a sentence with its span and normalised form.</summary>
internal readonly record struct Token(int Start, int End, string Norm);

/// <summary>Splits text into words normalised for term matching: lower case, no accents, no plural -s.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start = 0, int length = -1)
    {
        var end = length < 0 ? text.Length : start + length;
        // About one word per six characters in prose: sized once instead of grown through several arrays.
        var tokens = new List<Token>((end - start) / 6 + 4);
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < end && char.IsLetter(text[i + 1]))
                               || (text[i] is ',' or '.' && i > s && char.IsDigit(text[i - 1]) && i + 1 < end && char.IsDigit(text[i + 1]))))
            {
                i++;
            }

            tokens.Add(new Token(s, i, NormalisedWords.Of(text.AsSpan(s, i - s))));
        }

        return tokens;
    }

    /// <summary>
    /// The normalised form of a plain ASCII word written into <paramref name="destination"/> without allocating;
    /// false for words that need decomposition (accents, curly apostrophes) or are too long.
    /// </summary>
    public static bool TryNormaliseAscii(ReadOnlySpan<char> word, Span<char> destination, out int length)
    {
        length = 0;
        if (word.Length > destination.Length || word.ContainsAnyExceptInRange('\u0000', '\u007f'))
        {
            return false;
        }

        var lower = destination[..word.Length];
        word.ToLowerInvariant(lower);
        length = lower.Length;
        if (length > 2 && lower[length - 2] == '\'' && lower[length - 1] == 's')
        {
            length -= 2;
        }
        else if (length > 0 && lower[length - 1] == '\'')
        {
            length -= 1;
        }
        else if (length > 3 && lower[length - 1] == 's' && lower[length - 2] != 's' && !char.IsDigit(lower[length - 2]))
        {
            length -= 1;
        }

        return true;
    }

    public static string Normalise(ReadOnlySpan<char> word)
    {
        // Fast path: plain ASCII words (nearly all of them) need no decomposition.
        Span<char> buffer = stackalloc char[64];
        if (TryNormaliseAscii(word, buffer, out var length))
        {
            return new string(buffer[..length]);
        }

        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c < 128)
            {
                builder.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '’')
            {
                builder.Append('\'');
                continue;
            }

            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(char.ToLowerInvariant(d));
                }
            }
        }

        var norm = builder.ToString();
        if (norm.EndsWith("'s", StringComparison.Ordinal))
        {
            norm = norm[..^2];
        }
        else if (norm.EndsWith('\''))
        {
            norm = norm[..^1];
        }

        // A light stem: "Gulags" names the Gulag, "POWs" the POW; -ss words ("Keightley's class") stay.
        if (norm.Length > 3 && norm[^1] == 's' && norm[^2] != 's' && !char.IsDigit(norm[^2]))
        {
            norm = norm[..^1];
        }

        return norm;
    }
}
