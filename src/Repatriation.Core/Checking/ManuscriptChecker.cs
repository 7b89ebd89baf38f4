using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;

namespace Repatriation.Core.Checking;

/// <summary>
/// Checks a whole manuscript read by <see cref="DocumentReader"/>: the claim report of its text, plus
/// what only the manuscript as a whole shows: where each claim sits in a structured document, claims by
/// heading or chapter, and the same measure given different values in two places.
/// </summary>
public sealed class ManuscriptChecker
{
    private readonly ClaimChecker _checker;

    public ManuscriptChecker() : this(new ClaimChecker())
    {
    }

    /// <param name="checker">The engine to use (for instance one with sentence similarity).</param>
    public ManuscriptChecker(ClaimChecker checker) => _checker = checker;

    public CheckReport Check(
        SourceDocument document, FactSetSnapshot snapshot, string stringIndexType = StringIndexTypes.Utf16CodeUnit, CancellationToken cancellationToken = default)
    {
        var sink = new CollectingReportSink();
        Stream(document, snapshot, sink, null, stringIndexType, cancellationToken);
        return sink.Report;
    }

    /// <summary>
    /// Checks a manuscript and streams its report into <paramref name="sink"/>: each claim located in the document,
    /// marked by <paramref name="review"/> (decisions, baseline) and counted as it passes; the per-section counts and
    /// the inconsistencies follow the last claim. Returns the totals the sink was given.
    /// </summary>
    public ReportTotals Stream(
        SourceDocument document, FactSetSnapshot snapshot, IReportSink sink, ClaimReview? review = null,
        string stringIndexType = StringIndexTypes.Utf16CodeUnit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(sink);
        var request = new CheckRequest(document.Text, document.Name, stringIndexType);
        var header = ClaimChecker.HeaderOf(request, snapshot);
        var units = new Units(document.Text, stringIndexType == StringIndexTypes.UnicodeCodePoint);
        var tally = new ReportTally(
            review ?? ClaimReview.None(),
            document.Sections.Count == 0 ? null : new SectionTally(document, units),
            new ConsistencyTally(document, units, snapshot));

        sink.Begin(header with
        {
            Document = header.Document with
            {
                Format = document.Format,
                CheckedText = document.TextIsExtracted ? "extracted" : "original",
            },
        });
        var located = document.Segments.Count > 0;
        _checker.Stream(request, snapshot, claim =>
        {
            if (located)
            {
                claim = claim with { Location = Locate(document, units, claim.Offset) };
            }

            sink.Claim(tally.Add(claim));
        }, cancellationToken);

        var totals = tally.Totals();
        sink.End(totals);
        return totals;
    }

    private static ClaimLocation? Locate(SourceDocument document, Units units, int offset)
    {
        var utf16 = units.ToUtf16(offset);
        if (document.Locate(utf16) is not { } location)
        {
            return null;
        }

        var paragraphStart = utf16 - location.Offset;
        return new ClaimLocation(location.Part, location.Paragraph, offset - units.FromUtf16(paragraphStart), location.Note);
    }

    /// <summary>Claims by status per heading or chapter (null without headings), as a check streams them.</summary>
    internal static IReadOnlyList<SectionSummary>? SummariseSections(SourceDocument document, Units units, IReadOnlyList<ClaimResult> claims)
    {
        if (document.Sections.Count == 0)
        {
            return null;
        }

        var tally = new SectionTally(document, units);
        foreach (var claim in claims)
        {
            tally.Add(claim);
        }

        return tally.Summaries();
    }

    /// <summary>The same measure given values that cannot both be right, as a check streams the claims (see <see cref="ConsistencyTally"/>).</summary>
    internal static IReadOnlyList<ConsistencyFinding> FindInconsistencies(SourceDocument document, Units units, IReadOnlyList<ClaimResult> claims, FactSetSnapshot snapshot)
    {
        var tally = new ConsistencyTally(document, units, snapshot);
        foreach (var claim in claims)
        {
            tally.Add(claim);
        }

        return tally.Findings();
    }

    /// <summary>Converts between UTF-16 offsets and the report's units (the same, unless code points were asked for).</summary>
    internal sealed class Units
    {
        private readonly int[]? _utf16OfCodePoint;

        public Units(string text, bool codePoints)
        {
            if (!codePoints)
            {
                return;
            }

            var map = new List<int>(text.Length + 1);
            for (var i = 0; i < text.Length; i++)
            {
                map.Add(i);
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
            }

            map.Add(text.Length);
            _utf16OfCodePoint = [.. map];
        }

        public int ToUtf16(int offset) => _utf16OfCodePoint is null ? offset : _utf16OfCodePoint[Math.Min(offset, _utf16OfCodePoint.Length - 1)];

        public int FromUtf16(int offset)
        {
            if (_utf16OfCodePoint is null)
            {
                return offset;
            }

            var index = Array.BinarySearch(_utf16OfCodePoint, offset);
            return index >= 0 ? index : ~index;
        }
    }
}
