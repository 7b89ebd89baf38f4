using Repatriation.Core.Evaluation;
using Repatriation.Core.Reports;

namespace Repatriation.Cli;

/// <summary>
/// `eval --format json`: every figure of every part. Per-claim detail (claims, reported) is left out for the
/// held-out part unless --show-heldout is given, as in the text output.
/// </summary>
internal static class EvalJson
{
    public sealed record Document(FactSetInfo FactSet, IReadOnlyList<Part> Parts, Goals? Goals, int FloorsBroken);

    public sealed record Part(
        string Name, string Directory, bool Exists, Measures Measures,
        IReadOnlyList<KindMeasures> ByKind, IReadOnlyList<StatusScore> ByStatus, IReadOnlyList<GenreMeasures> ByGenre,
        IReadOnlyList<Floor>? Floors, IReadOnlyList<PassageError> Errors, bool DetailHidden,
        IReadOnlyList<ClaimOutcome>? Claims, IReadOnlyList<ReportedClaim>? Reported);

    public sealed record Floor(string Measure, Ratio Measured, double? Bound, bool LowerIsBetter, bool Broken, bool TooLoose, bool Missing, string Message);

    public sealed record Goals(string Part, IReadOnlyList<Goal> Checks);

    public sealed record Goal(string Measure, string Name, Ratio Measured, double Target, bool LowerIsBetter, bool Met);

    public static Document From(EvalView view) => new(
        view.Results.Select(r => r.Result.FactSet).First(),
        [.. view.Results.Select(r =>
        {
            var shown = view.Options.ShowsDetailOf(r.Part.Name);
            var floors = view.Floors.Where(f => f.Part == r.Part.Name).ToList();
            return new Part(
                r.Part.Name, r.Part.Directory, r.Part.Exists, r.Result.Measures, r.Result.ByKind, r.Result.ByStatus, r.Result.ByGenre,
                floors.Count == 0 ? null : [.. floors.Select(f => new Floor(f.Measure.Id, f.Measured, f.Floor, f.Measure.LowerIsBetter, f.Broken, f.TooLoose, f.Missing, f.Describe()))],
                r.Result.Errors, !shown, shown ? r.Result.Claims : null, shown ? r.Result.Reported : null);
        })],
        view.Goals is { } goals
            ? new Goals(CorpusParts.Heldout, [.. goals.Select(g => new Goal(g.Measure.Id, g.Measure.Name, g.Measured, g.Measure.Goal!.Value, g.Measure.LowerIsBetter, g.Met))])
            : null,
        view.Floors.Count(f => f.Broken));
}
