using System.Text;
using CsCheck;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Input;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Hostile;

/// <summary>
/// Property tests (CsCheck): any string, biased towards the pieces claims are made of, through the splitter, the
/// extractor, the whole check and the document readers. Kept to a few hundred cases so CI stays quick; the SharpFuzz
/// target in tests/Repatriation.Fuzz runs the same readers for as long as one likes.
/// </summary>
public class PropertyTests
{
    private static readonly FactSetSnapshot Shipped = FactSetLoader.LoadShipped();

    private static readonly string[] Pieces =
    [
        "1945", "1 ", "2,272,000", "50,000", "45%", "£1,000", "14 May 1945", "between 1946 and 1948", "several million",
        "Churchill", "Stalin", "Tolstoy", "Zemskov", "said", "wrote", "signed", "according to ", "’s book ", "Yalta",
        "Lienz", "Cossacks", "prisoners of war", "repatriated", "handed over", "\"", "“", "”", "‘", "’", "'", "(", ")",
        "[", "]", "[12]", ".", ". ", "!", "?", "…", ";", ":", ",", " — ", "-", "–", " ", "  ", "\n", "\n\n", "\t",
        "No. 270", "V. N. ", "c. ", "e.g. ", "U.S.S.R.", "𝔸", "é", "\u00a0", "\u200b", "\ufeff", "#", "*", "_", "`",
        "<p>", "</p>", "&amp;", "a", "the", "and", "0", "9", "1,000,000,", "1.5", "1940s", "mid-1946",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (8, Gen.OneOf(Pieces)),
        (1, Gen.Char.Select(c => c.ToString())),
        (1, Gen.String[0, 8]));

    /// <summary>Texts of up to a few thousand characters built from claim pieces and anything else.</summary>
    private static readonly Gen<string> Text = Piece.Array[0, 600].Select(p => string.Concat(p));

    /// <summary>Texts built by repeating one short unit many times: the shapes that broke linearity.</summary>
    private static readonly Gen<(string Unit, int Times)> Runs = Gen.Select(Piece.Array[1, 4].Select(p => string.Concat(p)).Where(u => u.Length > 0), Gen.Int[200, 1500]);

    [Fact]
    public void Split_AnyText_SpansAreOrderedInsideTheTextAndBounded()
    {
        Text.Sample(text =>
        {
            var spans = SentenceSplitter.Split(text);
            var end = 0;
            foreach (var span in spans)
            {
                Assert.True(span.Offset >= end && span.Length > 0 && span.End <= text.Length);
                Assert.True(span.Length <= SentenceSplitter.MaxLength);
                end = span.End;
            }
        }, iter: 400, threads: 1);
    }

    [Fact]
    public void Check_AnyText_NoExceptionAndEveryClaimIsItsOwnTextInsideTheText()
    {
        var checker = new ClaimChecker();
        Text.Sample(text =>
        {
            var report = checker.Check(new CheckRequest(text, "fuzz"), Shipped);
            foreach (var claim in report.Claims)
            {
                Assert.InRange(claim.Offset, 0, text.Length);
                Assert.InRange(claim.Length, 1, text.Length - claim.Offset);
                Assert.Equal(text.Substring(claim.Offset, claim.Length), claim.Text);
                Assert.True(claim.Sentence.Length <= ClaimChecker.MaxSentenceExcerpt + 2);
                Assert.InRange(claim.Line, 1, text.Count(c => c == '\n') + 1);
            }

            Assert.Equal(report.Claims.Count, report.Summary.Claims);
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Check_AnyTextInCodePoints_OffsetsStayInsideTheText()
    {
        var checker = new ClaimChecker();
        Text.Sample(text =>
        {
            var codePoints = text.EnumerateRunes().Count();
            var report = checker.Check(new CheckRequest(text, "fuzz", StringIndexTypes.UnicodeCodePoint), Shipped);
            Assert.All(report.Claims, c => Assert.True(c.Offset >= 0 && c.Offset + c.Length <= codePoints));
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Check_AnyRepeatedUnit_WorkGrowsLinearly()
    {
        var checker = new ClaimChecker();
        long Allocated(string text)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            checker.Check(new CheckRequest(text, "run"), Shipped);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Runs.Sample(run =>
        {
            var small = string.Concat(Enumerable.Repeat(run.Unit, run.Times));
            var large = string.Concat(Enumerable.Repeat(run.Unit, run.Times * 4));
            var a = Allocated(small);
            var b = Allocated(large);
            Assert.True(b <= a * 6 + 2_000_000, $"'{run.Unit}' x {run.Times}: {a:N0} bytes, x4: {b:N0} bytes");
        }, iter: 25, threads: 1);
    }

    [Theory]
    [InlineData("fuzz.txt")]
    [InlineData("fuzz.md")]
    [InlineData("fuzz.html")]
    [InlineData("fuzz.docx")]
    public void Read_AnyBytes_ReadsOrRefusesInOneLine(string name)
    {
        var bytes = Gen.Frequency(
            (3, Gen.Byte.Array[0, 3000]),
            (3, Text.Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Gen.Int[0, 2000].Select(i => MutatedDocx(i))));
        bytes.Sample(content =>
        {
            try
            {
                var document = DocumentReader.Read(name, content);
                Assert.NotNull(document.Text);
                Assert.All(document.Segments, s => Assert.True(s.Start >= 0 && s.Start + s.Length <= document.Text.Length));
                Assert.All(document.Sections, s => Assert.InRange(s.Offset, 0, document.Text.Length));
            }
            catch (UnreadableDocumentException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                Assert.StartsWith(name + ": ", e.Message);
            }
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Decode_AnyBytes_AgreesWithTheFrameworkStrictDecoder()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            string? expected;
            try
            {
                var start = bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0;
                expected = strict.GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException)
            {
                expected = null;
            }

            try
            {
                Assert.Equal(expected, StrictUtf8.Decode(bytes, "x"));
            }
            catch (InvalidTextException e)
            {
                Assert.Null(expected);
                Assert.InRange(e.Offset, 0, bytes.Length);
            }
        }, iter: 2000, threads: 1);
    }

    private static readonly byte[] Docx = TestDocxBytes();

    private static byte[] TestDocxBytes() => Repatriation.Core.Tests.Documents.TestDocx.Build(
        [new("Chapter One", "Heading1"), new("In 1945 the British handed over 2,272,000 people at Lienz.")], ["Zemskov, p. 12."], ["Tolstoy 1977."]);

    /// <summary>The test .docx with a few bytes flipped: most land in compressed data, some in the zip's directory.</summary>
    private static byte[] MutatedDocx(int seed)
    {
        var random = new Random(seed);
        var bytes = (byte[])Docx.Clone();
        for (var i = 0; i < 1 + seed % 8; i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }
}
