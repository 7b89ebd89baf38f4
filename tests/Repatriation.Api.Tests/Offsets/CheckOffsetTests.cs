using System.Text;
using System.Text.Json;
using Repatriation.Api.Handlers;
using Repatriation.Api.Tests.LanguageTool;

namespace Repatriation.Api.Tests.Offsets;

/// <summary>
/// Offsets people can trust: POST /api/check with emoji, other astral characters, combining marks
/// and CRLF, CR or LF line ends, in UTF-16 code units (the default) and in code points.
/// </summary>
public sealed class CheckOffsetTests
{
    public static TheoryData<string, string> Texts => new()
    {
        {
            "emoji and CRLF",
            "Émigrés 😀😀 remembered.\r\nBetween 1946 and 1948 several million civilians were forcibly repatriated.\r\n" +
            "👩‍👩‍👧 In June 1945 about 50,000 Cossacks were handed over at Lienz.\r\n"
        },
        {
            "astral letters and combining marks",
            "𝔸𝔹 Emigre\u0301s and Cossacks\u0301 \U0001F1F7\U0001F1FA: Churchill wrote that \"the Cossacks must be handed over at once\" in May 1945.\n" +
            "Ùnder 𝒳 the agreement, 2,272,000 Soviet citizens were returned by the Western Allies between 1945 and 1947."
        },
        {
            "old Mac CR line ends",
            "One.\rTwo 😀.\rBetween 1946 and 1948 several million civilians were forcibly repatriated.\rAbout 50,000 at Lienz in June 1945."
        },
    };

    private static async Task<JsonElement> Check(string text, string? stringIndexType = null)
    {
        var query = stringIndexType is null ? "" : "?stringIndexType=" + stringIndexType;
        var request = LtRequests.Raw("POST", "/api/check", "application/json", JsonSerializer.SerializeToUtf8Bytes(new { text }), query);
        var (status, _, body) = LtRequests.Read(await LtRequests.Handler<CheckHandler>().HandleAsync(request));
        Assert.Equal(200, status);
        return body;
    }

    /// <summary>1-based line and the offset its line starts at, counting CRLF, CR and LF as one break each.</summary>
    private static (int Line, int LineStart) Locate(string text, int utf16Offset)
    {
        var (line, start) = (1, 0);
        for (var i = 0; i < utf16Offset; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                (line, start) = (line + 1, i + 1);
            }
        }

        return (line, start);
    }

    /// <summary>The UTF-16 index of each code point, and the text's length at the end.</summary>
    private static List<int> CodePointStarts(string text)
    {
        var starts = new List<int>();
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            starts.Add(index);
            index += rune.Utf16SequenceLength;
        }

        starts.Add(index);
        return starts;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Check_Utf16_TextAtEachOffsetIsTheClaimAndLineColumnAgree(string what, string text)
    {
        var report = await Check(text);

        var claims = report.GetProperty("claims").EnumerateArray().ToList();
        Assert.True(claims.Count > 0, $"{what}: the engine found no claim, so no offset was tested");
        Assert.Equal("Utf16CodeUnit", report.GetProperty("document").GetProperty("stringIndexType").GetString());
        Assert.Equal(text.Length, report.GetProperty("document").GetProperty("characters").GetInt32());
        foreach (var claim in claims)
        {
            var (offset, length) = (claim.GetProperty("offset").GetInt32(), claim.GetProperty("length").GetInt32());
            Assert.Equal(claim.GetProperty("text").GetString(), text.Substring(offset, length));
            Assert.False(char.IsLowSurrogate(text[offset]), "a claim never starts inside a surrogate pair");
            var (line, lineStart) = Locate(text, offset);
            Assert.Equal(line, claim.GetProperty("line").GetInt32());
            Assert.Equal(offset - lineStart + 1, claim.GetProperty("column").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Check_UnicodeCodePoint_OffsetsCountCodePointsAndPointAtTheSameClaims(string what, string text)
    {
        var utf16 = (await Check(text)).GetProperty("claims").EnumerateArray().ToList();
        var report = await Check(text, "UnicodeCodePoint");

        var claims = report.GetProperty("claims").EnumerateArray().ToList();
        Assert.True(claims.Count > 0, $"{what}: the engine found no claim, so no offset was tested");
        var starts = CodePointStarts(text);
        Assert.Equal(starts.Count - 1, report.GetProperty("document").GetProperty("characters").GetInt32());
        Assert.Equal(utf16.Count, claims.Count);
        foreach (var (claim, same) in claims.Zip(utf16))
        {
            var (offset, length) = (claim.GetProperty("offset").GetInt32(), claim.GetProperty("length").GetInt32());
            var (from, to) = (starts[offset], starts[offset + length]);
            Assert.Equal(claim.GetProperty("text").GetString(), text[from..to]);
            Assert.Equal(same.GetProperty("offset").GetInt32(), from);
            Assert.Equal(same.GetProperty("id").GetString(), claim.GetProperty("id").GetString());
            var (line, lineStart) = Locate(text, from);
            Assert.Equal(line, claim.GetProperty("line").GetInt32());
            Assert.Equal(offset - starts.IndexOf(lineStart) + 1, claim.GetProperty("column").GetInt32());
        }

        // The samples put astral characters before claims, so the two units must differ somewhere.
        Assert.Contains(claims.Zip(utf16), p => p.First.GetProperty("offset").GetInt32() != p.Second.GetProperty("offset").GetInt32());
    }
}
