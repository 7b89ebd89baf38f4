using Repatriation.Core.Checking;
using Repatriation.Core.Extraction;
using Repatriation.Core.Reports;
using Repatriation.Core.Rules;

namespace Repatriation.Core.Matching;

/// <summary>
/// Grades verdicts by the evidence they rest on. A strong status (contradicted, imprecise, misattributed) is an
/// editor's red mark: it stands only when the reading behind it is at least as sure as the rules' threshold.
/// Below it the claim is unsupported and the message names the closest fact, so the editor still sees what the fact
/// set holds nearby without being told the text is wrong. A reading that rested on something the rules list as a
/// doubt (another measure gives this very figure, a rival reading, a vague quantity, a name carried from before or
/// named only by a keyword) never gives a strong verdict: on prose we did not write such readings were wrong far more
/// often than the confidence they multiply down to says, so a product of factors is not trusted to clear them.
/// </summary>
internal sealed class VerdictGrader
{
    private readonly RuleNumbers _numbers;
    private readonly ReadingTraits _vetoes;

    public VerdictGrader(RuleNumbers numbers, WordSet strongVetoTraits)
    {
        _numbers = numbers;
        foreach (var name in strongVetoTraits.Items)
        {
            _vetoes |= Enum.TryParse<ReadingTraits>(name, ignoreCase: false, out var trait) && trait != ReadingTraits.None
                ? trait
                : throw new InvalidDataException($"The rules' strongVetoTraits names '{name}', which is no reading trait.");
        }
    }

    public MatchOutcome Grade(ExtractedClaim claim, MatchOutcome outcome)
    {
        var confidence = Math.Clamp(outcome.Confidence, 0, 1);
        if (IsStrong(outcome.Status) && (confidence < _numbers.StrongThreshold || Vetoed(outcome.Reading.Traits)))
        {
            return Demote(claim, outcome, confidence);
        }

        return outcome with { Confidence = Math.Round(confidence, 2) };
    }

    /// <summary>A name the sources record as wrongly credited is a known mistake however it was read.</summary>
    private bool Vetoed(ReadingTraits traits) =>
        (traits & _vetoes) != 0 && (traits & ReadingTraits.KnownWrong) == 0;

    public static bool IsStrong(string status) =>
        status is ClaimStatuses.Contradicted or ClaimStatuses.Imprecise or ClaimStatuses.Misattributed;

    /// <summary>How sure a reading is of its term at <paramref name="distance"/> words (1 up to the plain distance, falling to the far confidence at <paramref name="maxDistance"/>).</summary>
    public static double Naming(RuleNumbers numbers, int distance, int maxDistance)
    {
        if (distance <= numbers.PlainTermDistance)
        {
            return 1;
        }

        var span = Math.Max(1, maxDistance - numbers.PlainTermDistance);
        var share = Math.Min(1.0, (double)(distance - numbers.PlainTermDistance) / span);
        return 1 - (1 - numbers.FarReadingConfidence) * share;
    }

    private MatchOutcome Demote(ExtractedClaim claim, MatchOutcome outcome, double confidence)
    {
        var kind = ClaimChecker.KindName(claim.Kind);
        var closest = outcome.Evidence.FirstOrDefault();
        var message = closest is null
            ? $"No fact in the fact set settles this {kind}; check it against a source before publishing."
            : $"No fact in the fact set settles this {kind}. Closest fact: {Sentence(closest.Statement)} ({Cite(closest)}). It may be about something else; check the {kind} against a source before publishing.";
        return new MatchOutcome(ClaimStatuses.Unsupported, message, closest is null ? [] : [closest], null)
        {
            Confidence = Math.Round(1 - confidence, 2),
            Reading = outcome.Reading,
        };
    }

    private static string Sentence(string statement) => statement.TrimEnd().TrimEnd('.');

    private static string Cite(Evidence fact) =>
        fact.Sources.Count == 0 ? fact.FactId : TextReportWriter.Cite(fact.Sources[0]);
}
