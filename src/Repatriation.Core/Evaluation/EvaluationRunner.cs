using Repatriation.Core.Checking;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Evaluation;

/// <summary>Runs the engine on every passage of a corpus part with one fact-set snapshot and scores the reports.</summary>
public static class EvaluationRunner
{
    public static EvaluationResult Run(CorpusPart part, FactSetSnapshot snapshot, ClaimChecker? checker = null) =>
        Run(part.Passages, snapshot, checker, part.Name);

    public static EvaluationResult Run(IReadOnlyList<CorpusPassage> passages, FactSetSnapshot snapshot, ClaimChecker? checker = null, string part = CorpusParts.Regression)
    {
        checker ??= new ClaimChecker();
        var runs = passages.Select(p => RunOne(checker, p, snapshot)).ToList();
        return EvaluationScorer.Score(runs, new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.ETag), part);
    }

    // An engine under construction may throw on some passage; the evaluation records it and scores the rest
    // rather than hiding every other figure behind one failure.
    private static PassageRun RunOne(ClaimChecker checker, CorpusPassage passage, FactSetSnapshot snapshot)
    {
        try
        {
            return new PassageRun(passage, checker.Check(new CheckRequest(passage.Text, passage.Id), snapshot));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new PassageRun(passage, null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
