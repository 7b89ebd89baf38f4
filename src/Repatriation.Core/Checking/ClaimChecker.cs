using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;
using Repatriation.Core.Semantic;

namespace Repatriation.Core.Checking;

/// <summary>
/// The engine every host calls: finds the claims in a text, matches each against a fact-set
/// snapshot and builds the contract's report. Stateless and thread-safe.
/// </summary>
/// <param name="semantic">Sentence similarity for figures and dates the words tie to nothing (Engine:Semantic; off when null).</param>
public sealed class ClaimChecker(SemanticReader? semantic = null)
{
    public const string ServiceName = "repatriation-claims-checker";
    public static readonly string ServiceVersion =
        typeof(ClaimChecker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly ClaimExtractor _extractor = new();
    private readonly ClaimMatcher _matcher = new(semantic);

    /// <summary>Texts are checked in chunks of about this many characters, cut at line ends, so memory stays flat on long manuscripts.</summary>
    internal const int ChunkCharacters = 64 * 1024;

    /// <param name="cancellationToken">Checked between chunks and claims: a request whose client left, a job being
    /// stopped or a time budget that ran out ends the work there with an <see cref="OperationCanceledException"/>.</param>
    public CheckReport Check(CheckRequest request, FactSetSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var results = new List<ClaimResult>();
        var header = Stream(request, snapshot, results.Add, cancellationToken);
        return header with { Summary = ReportSummary.From(results) with { StaleDecisions = [] }, Claims = results };
    }

    /// <summary>
    /// Checks a text and hands each claim to <paramref name="onClaim"/> in text order, keeping none: the report's
    /// header comes back (its summary and claims empty) for writers that stream claims out as they come.
    /// </summary>
    public CheckReport Stream(CheckRequest request, FactSetSnapshot snapshot, Action<ClaimResult> onClaim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = request.Text;
        var useCodePoints = request.StringIndexType == StringIndexTypes.UnicodeCodePoint;
        if (!useCodePoints && request.StringIndexType != StringIndexTypes.Utf16CodeUnit)
        {
            throw new ArgumentException($"Unknown stringIndexType '{request.StringIndexType}'.", nameof(request));
        }

        var lines = new LineMap(text);
        var positions = new PositionCursor(text, lines, useCodePoints);
        var ids = new ClaimIds(snapshot.FactSet.Id);
        string? lastSentence = null;
        var lastSentenceOffset = -1;
        foreach (var (start, length) in Chunks(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = start == 0 && length == text.Length ? text : text.Substring(start, length);
            var extracted = _extractor.Extract(chunk, snapshot.Compiled);
            cancellationToken.ThrowIfCancellationRequested();
            var outcomes = _matcher.MatchAll(extracted, chunk, snapshot.Compiled, cancellationToken);
            for (var i = 0; i < extracted.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claim = extracted[i];
                if (!outcomes[i].IsClaim)
                {
                    continue;
                }

                var sentenceOffset = claim.SentenceOffset + start;
                if (sentenceOffset != lastSentenceOffset)
                {
                    lastSentence = chunk.Substring(claim.SentenceOffset, claim.SentenceLength);
                    lastSentenceOffset = sentenceOffset;
                }

                var id = ids.Next(extracted, i, chunk);
                onClaim(ToResult(claim, start, outcomes[i], lastSentence!, positions, id));
            }
        }

        var characters = useCodePoints ? positions.CodePointsBefore(text.Length) : text.Length;
        return new CheckReport
        {
            Service = new ServiceInfo(ServiceName, ServiceVersion),
            FactSet = new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.ETag),
            Document = new DocumentInfo(request.Name, characters, request.StringIndexType),
            Summary = new ReportSummary(),
            Claims = [],
        };
    }

    /// <summary>Cuts the text at line ends into pieces of about <see cref="ChunkCharacters"/>; a claim never spans a line end between paragraphs.</summary>
    internal static IEnumerable<(int Start, int Length)> Chunks(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + ChunkCharacters);
            if (end < text.Length)
            {
                // Prefer a blank line (a paragraph break), then any line end, then a space.
                var cut = text.LastIndexOf("\n\n", end - 1, end - start - 1, StringComparison.Ordinal);
                if (cut <= start)
                {
                    cut = text.LastIndexOf('\n', end - 1, end - start - 1);
                }

                if (cut <= start)
                {
                    cut = text.LastIndexOf(' ', end - 1, end - start - 1);
                }

                end = cut > start ? cut + 1 : end;
            }

            yield return (start, end - start);
            start = end;
        }
    }

    private static ClaimResult ToResult(
        ExtractedClaim claim, int chunkStart, MatchOutcome outcome, string sentence, PositionCursor positions, string id)
    {
        var (offset, length, line, column) = positions.Locate(claim.Offset + chunkStart, claim.Length);

        return new ClaimResult
        {
            Id = id,
            Kind = KindName(claim.Kind),
            Status = outcome.Status,
            Severity = ClaimStatuses.SeverityOf(outcome.Status),
            Offset = offset,
            Length = length,
            Line = line,
            Column = column,
            Text = claim.Text,
            Sentence = Excerpt(sentence, claim.Offset - claim.SentenceOffset, claim.Length),
            Value = ReportValues.From(claim),
            Person = claim.PersonText,
            Message = outcome.Message,
            Evidence = outcome.Evidence,
            Suggestion = outcome.Suggestion,
            Confidence = outcome.Confidence,
        };
    }

    /// <summary>The longest <c>sentence</c> a claim reports: a longer one is shown as an excerpt around the claim.</summary>
    public const int MaxSentenceExcerpt = 400;

    /// <summary>
    /// The sentence, or when it is longer than <see cref="MaxSentenceExcerpt"/> an excerpt of that length around the
    /// claim (marked with "…" where cut), so a report grows with the number of claims, not with their sentences' length.
    /// </summary>
    internal static string Excerpt(string sentence, int claimOffset, int claimLength)
    {
        if (sentence.Length <= MaxSentenceExcerpt)
        {
            return sentence;
        }

        claimOffset = Math.Clamp(claimOffset, 0, sentence.Length);
        var room = Math.Max(0, MaxSentenceExcerpt - Math.Min(claimLength, MaxSentenceExcerpt));
        var start = Math.Max(0, claimOffset - room / 2);
        var end = Math.Min(sentence.Length, start + MaxSentenceExcerpt);
        start = Math.Max(0, end - MaxSentenceExcerpt);
        if (start > 0 && char.IsLowSurrogate(sentence[start]))
        {
            start++;
        }

        if (end < sentence.Length && char.IsHighSurrogate(sentence[end - 1]))
        {
            end--;
        }

        return (start > 0 ? "…" : "") + sentence[start..end] + (end < sentence.Length ? "…" : "");
    }

    public static string KindName(ClaimKind kind) => kind switch
    {
        ClaimKind.Figure => ClaimKinds.Figure,
        ClaimKind.Date => ClaimKinds.Date,
        ClaimKind.Attribution => ClaimKinds.Attribution,
        ClaimKind.Quote => ClaimKinds.Quote,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
