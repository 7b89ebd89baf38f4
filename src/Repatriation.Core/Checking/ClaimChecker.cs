using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;
using Repatriation.Core.Semantic;

namespace Repatriation.Core.Checking;

/// <summary>
/// The engine every host calls: finds the claims in a text, matches each against a fact-set
/// snapshot and builds the contract's report. Stateless and thread-safe.
/// </summary>
public sealed class ClaimChecker
{
    public const string ServiceName = "repatriation-claims-checker";
    public static readonly string ServiceVersion =
        typeof(ClaimChecker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly ClaimExtractor _extractor = new();
    private readonly ClaimMatcher _matcher;
    private readonly int _parallelism;

    /// <summary>Checks a long text's chunks on every core.</summary>
    public ClaimChecker() : this(Environment.ProcessorCount)
    {
    }

    /// <param name="semantic">Sentence similarity for figures and dates the words tie to nothing (Engine:Semantic; off when null).</param>
    public ClaimChecker(SemanticReader? semantic) : this(Environment.ProcessorCount, semantic)
    {
    }

    /// <param name="parallelism">How many chunks of one text are checked at once (1: one after another, on the caller's thread).</param>
    /// <param name="semantic">Sentence similarity for figures and dates the words tie to nothing (Engine:Semantic; off when null).</param>
    public ClaimChecker(int parallelism, SemanticReader? semantic = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _parallelism = parallelism;
        _matcher = new ClaimMatcher(semantic);
    }

    /// <summary>Texts are checked in chunks of about this many characters, cut at line ends, so memory stays flat on long manuscripts.</summary>
    internal const int ChunkCharacters = 64 * 1024;

    /// <summary>Chunks checked ahead of the one being written out, beyond one per core: enough to keep every core busy, few enough to bound memory.</summary>
    private const int ChunksAheadSpare = 1;

    /// <param name="cancellationToken">Checked between chunks and claims: a request whose client left, a job being
    /// stopped or a time budget that ran out ends the work there with an <see cref="OperationCanceledException"/>.</param>
    public CheckReport Check(CheckRequest request, FactSetSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var sink = new CollectingReportSink();
        Stream(request, snapshot, sink, null, cancellationToken);
        return sink.Report;
    }

    /// <summary>
    /// Checks a text and streams its report into <paramref name="sink"/>: the header, each claim in text order (marked by
    /// <paramref name="review"/>: decisions, baseline) and the totals. Nothing of a claim is kept once the sink has it.
    /// </summary>
    public ReportTotals Stream(CheckRequest request, FactSetSnapshot snapshot, IReportSink sink, ClaimReview? review = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var tally = new ReportTally(review ?? ClaimReview.None());
        sink.Begin(HeaderOf(request, snapshot));
        Stream(request, snapshot, claim => sink.Claim(tally.Add(claim)), cancellationToken);
        var totals = tally.Totals();
        sink.End(totals);
        return totals;
    }

    /// <summary>What a report of this request says before its claims (the document's length in the request's units).</summary>
    public static ReportHeader HeaderOf(CheckRequest request, FactSetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var useCodePoints = UsesCodePoints(request);
        var characters = useCodePoints ? PositionCursor.CodePoints(request.Text) : request.Text.Length;
        return new ReportHeader(
            new ServiceInfo(ServiceName, ServiceVersion),
            new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.ETag),
            new DocumentInfo(request.Name, characters, request.StringIndexType));
    }

    private static bool UsesCodePoints(CheckRequest request)
    {
        var useCodePoints = request.StringIndexType == StringIndexTypes.UnicodeCodePoint;
        if (!useCodePoints && request.StringIndexType != StringIndexTypes.Utf16CodeUnit)
        {
            throw new ArgumentException($"Unknown stringIndexType '{request.StringIndexType}'.", nameof(request));
        }

        return useCodePoints;
    }

    /// <summary>
    /// Checks a text and hands each claim to <paramref name="onClaim"/> in text order, keeping none: the report's
    /// header comes back (its summary and claims empty) for writers that stream claims out as they come.
    /// </summary>
    public CheckReport Stream(CheckRequest request, FactSetSnapshot snapshot, Action<ClaimResult> onClaim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(onClaim);
        var text = request.Text;
        var useCodePoints = UsesCodePoints(request);

        var lines = new LineMap(text);
        var positions = new PositionCursor(text, lines, useCodePoints);
        var ids = new ClaimIds();
        string? lastSentence = null;
        var lastSentenceOffset = -1;
        foreach (var chunk in CheckChunks(text, snapshot, cancellationToken))
        {
            for (var i = 0; i < chunk.Claims.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var claim = chunk.Claims[i];
                if (!chunk.Outcomes[i].IsClaim)
                {
                    continue;
                }

                var sentenceOffset = claim.SentenceOffset + chunk.Start;
                if (sentenceOffset != lastSentenceOffset)
                {
                    lastSentence = chunk.Text.Substring(claim.SentenceOffset, claim.SentenceLength);
                    lastSentenceOffset = sentenceOffset;
                }

                var id = ids.Next(chunk.Fingerprints[i]);
                onClaim(ToResult(claim, chunk.Start, chunk.Outcomes[i], lastSentence!, positions, id));
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

    /// <summary>One chunk's claims, their outcomes and fingerprints: everything but what depends on the chunks before it.</summary>
    private sealed record CheckedChunk(int Start, string Text, IReadOnlyList<ExtractedClaim> Claims, IReadOnlyList<MatchOutcome> Outcomes, ulong[] Fingerprints);

    private CheckedChunk CheckChunk(string text, int start, int length, FactSetSnapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chunk = start == 0 && length == text.Length ? text : text.Substring(start, length);
        var extracted = _extractor.Extract(chunk, snapshot.Compiled);
        cancellationToken.ThrowIfCancellationRequested();
        var outcomes = _matcher.MatchAll(extracted, chunk, snapshot.Compiled, cancellationToken);
        return new CheckedChunk(start, chunk, extracted, outcomes, ClaimIds.Fingerprints(snapshot.FactSet.Id, extracted, chunk));
    }

    /// <summary>
    /// The text's chunks checked, in text order. Chunks are independent (a claim never spans two), so with more than
    /// one they are checked on up to <see cref="_parallelism"/> cores, at most one per core and
    /// <see cref="ChunksAheadSpare"/> ahead of the one being handed out: the order and nearly the memory of the serial
    /// loop, the time of the parallel one.
    /// A text of one chunk is checked on the caller's thread. Work still in flight when the caller stops (cancellation,
    /// an error, a sink that throws) is cancelled and stops at its next check of the token.
    /// </summary>
    private IEnumerable<CheckedChunk> CheckChunks(string text, FactSetSnapshot snapshot, CancellationToken cancellationToken)
    {
        var chunks = Chunks(text);
        if (_parallelism == 1 || text.Length <= ChunkCharacters)
        {
            foreach (var (start, length) in chunks)
            {
                yield return CheckChunk(text, start, length, snapshot, cancellationToken);
            }

            yield break;
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<CheckedChunk>>();
        using var pending = chunks.GetEnumerator();
        try
        {
            void Refill()
            {
                while (inFlight.Count < _parallelism + ChunksAheadSpare && pending.MoveNext())
                {
                    var (start, length) = pending.Current;
                    // Threads of their own, not the pool's: a chunk busy with its extraction when a check is cancelled
                    // must not keep the pool (and with it every other request, or a server's shutdown) waiting.
                    inFlight.Enqueue(Task.Factory.StartNew(
                        () => CheckChunk(text, start, length, snapshot, stop.Token),
                        stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default));
                }
            }

            Refill();
            while (inFlight.Count > 0)
            {
                // Waiting for the next chunk ends at once when the check is cancelled, even in the middle of its extraction.
                var next = inFlight.Peek().WaitAsync(cancellationToken).GetAwaiter().GetResult();
                inFlight.Dequeue();
                Refill();
                yield return next;
            }
        }
        finally
        {
            // Chunks still in flight stop at their next check of the token. They are not waited for: one in the middle
            // of its extraction finishes that (bounded work) first, and a stopping server or a client's cancelled
            // request must not be held for it. Their failures are observed, and the token source freed, when they end.
            stop.Cancel();
            Task.WhenAll(inFlight).ContinueWith(
                static (all, source) =>
                {
                    _ = all.Exception;
                    ((CancellationTokenSource)source!).Dispose();
                },
                stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
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
