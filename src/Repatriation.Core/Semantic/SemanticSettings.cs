namespace Repatriation.Core.Semantic;

/// <summary>
/// How far sentence similarity may go. The numbers were chosen on the tuning part of the evaluation corpus,
/// leave-one-source-out (eval/tools/SemanticTune.cs; docs/semantic.md); the examples in
/// tests/Repatriation.Semantic.Tests fail when one moves.
/// </summary>
public sealed record SemanticSettings
{
    /// <summary>
    /// A measure, event or act this alike to the claim's sentence may bear a precise claim out when its value fits: a
    /// figure of three significant digits or more ("368", "approximately 154"), a date of a day or a month that an
    /// event of a day or a month fits.
    /// </summary>
    public double SupportSimilarity { get; init; } = 0.40;

    /// <summary>
    /// The likeness a loose claim needs: a vague, bounded or round figure ("millions", "70,000", "most") or a date of a
    /// season, year or more, or one an event lasting months contains. Such values fit many facts by chance.
    /// </summary>
    public double LooseSupportSimilarity { get; init; } = 0.50;

    /// <summary>A loose claim may be borne out only by the most alike reading, never by a rival within the margin.</summary>
    public bool LooseTopOnly { get; init; }

    /// <summary>Only readings within this much of the most alike one are weighed: a far second is another matter.</summary>
    public double RivalMargin { get; init; } = 0.20;

    /// <summary>A fact this alike is named as the closest fact in an unsupported claim's message.</summary>
    public double ClosestSimilarity { get; init; } = 0.50;

    /// <summary>The claim's own words: this many words either side of it (0: the whole sentence).</summary>
    public int QueryWindowWords { get; init; }

    /// <summary>The group and place the claim names must be the measure's own (otherwise only a conflicting one excludes it).</summary>
    public bool StrictScope { get; init; }

    /// <summary>Also reconsider claims whose lexical reading was too unsure to call them wrong (demoted to unsupported).</summary>
    public bool ReconsiderDemoted { get; init; } = true;

    /// <summary>Experiment only: a measure at least this alike, clear of the next by <see cref="StrongMargin"/>, may contradict. Off by default.</summary>
    public double StrongSimilarity { get; init; } = double.PositiveInfinity;

    public double StrongMargin { get; init; } = 0.1;
}
