using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
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
/// <para>
/// The hash is XXH128 fed with the text's own UTF-16 spans (no key string, no UTF-8 copy, no cryptographic hash: an
/// id names a claim, it guards nothing). Ids are "c_" and the hash's first 64 bits in hex. Fingerprints are worked
/// out per chunk, in parallel (<see cref="Fingerprints"/>); occurrence numbers are given in text order, one claim at
/// a time (<see cref="Next"/>).
/// </para>
/// </summary>
internal sealed class ClaimIds
{
    private const char Separator = '\u001f';
    private const char Blank = '\u001e';

    // Keyed by the fingerprint, not the id's text, so a book-length manuscript's ids cost a few bytes each.
    private readonly Dictionary<ulong, int> _occurrences = [];

    /// <summary>The id of the claim with <paramref name="fingerprint"/>, the next in text order.</summary>
    public string Next(ulong fingerprint)
    {
        ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(_occurrences, fingerprint, out var exists);
        seen = exists ? seen + 1 : 0;
        return Format(seen == 0 ? fingerprint : Occurrence(fingerprint, seen));
    }

    /// <summary>The fingerprint of every claim of one chunk, in the claims' order. Needs nothing but its arguments: any thread may call it.</summary>
    public static ulong[] Fingerprints(string factSetId, IReadOnlyList<ExtractedClaim> claims, string chunk)
    {
        var fingerprints = new ulong[claims.Count];
        var hash = new XxHash128();
        var sentenceStart = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            // Claims come sorted, a sentence's together: the first claim of this one's sentence.
            if (i == 0 || claims[i].SentenceOffset != claims[i - 1].SentenceOffset)
            {
                sentenceStart = i;
            }

            fingerprints[i] = Fingerprint(hash, factSetId, claims, i, sentenceStart, chunk);
        }

        return fingerprints;
    }

    private static ulong Fingerprint(XxHash128 hash, string factSetId, IReadOnlyList<ExtractedClaim> claims, int index, int sentenceStart, string chunk)
    {
        var claim = claims[index];
        hash.Reset();
        Append(hash, factSetId);
        Append(hash, Separator);
        Append(hash, ClaimChecker.KindName(claim.Kind));
        Append(hash, Separator);
        Append(hash, claim.Text);
        Append(hash, Separator);
        Append(hash, claim.PersonText);
        Append(hash, Separator);

        // The sentence, with every other claim in it (that does not overlap this one) blanked out.
        var position = claim.SentenceOffset;
        var sentenceEnd = claim.SentenceOffset + claim.SentenceLength;
        for (var i = sentenceStart; i < claims.Count && claims[i].SentenceOffset == claim.SentenceOffset; i++)
        {
            var other = claims[i];
            if (i == index)
            {
                continue;
            }

            var start = Math.Max(other.Offset, position);
            var end = Math.Min(other.Offset + other.Length, sentenceEnd);
            if (end <= start || Overlaps(other, claim))
            {
                continue;
            }

            Append(hash, chunk.AsSpan(position, start - position));
            Append(hash, Blank);
            position = end;
        }

        Append(hash, chunk.AsSpan(position, sentenceEnd - position));
        return High64(hash);
    }

    private static void Append(XxHash128 hash, ReadOnlySpan<char> text) => hash.Append(MemoryMarshal.AsBytes(text));

    private static void Append(XxHash128 hash, char c) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<char>(in c)));

    private static bool Overlaps(ExtractedClaim a, ExtractedClaim b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;

    private static ulong High64(XxHash128 hash) => (ulong)(hash.GetCurrentHashAsUInt128() >> 64);

    /// <summary>The n-th repeat of a fingerprint (n ≥ 1): the fingerprint and n hashed again.</summary>
    private static ulong Occurrence(ulong fingerprint, int occurrence)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], occurrence);
        return (ulong)(XxHash128.HashToUInt128(bytes) >> 64);
    }

    private static string Format(ulong id) => string.Create(18, id, static (span, value) =>
    {
        span[0] = 'c';
        span[1] = '_';
        value.TryFormat(span[2..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
    });
}
