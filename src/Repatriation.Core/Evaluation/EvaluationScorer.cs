using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>The checker's report on one corpus passage, or why there is none.</summary>
public sealed record PassageRun(CorpusPassage Passage, CheckReport? Report, string? Error = null);

/// <summary>
/// Lines labelled claims up with found claims by span and computes the figures of
/// <see cref="EvaluationResult"/>. Pure arithmetic on reports: it never runs the engine itself.
/// </summary>
public static class EvaluationScorer
{
    private static readonly string[] Kinds = [ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote];

    public static EvaluationResult Score(IReadOnlyList<PassageRun> runs, FactSetInfo factSet)
    {
        var outcomes = new List<ClaimOutcome>();
        var spurious = new List<SpuriousClaim>();
        var errors = new List<PassageError>();
        var found = 0;
        foreach (var run in runs)
        {
            if (run.Report is null)
            {
                errors.Add(new PassageError(run.Passage.Id, run.Error ?? "no report"));
            }

            var claims = run.Report?.Claims ?? [];
            found += claims.Count;
            var (aligned, unmatched) = Align(run.Passage, claims);
            outcomes.AddRange(aligned);
            spurious.AddRange(unmatched.Select(c => new SpuriousClaim(run.Passage.Id, c.Text, c.Offset, c.Kind, c.Status, c.Message)));
        }

        var falseClaims = outcomes.Where(o => o.Truth == ClaimTruth.False).ToList();
        var trueCovered = outcomes.Where(o => o.Truth == ClaimTruth.True).ToList();
        return new EvaluationResult
        {
            FactSet = factSet,
            Passages = runs.Count,
            Labels = outcomes.Count,
            FoundClaims = found,
            ExtractionRecall = new(outcomes.Count(o => o.Alignment == Alignments.Exact), outcomes.Count),
            LenientExtractionRecall = new(outcomes.Count(o => o.Found), outcomes.Count),
            ExtractionPrecision = new(found - spurious.Count, found),
            StatusAccuracy = new(outcomes.Count(o => o.StatusCorrect), outcomes.Count),
            FalseClaimsFlagged = new(falseClaims.Count(o => o.Flagged), falseClaims.Count),
            FalseClaimsContradictedOrMisattributed = new(
                falseClaims.Count(o => o.FoundStatus is ClaimStatuses.Contradicted or ClaimStatuses.Misattributed), falseClaims.Count),
            FalseAlarmsOnTrueClaims = new(trueCovered.Count(IsFalseAlarm), trueCovered.Count),
            ByStatus = ClaimStatuses.All.Select(s => new StatusScore(
                s,
                Expected: outcomes.Count(o => o.ExpectedStatus == s),
                Predicted: outcomes.Count(o => o.Found && o.FoundStatus == s),
                Correct: outcomes.Count(o => o.StatusCorrect && o.ExpectedStatus == s))).ToList(),
            ByKind = Kinds.Select(k =>
            {
                var ofKind = outcomes.Where(o => o.Kind == k).ToList();
                return new KindScore(
                    k,
                    Labels: ofKind.Count,
                    FoundExact: ofKind.Count(o => o.Alignment == Alignments.Exact),
                    FoundAny: ofKind.Count(o => o.Found),
                    StatusCorrect: ofKind.Count(o => o.StatusCorrect));
            }).ToList(),
            Claims = outcomes,
            Spurious = spurious,
            Errors = errors,
        };
    }

    /// <summary>
    /// A true claim the fact set covers is falsely alarmed when the checker flags it and its status is not
    /// the expected one: a true estimate among disagreeing ones is rightly "disputed", not a false alarm.
    /// A true claim not found at all is an extraction miss, counted there.
    /// </summary>
    private static bool IsFalseAlarm(ClaimOutcome outcome) => outcome.Flagged && outcome.FoundStatus != outcome.ExpectedStatus;

    /// <summary>
    /// Exact spans first (so an exact match is never stolen by an overlapping label), then, for the labels
    /// still open, the found claim of the same kind that overlaps most. Each found claim serves one label.
    /// </summary>
    internal static (IReadOnlyList<ClaimOutcome> Outcomes, IReadOnlyList<ClaimResult> Unmatched) Align(
        CorpusPassage passage, IReadOnlyList<ClaimResult> found)
    {
        var labels = passage.Claims
            .Select(l => (Label: l, Offset: EvaluationCorpus.Locate(passage.Text, l.Text, l.Occurrence)
                ?? throw new CorpusException($"{passage.Id}: occurrence {l.Occurrence} of \"{l.Text}\" is not in the passage")))
            .ToList();
        var match = new ClaimResult?[labels.Count];
        var used = new bool[found.Count];

        for (var i = 0; i < labels.Count; i++)
        {
            var (label, offset) = labels[i];
            var candidates = Enumerable.Range(0, found.Count)
                .Where(j => !used[j] && found[j].Offset == offset && found[j].Length == label.Text.Length)
                .OrderBy(j => found[j].Kind == label.Kind ? 0 : 1)
                .ToList();
            if (candidates.Count > 0)
            {
                used[candidates[0]] = true;
                match[i] = found[candidates[0]];
            }
        }

        var exact = match.Select(m => m is not null).ToArray();
        for (var i = 0; i < labels.Count; i++)
        {
            if (match[i] is not null)
            {
                continue;
            }

            var (label, offset) = labels[i];
            var best = Enumerable.Range(0, found.Count)
                .Where(j => !used[j] && found[j].Kind == label.Kind && Overlap(offset, label.Text.Length, found[j].Offset, found[j].Length) > 0)
                .OrderByDescending(j => Overlap(offset, label.Text.Length, found[j].Offset, found[j].Length))
                .ThenBy(j => found[j].Offset)
                .Select(j => (int?)j)
                .FirstOrDefault();
            if (best is { } b)
            {
                used[b] = true;
                match[i] = found[b];
            }
        }

        var outcomes = labels.Select((l, i) => new ClaimOutcome
        {
            PassageId = passage.Id,
            Style = passage.Style,
            Text = l.Label.Text,
            Offset = l.Offset,
            Kind = l.Label.Kind,
            Truth = l.Label.Truth,
            ExpectedStatus = l.Label.Status,
            Note = l.Label.Note,
            Alignment = match[i] is null ? Alignments.Missed : exact[i] ? Alignments.Exact : Alignments.WrongSpan,
            FoundText = match[i]?.Text,
            FoundKind = match[i]?.Kind,
            FoundStatus = match[i]?.Status,
            Message = match[i]?.Message,
        }).ToList();
        var unmatched = found.Where((_, j) => !used[j]).ToList();
        return (outcomes, unmatched);
    }

    private static int Overlap(int aOffset, int aLength, int bOffset, int bLength) =>
        Math.Min(aOffset + aLength, bOffset + bLength) - Math.Max(aOffset, bOffset);
}
