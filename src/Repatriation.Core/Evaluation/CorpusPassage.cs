using System.Text.Json;
using System.Text.Json.Serialization;

namespace Repatriation.Core.Evaluation;

/// <summary>
/// One passage of the evaluation corpus (eval/corpus/*.json, eval/published/{tuning,heldout}/*.json): a text an
/// editor might submit, with every claim in it labelled by hand, and for published prose the source it came from
/// and the spans that look like claims but must not be reported.
/// </summary>
public sealed record CorpusPassage
{
    public required string Id { get; init; }
    public required string Style { get; init; }
    /// <summary>Finer than <see cref="Style"/> and free-form (encyclopedic, government paper, press, blurb…); published passages only.</summary>
    public string? Genre { get; init; }
    /// <summary>Where a published passage comes from; required for the published parts, absent for our own passages.</summary>
    public PassageSource? Source { get; init; }
    /// <summary>The id of the passage (in the same part) this one is a deliberately altered copy of.</summary>
    public string? PerturbedFrom { get; init; }
    /// <summary>What was changed in a perturbed copy, in words.</summary>
    public string? Perturbation { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<LabelledClaim> Claims { get; init; }
    /// <summary>Numbers, years and names-with-verbs that are not claims about the subject and must not be reported.</summary>
    public IReadOnlyList<NonClaim>? NonClaims { get; init; }

    /// <summary>The file it was read from; not part of the file's JSON.</summary>
    [JsonIgnore]
    public string? File { get; init; }

    /// <summary>The genre a passage is reported under: its genre, or for our own passages (which have none) its style.</summary>
    [JsonIgnore]
    public string GenreOrStyle => string.IsNullOrWhiteSpace(Genre) ? Style : Genre;
}

/// <summary>A published passage's origin. <see cref="Verbatim"/> false means a close paraphrase keeping every claim's wording.</summary>
public sealed record PassageSource
{
    public string? Url { get; init; }
    public string? Site { get; init; }
    public string? Title { get; init; }
    public string? Author { get; init; }
    [JsonConverter(typeof(NumberOrStringConverter))]
    public string? Year { get; init; }
    public string? Licence { get; init; }
    public bool? Verbatim { get; init; }
    public string? Note { get; init; }

    /// <summary>
    /// Further provenance a corpus author adds (a translator, an access date, a page): kept, not checked. Unlike a
    /// misspelt label field, an extra word about the source cannot change a score.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? More { get; init; }
}

/// <summary>
/// A claim as the corpus author labelled it. <see cref="Occurrence"/> picks which occurrence of
/// <see cref="Text"/> in the passage is meant (0-based), so a label stays valid when the text repeats.
/// </summary>
public sealed record LabelledClaim
{
    public required string Text { get; init; }
    public int Occurrence { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public required string Truth { get; init; }
    public string? Note { get; init; }
}

/// <summary>A span that must not be reported (a dateline's day, an age, a page number), located like a label.</summary>
public sealed record NonClaim
{
    public required string Text { get; init; }
    public int Occurrence { get; init; }
    public string? Note { get; init; }
}

/// <summary>What the corpus author knows about a claim's truth, independent of the fact set.</summary>
public static class ClaimTruth
{
    public const string True = "true";
    public const string False = "false";
    /// <summary>The fact set is not meant to speak to the claim; the right answer is <c>unsupported</c>.</summary>
    public const string Uncovered = "uncovered";
    public static readonly IReadOnlyList<string> All = [True, False, Uncovered];
}

/// <summary>The styles of writing editors see; every passage is labelled with one.</summary>
public static class PassageStyles
{
    public static readonly IReadOnlyList<string> All =
        ["encyclopedic", "newspaper", "popular history", "manuscript chapter", "blog", "book review", "op-ed"];
}

/// <summary>A source's year may be written 1973 or "1973" or "c. 1975"; it is kept as text.</summary>
internal sealed class NumberOrStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new JsonException($"a year must be a number or a string, not {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
