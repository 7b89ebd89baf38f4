using System.Security.Cryptography;
using System.Text;
using Repatriation.Core.Extraction;

namespace Repatriation.Core.Checking;

/// <summary>
/// Gives each claim of one text its id: the fingerprint that editors' decisions, baselines and SARIF
/// <c>partialFingerprints</c> follow across revisions.
/// <para>
/// The id hashes the fact set's id (not its version), the claim's kind, words and person, and its whole sentence
/// with the other claims of that sentence blanked out. So it survives edits elsewhere in the text, a correction
/// of another figure in the same sentence, and every new version of the fact set (a verdict changed by a new
/// version shows as baseline "updated", and the editor's decision still applies); it changes when the claim's own
/// words change or the sentence around it is reworded. The full sentence is hashed, never a shortened excerpt of
/// it. A repeat of the same claim in the same context gets its occurrence number.
/// </para>
/// </summary>
internal sealed class ClaimIds(string factSetId)
{
    private const char Separator = '\u001f';
    private const char Blank = '\u001e';

    // Keyed by the id's leading bytes, not its text, so a book-length manuscript's ids cost a few bytes each.
    private readonly Dictionary<ulong, int> _occurrences = [];
    private readonly StringBuilder _key = new();

    /// <summary>The id of <paramref name="claims"/>[<paramref name="index"/>], found in <paramref name="chunk"/>.</summary>
    public string Next(IReadOnlyList<ExtractedClaim> claims, int index, string chunk)
    {
        var claim = claims[index];
        _key.Clear().Append(factSetId).Append(Separator).Append(ClaimChecker.KindName(claim.Kind)).Append(Separator)
            .Append(claim.Text).Append(Separator).Append(claim.PersonText).Append(Separator);

        // The sentence, with every other claim in it (that does not overlap this one) blanked out.
        var position = claim.SentenceOffset;
        var sentenceEnd = claim.SentenceOffset + claim.SentenceLength;
        foreach (var other in SameSentence(claims, index))
        {
            var start = Math.Max(other.Offset, position);
            var end = Math.Min(other.Offset + other.Length, sentenceEnd);
            if (end <= start || Overlaps(other, claim))
            {
                continue;
            }

            _key.Append(chunk, position, start - position).Append(Blank);
            position = end;
        }

        _key.Append(chunk, position, sentenceEnd - position);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(_key.ToString()));
        var slot = BitConverter.ToUInt64(hash, 0);
        var seen = _occurrences.TryGetValue(slot, out var n) ? n + 1 : 0;
        _occurrences[slot] = seen;
        var baseId = "c_" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
        return seen == 0 ? baseId : Occurrence(baseId, seen);
    }

    /// <summary>The claims of the sentence of claims[index], in text order (claims come sorted, a sentence's together).</summary>
    private static IEnumerable<ExtractedClaim> SameSentence(IReadOnlyList<ExtractedClaim> claims, int index)
    {
        var sentence = claims[index].SentenceOffset;
        var first = index;
        while (first > 0 && claims[first - 1].SentenceOffset == sentence)
        {
            first--;
        }

        for (var i = first; i < claims.Count && claims[i].SentenceOffset == sentence; i++)
        {
            if (i != index)
            {
                yield return claims[i];
            }
        }
    }

    private static bool Overlaps(ExtractedClaim a, ExtractedClaim b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;

    private static string Occurrence(string baseId, int occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(baseId + Separator + occurrence));
        return "c_" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
