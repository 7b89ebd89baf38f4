using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>
/// One sentence prepared for matching: its words, the fact-set terms found in it, and the other claims in it.
/// Built once and shared by every claim of the sentence.
/// </summary>
internal sealed class SentenceContext
{
    public SentenceContext(string text, int offset, int length, IReadOnlyList<ExtractedClaim> claims, TermIndex terms)
    {
        Text = text;
        Offset = offset;
        Length = length;
        Claims = claims;
        Tokens = Tokenizer.Tokenize(text, offset, length);
        Hits = terms.Find(Tokens);
    }

    public string Text { get; }
    public int Offset { get; }
    public int Length { get; }
    public IReadOnlyList<ExtractedClaim> Claims { get; }
    public List<Token> Tokens { get; }
    public List<TermHit> Hits { get; }

    /// <summary>The token positions a claim covers (nearest token when the claim falls between words).</summary>
    public (int First, int Last) TokenSpan(ExtractedClaim claim)
    {
        int first = -1, last = -1;
        var end = claim.Offset + claim.Length;
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (Tokens[i].End > claim.Offset && Tokens[i].Start < end)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        if (first < 0)
        {
            first = last = Math.Max(0, Tokens.FindIndex(t => t.Start >= claim.Offset));
        }

        return (first, last);
    }

    public IEnumerable<TermHit> HitsOf(TermOwner owner) => Hits.Where(h => h.Entry.Owner == owner);

    /// <summary>True when a term hit lies inside another claim's span (a title inside a quotation, say).</summary>
    public bool InsideClaim(TermHit hit, ExtractedClaim claim) =>
        Tokens[hit.FirstToken].Start >= claim.Offset && Tokens[hit.LastToken].End <= claim.Offset + claim.Length;
}

/// <summary>The population and place a claim's words put it in.</summary>
internal sealed record ClaimScope(string? Population, string? Place);

internal static class ScopeReader
{
    /// <summary>
    /// The group a figure counts: populations named within a few words of it (two named together, "civilians and
    /// prisoners of war", mean their common wider group), else the nearest in the sentence.
    /// </summary>
    public static ClaimScope Read(SentenceContext sentence, ExtractedClaim claim, FactIndex index)
    {
        var (first, last) = sentence.TokenSpan(claim);
        var populations = sentence.HitsOf(TermOwner.Population).ToList();
        string? population = null;
        var near = populations.Where(h => h.DistanceTo(first, last) <= 6).Select(h => h.Entry.OwnerId).Distinct().ToList();
        near = RemoveAncestorsOfOthers(near, index);
        if (near.Count == 1)
        {
            population = near[0];
        }
        else if (near.Count > 1)
        {
            population = CommonAncestor(near, index);
        }
        else if (populations.Count > 0)
        {
            population = populations.MinBy(h => h.DistanceTo(first, last)).Entry.OwnerId;
        }

        var places = sentence.HitsOf(TermOwner.Place).ToList();
        var place = places.Count == 0 ? null : places.MinBy(h => h.DistanceTo(first, last)).Entry.OwnerId;
        return new ClaimScope(population, place);
    }

    // "Soviet POWs" names both "Soviet citizens" and "POWs": the narrower one is meant.
    private static List<string> RemoveAncestorsOfOthers(List<string> ids, FactIndex index) =>
        ids.Where(id => !ids.Any(other => other != id && index.IsWithinPopulation(other, id))).ToList();

    private static string? CommonAncestor(List<string> ids, FactIndex index)
    {
        var candidate = ids[0];
        while (candidate is not null)
        {
            if (ids.All(id => index.IsWithinPopulation(id, candidate)))
            {
                return candidate;
            }

            candidate = index.Populations.TryGetValue(candidate, out var p) ? p.Parent : null;
        }

        return null;
    }
}
