using System.Text.Json.Serialization;

namespace Repatriation.Core.Evaluation;

/// <summary>
/// One passage of the evaluation corpus (eval/corpus/*.json): a text an editor might submit, with every
/// claim in it labelled by hand.
/// </summary>
public sealed record CorpusPassage
{
    public required string Id { get; init; }
    public required string Style { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<LabelledClaim> Claims { get; init; }

    /// <summary>The file it was read from; not part of the file's JSON.</summary>
    [JsonIgnore]
    public string? File { get; init; }
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
