using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>The checker's report on one corpus passage, or why there is none.</summary>
public sealed record PassageRun(CorpusPassage Passage, CheckReport? Report, string? Error = null);

/// <summary>
/// Lines labelled claims up with found claims by span and computes the figures of
/// <see cref="EvaluationResult"/>. Pure arithmetic on reports: it never runs the engine itself. A perturbed copy is
/// scored like any other passage.
/// </summary>
public static class EvaluationScorer
{
    private static readonly string[] Kinds = [ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote];

    public static EvaluationResult Score(IReadOnlyList<PassageRun> runs, FactSetInfo factSet, string part = CorpusParts.Regression)
    {
        var outcomes = new List<ClaimOutcome>();
        var reported = new List<ReportedClaim>();
        var errors = new List<PassageError>();
        foreach (var run in runs)
        {
            if (run.Report is null)
            {
                errors.Add(new PassageError(run.Passage.Id, run.Error ?? "no report"));
            }

            var (aligned, claims) = Classify(run.Passage, run.Report?.Claims ?? []);
            outcomes.AddRange(aligned);
            reported.AddRange(claims);
        }

        return new EvaluationResult
        {
            Part = part,
            FactSet = factSet,
            Measures = Measures.Of(runs.Count, outcomes, reported),
            ByKind = Kinds.Select(k => new KindMeasures(k, Measures.Of(
                runs.Count(r => r.Passage.Claims.Any(c => c.Kind == k)),
                outcomes.Where(o => o.Kind == k).ToList(),
                reported.Where(r => r.Kind == k).ToList()))).ToList(),
            ByStatus = ClaimStatuses.All.Select(s => new StatusScore(
                s,
                Expected: outcomes.Count(o => o.ExpectedStatus == s),
                Given: outcomes.Count(o => o.Found && o.FoundStatus == s),
                Correct: outcomes.Count(o => o.StatusCorrect && o.ExpectedStatus == s),
                Reported: reported.Count(r => r.Status == s),
                Right: reported.Count(r => r.Status == s && r.Category == ReportedCategories.Labelled && EvaluationCorpus.TruthAllows(r.LabelTruth!, s)),
                OnNonClaims: reported.Count(r => r.Status == s && r.CountsAsNonClaim))).ToList(),
            ByGenre = runs.GroupBy(r => r.Passage.GenreOrStyle).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var ids = g.Select(r => r.Passage.Id).ToHashSet();
                return new GenreMeasures(g.Key, Measures.Of(
                    g.Count(),
                    outcomes.Where(o => ids.Contains(o.PassageId)).ToList(),
                    reported.Where(r => ids.Contains(r.PassageId)).ToList()));
            }).ToList(),
            Claims = outcomes,
            Reported = reported,
            Errors = errors,
        };
    }

    /// <summary>
    /// Aligns the passage's labels with the found claims and sorts every found claim into a
    /// <see cref="ReportedCategories"/> category: aligned to a label; else overlapping a non-claim; else
    /// overlapping no label (unlabelled); else stray.
    /// </summary>
    internal static (IReadOnlyList<ClaimOutcome> Outcomes, IReadOnlyList<ReportedClaim> Reported) Classify(
        CorpusPassage passage, IReadOnlyList<ClaimResult> found)
    {
        var (outcomes, matchOf) = AlignIndexed(passage, found);
        var labelSpans = outcomes.Select(o => (o.Offset, o.Text.Length)).ToList();
        var nonClaims = (passage.NonClaims ?? [])
            .Select(n => (n.Note, Offset: EvaluationCorpus.Locate(passage.Text, n.Text, n.Occurrence)
                ?? throw new CorpusException($"{passage.Id}: occurrence {n.Occurrence} of the non-claim \"{n.Text}\" is not in the passage"), n.Text.Length))
            .ToList();

        var reported = found.Select((c, j) =>
        {
            string category;
            string? truth = null, note = null;
            if (matchOf[j] is { } label)
            {
                category = ReportedCategories.Labelled;
                truth = outcomes[label].Truth;
            }
            else if (nonClaims.FindIndex(n => Overlap(n.Offset, n.Length, c.Offset, c.Length) > 0) is var n and >= 0)
            {
                category = ReportedCategories.NonClaim;
                note = nonClaims[n].Note;
            }
            else if (labelSpans.Any(l => Overlap(l.Offset, l.Length, c.Offset, c.Length) > 0))
            {
                category = ReportedCategories.Stray;
            }
            else
            {
                category = ReportedCategories.Unlabelled;
            }

            return new ReportedClaim
            {
                PassageId = passage.Id,
                Text = c.Text,
                Offset = c.Offset,
                Length = c.Length,
                Kind = c.Kind,
                Status = c.Status,
                Message = c.Message,
                Category = category,
                LabelTruth = truth,
                NonClaimNote = note,
            };
        }).ToList();
        return (outcomes, reported);
    }

    /// <summary>The labels' outcomes and the found claims no label took.</summary>
    internal static (IReadOnlyList<ClaimOutcome> Outcomes, IReadOnlyList<ClaimResult> Unmatched) Align(
        CorpusPassage passage, IReadOnlyList<ClaimResult> found)
    {
        var (outcomes, matchOf) = AlignIndexed(passage, found);
        return (outcomes, found.Where((_, j) => matchOf[j] is null).ToList());
    }

    /// <summary>
    /// Exact spans first (so an exact match is never stolen by an overlapping label), then, for the labels
    /// still open, the found claim that overlaps most. Only a found claim of the label's kind aligns: a year read as
    /// a count is not the labelled date. Each found claim serves one label; matchOf[j] is the label found claim j serves.
    /// </summary>
    private static (IReadOnlyList<ClaimOutcome> Outcomes, int?[] MatchOf) AlignIndexed(CorpusPassage passage, IReadOnlyList<ClaimResult> found)
    {
        var labels = passage.Claims
            .Select(l => (Label: l, Offset: EvaluationCorpus.Locate(passage.Text, l.Text, l.Occurrence)
                ?? throw new CorpusException($"{passage.Id}: occurrence {l.Occurrence} of \"{l.Text}\" is not in the passage")))
            .ToList();
        var match = new int?[labels.Count];
        var matchOf = new int?[found.Count];

        for (var i = 0; i < labels.Count; i++)
        {
            var (label, offset) = labels[i];
            var exact = Enumerable.Range(0, found.Count)
                .Where(j => matchOf[j] is null && found[j].Kind == label.Kind && found[j].Offset == offset && found[j].Length == label.Text.Length)
                .Select(j => (int?)j)
                .FirstOrDefault();
            if (exact is { } e)
            {
                matchOf[e] = i;
                match[i] = e;
            }
        }

        var isExact = match.Select(m => m is not null).ToArray();
        for (var i = 0; i < labels.Count; i++)
        {
            if (match[i] is not null)
            {
                continue;
            }

            var (label, offset) = labels[i];
            var best = Enumerable.Range(0, found.Count)
                .Where(j => matchOf[j] is null && found[j].Kind == label.Kind && Overlap(offset, label.Text.Length, found[j].Offset, found[j].Length) > 0)
                .OrderByDescending(j => Overlap(offset, label.Text.Length, found[j].Offset, found[j].Length))
                .ThenBy(j => found[j].Offset)
                .Select(j => (int?)j)
                .FirstOrDefault();
            if (best is { } b)
            {
                matchOf[b] = i;
                match[i] = b;
            }
        }

        var outcomes = labels.Select((l, i) =>
        {
            var m = match[i] is { } j ? found[j] : null;
            return new ClaimOutcome
            {
                PassageId = passage.Id,
                Style = passage.Style,
                Text = l.Label.Text,
                Offset = l.Offset,
                Kind = l.Label.Kind,
                Truth = l.Label.Truth,
                ExpectedStatus = l.Label.Status,
                Note = l.Label.Note,
                Alignment = m is null ? Alignments.Missed : isExact[i] ? Alignments.Exact : Alignments.WrongSpan,
                FoundText = m?.Text,
                FoundKind = m?.Kind,
                FoundStatus = m?.Status,
                Message = m?.Message,
            };
        }).ToList();
        return (outcomes, matchOf);
    }

    private static int Overlap(int aOffset, int aLength, int bOffset, int bLength) =>
        Math.Min(aOffset + aLength, bOffset + bLength) - Math.Max(aOffset, bOffset);
}
