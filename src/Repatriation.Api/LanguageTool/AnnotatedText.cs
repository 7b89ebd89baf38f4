using System.Text;
using System.Text.Json;

namespace Repatriation.Api.LanguageTool;

/// <summary>
/// What a LanguageTool client sent: plain <c>text</c>, or <c>data</c> whose markup segments are
/// skipped (replaced by their <c>interpretAs</c>) for checking. Offsets sent back count the markup
/// too, as LanguageTool's do, so a client can apply them to the document it annotated.
/// </summary>
public sealed class AnnotatedText
{
    private readonly List<Segment> _segments;

    private AnnotatedText(string original, string checkedText, List<Segment> segments)
    {
        Original = original;
        CheckedText = checkedText;
        _segments = segments;
    }

    /// <summary>Every segment's characters in order (text and markup): what the client's offsets index.</summary>
    public string Original { get; }

    /// <summary>The text the engine reads: text segments as given, markup replaced by its interpretAs.</summary>
    public string CheckedText { get; }

    /// <param name="CheckedStart">Where the segment starts in <see cref="CheckedText"/>.</param>
    /// <param name="CheckedLength">Its length there (interpretAs for markup).</param>
    /// <param name="OriginalStart">Where it starts in <see cref="Original"/>.</param>
    /// <param name="OriginalLength">Its length there (the markup itself).</param>
    private readonly record struct Segment(int CheckedStart, int CheckedLength, int OriginalStart, int OriginalLength, bool IsMarkup);

    public static AnnotatedText FromText(string text) =>
        new(text, text, [new Segment(0, text.Length, 0, text.Length, IsMarkup: false)]);

    /// <summary>Parses LanguageTool's <c>data</c> parameter; a malformed one throws <see cref="FormatException"/> saying why.</summary>
    public static AnnotatedText FromData(string data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new FormatException($"'data' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("annotation", out var annotation)
                || annotation.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("'data' must be a JSON object with an array 'annotation', e.g. {\"annotation\":[{\"text\":\"A \"},{\"markup\":\"<b>\"},{\"text\":\"test\"}]}.");
            }

            var original = new StringBuilder();
            var checkedText = new StringBuilder();
            var segments = new List<Segment>();
            var index = 0;
            foreach (var item in annotation.EnumerateArray())
            {
                var text = OptionalString(item, "text", index);
                var markup = OptionalString(item, "markup", index);
                var interpretAs = OptionalString(item, "interpretAs", index);
                if (text is not null && markup is not null)
                {
                    throw new FormatException($"annotation[{index}] has both 'text' and 'markup'; give one of them.");
                }

                if (text is null && markup is null)
                {
                    throw new FormatException($"annotation[{index}] needs 'text' or 'markup'.");
                }

                if (text is not null && interpretAs is not null)
                {
                    throw new FormatException($"annotation[{index}]: 'interpretAs' goes with 'markup', not with 'text'.");
                }

                var (shown, read) = text is not null ? (text, text) : (markup!, interpretAs ?? "");
                segments.Add(new Segment(checkedText.Length, read.Length, original.Length, shown.Length, IsMarkup: text is null));
                original.Append(shown);
                checkedText.Append(read);
                index++;
            }

            return new AnnotatedText(original.ToString(), checkedText.ToString(), segments);
        }
    }

    /// <summary>
    /// Maps a span of <see cref="CheckedText"/> to <see cref="Original"/>. A span that starts or ends
    /// inside a markup's interpretAs takes in the whole markup.
    /// </summary>
    public (int Offset, int Length) ToOriginal(int checkedOffset, int checkedLength)
    {
        var start = Map(checkedOffset, isEnd: false);
        var end = Map(checkedOffset + checkedLength, isEnd: true);
        return (start, Math.Max(0, end - start));
    }

    private int Map(int position, bool isEnd)
    {
        foreach (var s in _segments)
        {
            var segmentEnd = s.CheckedStart + s.CheckedLength;
            // A boundary shared by two segments belongs to the later one for a start, the earlier one for an end.
            var inside = isEnd
                ? position > s.CheckedStart && position <= segmentEnd
                : position >= s.CheckedStart && position < segmentEnd;
            if (!inside)
            {
                continue;
            }

            if (!s.IsMarkup)
            {
                return s.OriginalStart + (position - s.CheckedStart);
            }

            return isEnd ? s.OriginalStart + s.OriginalLength : s.OriginalStart;
        }

        // Past the last character (an empty span at the end, or empty segments only).
        return position <= 0 ? 0 : Original.Length;
    }

    private static string? OptionalString(JsonElement item, string name, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"annotation[{index}] must be an object with 'text' or 'markup'.");
        }

        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"annotation[{index}].{name} must be a string.");
    }
}
