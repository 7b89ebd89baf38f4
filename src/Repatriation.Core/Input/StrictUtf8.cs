using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Repatriation.Core.Input;

/// <summary>
/// The one decoder every entry point uses for text that arrives as bytes (JSON and text/plain bodies, form data,
/// fact sets, manuscripts, standard input): UTF-8 or nothing. A byte-order mark is accepted and dropped; the first
/// invalid sequence is refused with its byte offset, never replaced with U+FFFD (which would check, store and show
/// a text nobody wrote). Text that arrives as UTF-16 (a JSON string's \ud800 escapes) is checked for lone surrogates.
/// </summary>
public static class StrictUtf8
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The bytes after a UTF-8 byte-order mark, or all of them when there is none.</summary>
    public static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes;

    /// <summary>Length of the byte-order mark at the start (3 or 0).</summary>
    public static int ByteOrderMarkLength(ReadOnlySpan<byte> bytes) => bytes.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;

    /// <summary>The byte offset of the first invalid UTF-8 sequence, or -1 when every byte is valid.</summary>
    public static long IndexOfInvalid(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[1024];
        long consumed = 0;
        while (!bytes.IsEmpty)
        {
            var status = Utf8.ToUtf16(bytes, scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (status == OperationStatus.InvalidData)
            {
                return consumed;
            }

            if (status == OperationStatus.Done)
            {
                return -1;
            }

            bytes = bytes[read..];
        }

        return -1;
    }

    /// <summary>Decodes UTF-8, dropping a byte-order mark; throws <see cref="InvalidTextException"/> at the first invalid sequence.</summary>
    /// <param name="what">What the bytes are, for the message ("the request body", "chapter1.txt").</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        var bom = ByteOrderMarkLength(bytes);
        var body = bytes[bom..];
        var invalid = IndexOfInvalid(body);
        if (invalid >= 0)
        {
            throw InvalidTextException.AtByte(what, invalid + bom);
        }

        return Encoding.UTF8.GetString(body);
    }

    /// <summary>A file's text, strictly: <see cref="InvalidTextException"/> names the file and the offset of a bad byte.</summary>
    public static string ReadFile(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>The index of the first unpaired surrogate in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The byte offset of the first \uXXXX escape in a JSON document that leaves a surrogate unpaired (a high one not
    /// followed by an escaped low one, or a low one on its own), or -1. Such a string is not Unicode text.
    /// </summary>
    public static long IndexOfLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\')
            {
                continue;
            }

            if (i + 1 >= json.Length)
            {
                return -1;
            }

            if (json[i + 1] != (byte)'u' || !TryHex(json, i + 2, out var unit))
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (i + 11 < json.Length && json[i + 6] == (byte)'\\' && json[i + 7] == (byte)'u'
                    && TryHex(json, i + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    i += 11;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return i;
            }

            i += 5;
        }

        return -1;
    }

    private static bool TryHex(ReadOnlySpan<byte> json, int at, out int value)
    {
        value = 0;
        if (at + 4 > json.Length)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var digit = HexValue(json[at + k]);
            if (digit < 0)
            {
                return false;
            }

            value = value * 16 + digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}

/// <summary>Bytes that are not UTF-8 text, or text that is not Unicode; the message names where.</summary>
public sealed class InvalidTextException(string message, long offset) : FormatException(message)
{
    /// <summary>The byte offset (or, for lone surrogates, the character offset) of the first bad sequence.</summary>
    public long Offset { get; } = offset;

    public static InvalidTextException AtByte(string what, long offset) =>
        new($"{what} is not valid UTF-8: the byte at offset {offset:N0} does not start a valid sequence", offset);

    public static InvalidTextException LoneSurrogate(string what, long offset) =>
        new($"{what} holds a lone surrogate (half of a UTF-16 pair, not a character) at offset {offset:N0}", offset);
}
