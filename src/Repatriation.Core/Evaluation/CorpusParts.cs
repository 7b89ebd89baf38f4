namespace Repatriation.Core.Evaluation;

/// <summary>
/// The three parts of the evaluation corpus. <c>regression</c> is our own passages (eval/corpus), written next to
/// the rules; <c>tuning</c> and <c>heldout</c> are published prose split once by source. Rules may be changed while
/// reading the tuning part; the held-out part is only ever measured, never read, so its figures say how the engine
/// does on prose nobody tuned it to.
/// </summary>
public static class CorpusParts
{
    public const string Regression = "regression";
    public const string Tuning = "tuning";
    public const string Heldout = "heldout";
    public static readonly IReadOnlyList<string> All = [Regression, Tuning, Heldout];

    /// <summary>The parts whose floors CI asserts (tuning is where rules are changed, so a floor there proves little).</summary>
    public static readonly IReadOnlyList<string> WithFloors = [Regression, Heldout];

    /// <summary>Published passages must say where they come from; our own passages have no source.</summary>
    public static bool IsPublished(string part) => part is Tuning or Heldout;

    /// <summary>The part's folder relative to the repository root.</summary>
    public static string RelativeDirectory(string part) => part switch
    {
        Regression => Path.Combine("eval", "corpus"),
        Tuning => Path.Combine("eval", "published", "tuning"),
        Heldout => Path.Combine("eval", "published", "heldout"),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, $"a corpus part is one of {string.Join(", ", All)}"),
    };

    public static string DisplayName(string part) => part == Heldout ? "held-out" : part;
}

/// <summary>One part as read from disk. A part whose folder does not exist (yet) is empty, not an error.</summary>
public sealed record CorpusPart(string Name, string Directory, bool Exists, IReadOnlyList<CorpusPassage> Passages)
{
    public bool IsEmpty => Passages.Count == 0;
}
