using System.Text;
using Repatriation.Core.Documents;
using Repatriation.Core.Input;

namespace Repatriation.Core.Tests.Input;

public class StrictUtf8Tests
{
    [Fact]
    public void Decode_ByteOrderMark_IsDropped()
    {
        Assert.Equal("Lienz 1945", StrictUtf8.Decode([0xEF, 0xBB, 0xBF, .. "Lienz 1945"u8], "the body"));
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xFF, 0x42 }, 1)]
    [InlineData(new byte[] { 0x41, 0x42, 0xC3, 0x28 }, 2)]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, 0)] // an encoded surrogate (CESU-8) is not UTF-8
    [InlineData(new byte[] { 0x41, 0xE2, 0x82 }, 1)] // cut off mid-sequence
    [InlineData(new byte[] { 0xC0, 0xAF }, 0)] // an overlong '/'
    public void Decode_InvalidSequence_NamesItsByteOffset(byte[] bytes, int offset)
    {
        var e = Assert.Throws<InvalidTextException>(() => StrictUtf8.Decode(bytes, "the body"));

        Assert.Equal(offset, e.Offset);
        Assert.Contains($"offset {offset}", e.Message);
    }

    [Fact]
    public void Decode_InvalidByteAfterAByteOrderMark_CountsTheMark()
    {
        var e = Assert.Throws<InvalidTextException>(() => StrictUtf8.Decode([0xEF, 0xBB, 0xBF, 0x41, 0xFF], "x"));

        Assert.Equal(4, e.Offset);
    }

    [Fact]
    public void IndexOfInvalid_LongValidTextThenABadByte_FindsItPastTheScratchBuffer()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(new string('é', 5_000)), 0xFE];

        Assert.Equal(10_000, StrictUtf8.IndexOfInvalid(bytes));
    }

    [Theory]
    [InlineData("{\"text\":\"\\ud800\"}", 9)]
    [InlineData("{\"text\":\"a\\uDC00\"}", 10)]
    [InlineData("{\"text\":\"\\ud800\\u0041\"}", 9)]
    [InlineData("{\"text\":\"\\ud83d\\ude00 fine\"}", -1)]
    [InlineData("{\"text\":\"\\\\ud800 is escaped text\"}", -1)]
    [InlineData("{\"text\":\"plain\"}", -1)]
    public void IndexOfLoneSurrogateEscape_FindsUnpairedEscapes(string json, int offset)
    {
        Assert.Equal(offset, StrictUtf8.IndexOfLoneSurrogateEscape(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void IndexOfLoneSurrogate_PairsPassLoneHalvesDoNot()
    {
        Assert.Equal(-1, StrictUtf8.IndexOfLoneSurrogate("a😀b"));
        Assert.Equal(1, StrictUtf8.IndexOfLoneSurrogate("a\ud800b"));
        Assert.Equal(2, StrictUtf8.IndexOfLoneSurrogate("ab\udc00"));
    }

    [Fact]
    public void DocumentReader_InvalidUtf8Text_NamesTheFileAndOffset()
    {
        var e = Assert.Throws<UnreadableDocumentException>(() => DocumentReader.Read("ch1.txt", [.. "In 1945 "u8, 0xFF]));

        Assert.StartsWith("ch1.txt: ", e.Message);
        Assert.Contains("offset 8", e.Message);
    }
}
