using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Hostile;

/// <summary>
/// The shapes an attacker (or a careless paste) sends: no full stops, endless runs of figures, names, quotes or
/// brackets, one huge word. Work is compared between a text and the same shape four times as long by the bytes the
/// check allocates (deterministic, unlike a stopwatch): linear work allocates about four times as much, the
/// quadratic and cubic work these shapes used to cause sixteen or sixty-four times.
/// </summary>
public class HostileShapeTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();

    public static TheoryData<string, string> Shapes => new()
    {
        { "bare figures", "1 " },
        { "attributed quotes", "Churchill said \"we must\" " },
        { "prose without full stops", "the British handed the Cossacks over at Lienz and the camps at Dachau and Plattling were emptied by force while " },
        { "years", "1945 " },
        { "figures with their nouns", "230,000 prisoners and 2,272,000 repatriated, " },
        { "dates", "14 May 1945 and 1 June 1946, " },
        { "names", "Churchill Stalin Roosevelt Eden Tolstoy Zemskov Krasnov " },
        { "quotes", "\"we must\" " },
        { "open quotes", "Churchill said \"we " },
        { "brackets", "([{" },
        { "closers", ")]}" },
        { "digit groups without spaces", "1,000,000," },
        { "percentages", "45% " },
        { "list numbers", "1. " },
        { "one word", "a" },
        { "surrogate pairs", "𝔸" },
        { "attribution cues", "according to Zemskov Tolstoy wrote that Stalin ordered " },
        { "number words", "two million three hundred thousand " },
    };

    private static string Repeat(string unit, int characters) =>
        string.Concat(Enumerable.Repeat(unit, characters / unit.Length + 1))[..characters];

    private static long AllocatedByCheck(string text)
    {
        var checker = new ClaimChecker();
        var before = GC.GetAllocatedBytesForCurrentThread();
        checker.Check(new CheckRequest(text, "hostile"), Shipped);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Check_HostileShape_WorkGrowsLinearly(string shape, string unit)
    {
        AllocatedByCheck(Repeat(unit, 2_000)); // warm-up: first-use caches are not the text's cost
        var small = AllocatedByCheck(Repeat(unit, 8_000));
        var large = AllocatedByCheck(Repeat(unit, 32_000));

        // Linear: about 4x. Before the windows, bare figures gave 16x and more.
        Assert.True(large <= small * 6 + 4_000_000, $"{shape}: {small:N0} bytes for 8,000 characters, {large:N0} for 32,000");
    }

    /// <summary>
    /// The shapes through every report writer at once (as a job writes them), in both offset units: the bytes they
    /// allocate grow with the report, whatever the shape, including the parts the HTML and text writers set aside.
    /// </summary>
    [Theory]
    [InlineData("years", "1945 ", StringIndexTypes.Utf16CodeUnit)]
    [InlineData("years beside surrogate pairs", "𝔸 1945 ", StringIndexTypes.UnicodeCodePoint)]
    [InlineData("attributed quotes", "Churchill said \"we must\" ", StringIndexTypes.UnicodeCodePoint)]
    [InlineData("figures with their nouns", "230,000 prisoners and 2,272,000 repatriated, ", StringIndexTypes.Utf16CodeUnit)]
    public void Writers_HostileShape_WorkGrowsLinearly(string shape, string unit, string stringIndexType)
    {
        long AllocatedByWriters(string text)
        {
            var document = Repatriation.Core.Documents.DocumentReader.FromPlainText("hostile.txt", text);
            var report = new Repatriation.Core.Checking.ManuscriptChecker(new ClaimChecker(parallelism: 1)).Check(document, Shipped, stringIndexType);
            var before = GC.GetAllocatedBytesForCurrentThread();
            using (var json = new JsonReportWriter(Stream.Null))
            using (var sarif = new SarifReportWriter(Stream.Null))
            using (var html = new HtmlReportWriter(Stream.Null, "hostile"))
            {
                var textOutput = new TextReportWriter(TextWriter.Null, colour: false, withInconsistencies: true);
                ReportSinks.Replay(report, ReportSinks.Tee(json.Report(), sarif.Report(), html.Report(text), textOutput.Report()));
                json.Complete();
                sarif.Complete();
                html.Complete();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedByWriters(Repeat(unit, 2_000));
        var small = AllocatedByWriters(Repeat(unit, 8_000));
        var large = AllocatedByWriters(Repeat(unit, 32_000));

        Assert.True(large <= small * 6 + 1_000_000, $"{shape}: {small:N0} bytes for 8,000 characters, {large:N0} for 32,000");
    }

    [Fact]
    public void Check_YearsWithoutFullStop_ReportGrowsLinearlyWithClaims()
    {
        // "1945 " x 8,000 used to answer 324 MB: every claim repeated the whole 40 KB sentence.
        var checker = new ClaimChecker();
        var small = ReportJson.Serialize(checker.Check(new CheckRequest(Repeat("1945 ", 10_000), "years"), Shipped));
        var large = ReportJson.Serialize(checker.Check(new CheckRequest(Repeat("1945 ", 40_000), "years"), Shipped));

        Assert.InRange((double)large.Length / small.Length, 3.5, 4.5);
        Assert.True(large.Length / 8_000 < 2_000, $"{large.Length:N0} characters for 8,000 claims");
    }

    [Fact]
    public void StreamingWriter_YearsOneHundredThousandTimes_WritesAReportOfBoundedSizePerClaim()
    {
        // 500 KB, inside the request limit; it used to run out of memory.
        var text = Repeat("1945 ", 500_000);
        using var output = new CountingStream();

        var summary = StreamingReportWriter.WriteJson(output, new ClaimChecker(), new CheckRequest(text, "years"), Shipped);

        Assert.Equal(100_000, summary.Claims);
        Assert.True(output.Length / summary.Claims < 2_000, $"{output.Length:N0} bytes for {summary.Claims:N0} claims");
    }

    [Fact]
    public void Check_SentenceLongerThanTheExcerpt_ReportsAnExcerptAroundTheClaim()
    {
        var text = Repeat("the camps were emptied and the trains left ", 350) + "while 2,272,000 were handed over " + Repeat("and the trains left ", 50);
        var onlyWords = text.Replace(",", "");

        var report = new ClaimChecker().Check(new CheckRequest(text, "long"), Shipped);

        var claim = Assert.Single(report.Claims, c => c.Text == "2,272,000");
        Assert.InRange(claim.Sentence.Length, 1, ClaimChecker.MaxSentenceExcerpt + 2);
        Assert.Contains("2,272,000", claim.Sentence);
        Assert.All(report.Claims, c => Assert.True(c.Sentence.Length <= ClaimChecker.MaxSentenceExcerpt + 2));
        Assert.NotNull(onlyWords);
    }

    [Theory]
    [InlineData(10, 0, 10)]
    [InlineData(1000, 500, 5)]
    [InlineData(1000, 0, 5)]
    [InlineData(1000, 995, 5)]
    [InlineData(1000, 10, 900)]
    public void Excerpt_AnyClaimPosition_HoldsTheClaimStartWithinTheBound(int sentenceLength, int claimOffset, int claimLength)
    {
        var sentence = new string('x', claimOffset) + new string('C', claimLength) + new string('y', sentenceLength - claimOffset - claimLength);

        var excerpt = ClaimChecker.Excerpt(sentence, claimOffset, claimLength);

        Assert.True(excerpt.Length <= ClaimChecker.MaxSentenceExcerpt + 2);
        Assert.Contains('C', excerpt);
    }

    [Fact]
    public void Check_TokenCancelledDuringTheCheck_StopsBeforeTheNextClaim()
    {
        // Three chunks of years: a client that leaves after the first claim must not pay for the rest.
        var text = Repeat("1945 ", 3 * ClaimChecker.ChunkCharacters);
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => new ClaimChecker().Stream(new CheckRequest(text, "cancelled"), Shipped, _ =>
        {
            seen++;
            cancellation.Cancel();
        }, cancellation.Token));

        Assert.Equal(1, seen);
    }

    [Fact]
    public void Check_TokenAlreadyCancelled_DoesNoWork()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ClaimChecker().Stream(new CheckRequest(Repeat("1 ", 60_000), "cancelled"), Shipped, _ => seen++, cancellation.Token));

        Assert.Equal(0, seen);
    }

    [Fact]
    public void MatchAll_TokenCancelled_StopsAtTheNextSentence()
    {
        // Sentences with claims in them ("1 1 1 …" is a run of numbers, no claim, since the engine reads printing lines).
        var text = Repeat("In 1946, 195,273 Soviet citizens went home. ", 40_000);
        var claims = new Repatriation.Core.Extraction.ClaimExtractor().Extract(text, Shipped.Compiled);
        Assert.NotEmpty(claims);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new Repatriation.Core.Matching.ClaimMatcher().MatchAll(claims, text, Shipped.Compiled, cancellation.Token));
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
