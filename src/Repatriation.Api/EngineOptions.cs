namespace Repatriation.Api;

/// <summary>Engine switches. Bound from the section "Engine" (env: Engine__…).</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>
    /// Sentence similarity (a local MiniLM model) as a second, support-only reading of figures and dates that the words
    /// around them tie to nothing. Off by default: it costs about 400 MB of memory and 10-20 ms per such sentence, and
    /// the host must register the model with <c>AddSemanticEngine()</c> (Repatriation.Semantic); `serve` does.
    /// </summary>
    public bool Semantic { get; set; }
}
