using System.Globalization;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Checking;

/// <summary>
/// Checks a whole manuscript read by <see cref="DocumentReader"/>: the claim report of its text, plus
/// what only the manuscript as a whole shows: where each claim sits in a structured document, claims by
/// heading or chapter, and the same measure given different values in two places.
/// </summary>
/// <param name="checker">The engine to use (default: the plain one, without semantic help).</param>
public sealed class ManuscriptChecker(ClaimChecker? checker = null)
{
    private readonly ClaimChecker _checker = checker ?? new();

    public CheckReport Check(
        SourceDocument document, FactSetSnapshot snapshot, string stringIndexType = StringIndexTypes.Utf16CodeUnit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(snapshot);
        var report = _checker.Check(new CheckRequest(document.Text, document.Name, stringIndexType), snapshot, cancellationToken);
        var units = new Units(document.Text, stringIndexType == StringIndexTypes.UnicodeCodePoint);

        var claims = document.Segments.Count == 0
            ? report.Claims
            : report.Claims.Select(c => c with { Location = Locate(document, units, c.Offset) }).ToList();

        return report with
        {
            Document = report.Document with
            {
                Format = document.Format,
                CheckedText = document.TextIsExtracted ? "extracted" : "original",
            },
            Claims = claims,
            Sections = SummariseSections(document, units, claims),
            Consistency = FindInconsistencies(document, units, claims, snapshot),
        };
    }

    private static ClaimLocation? Locate(SourceDocument document, Units units, int offset)
    {
        var utf16 = units.ToUtf16(offset);
        if (document.Locate(utf16) is not { } location)
        {
            return null;
        }

        var paragraphStart = utf16 - location.Offset;
        return new ClaimLocation(location.Part, location.Paragraph, offset - units.FromUtf16(paragraphStart), location.Note);
    }

    internal static IReadOnlyList<SectionSummary>? SummariseSections(SourceDocument document, Units units, IReadOnlyList<ClaimResult> claims)
    {
        if (document.Sections.Count == 0)
        {
            return null;
        }

        var lines = new LineMap(document.Text);
        var starts = document.Sections.Select(s => s.Offset).ToList();
        var byIndex = claims.GroupBy(c => SectionIndex(starts, units.ToUtf16(c.Offset))).ToDictionary(g => g.Key, g => (IReadOnlyList<ClaimResult>)g.ToList());
        var summaries = new List<SectionSummary>();
        if (byIndex.TryGetValue(-1, out var before))
        {
            summaries.Add(new SectionSummary("(before the first heading)", 0, 1, ReportSummary.From(before)));
        }

        for (var i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            summaries.Add(new SectionSummary(section.Title, units.FromUtf16(section.Offset), lines.Locate(section.Offset).Line,
                ReportSummary.From(byIndex.TryGetValue(i, out var inSection) ? inSection : [])));
        }

        return summaries;
    }

    private static int SectionIndex(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>
    /// Claims decided by facts of one measure (figures) or by one dated fact (dates) whose values cannot both
    /// be right: their intervals do not overlap. Each finding names every place, so the editor sees both.
    /// </summary>
    internal static IReadOnlyList<ConsistencyFinding> FindInconsistencies(SourceDocument document, Units units, IReadOnlyList<ClaimResult> claims, FactSetSnapshot snapshot)
    {
        var facts = snapshot.FactSet.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var groups = new Dictionary<string, List<(ClaimResult Claim, double Low, double High)>>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (claim.Value is not { } value || claim.Evidence.Count == 0 || claim.Kind is not (ClaimKinds.Figure or ClaimKinds.Date)
                || !TryInterval(value, out var low, out var high))
            {
                continue;
            }

            var deciding = claim.Evidence.Select(e => facts.GetValueOrDefault(e.FactId)).ToList();
            if (deciding.Any(f => f is null))
            {
                continue;
            }

            var measures = deciding.Select(f => f!.Measure).Distinct(StringComparer.Ordinal).ToList();
            if (measures.Count != 1)
            {
                continue;
            }

            var key = claim.Kind == ClaimKinds.Figure ? $"{measures[0]}|{value.Unit}" : $"{measures[0]}|{claim.Evidence[0].FactId}";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add((claim, low, high));
        }

        var findings = new List<ConsistencyFinding>();
        var starts = document.Sections.Select(s => s.Offset).ToList();
        foreach (var (key, list) in groups)
        {
            var conflicting = list.Where(a => list.Any(b => b.High < a.Low || a.High < b.Low)).ToList();
            if (conflicting.Count < 2)
            {
                continue;
            }

            var measureId = key[..key.IndexOf('|')];
            var name = snapshot.Index.Measures.TryGetValue(measureId, out var measure) ? measure.Name : measureId;
            var first = conflicting[0];
            var other = conflicting.First(b => b.High < first.Low || first.High < b.Low);
            var places = conflicting.Select(c => new ConsistencyPlace(
                c.Claim.Id, c.Claim.Text, c.Claim.Offset, c.Claim.Line, c.Claim.Column, c.Claim.Location,
                starts.Count == 0 ? null : SectionIndex(starts, units.ToUtf16(c.Claim.Offset)) is var i and >= 0 ? document.Sections[i].Title : null)).ToList();
            findings.Add(new ConsistencyFinding
            {
                Measure = measureId,
                Name = name,
                Message = $"The manuscript gives {name} as \"{first.Claim.Text}\" at line {first.Claim.Line}, column {first.Claim.Column} " +
                          $"and as \"{other.Claim.Text}\" at line {other.Claim.Line}, column {other.Claim.Column}; both cannot be right.",
                Places = places,
            });
        }

        return findings;
    }

    /// <summary>A value as a comparable interval: numbers as they are, years and ISO dates as yyyyMMdd.</summary>
    private static bool TryInterval(ReportValue value, out double low, out double high)
    {
        low = high = 0;
        if (value.Unit == "year")
        {
            if (!TryNumber(value.Low, out low) || !TryNumber(value.High, out high))
            {
                return false;
            }

            (low, high) = (low * 10000 + 101, high * 10000 + 1231);
            return true;
        }

        if (value.Low is string from && value.High is string to)
        {
            return TryDate(from, out low) && TryDate(to, out high);
        }

        return TryNumber(value.Low, out low) && TryNumber(value.High, out high);
    }

    private static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case long l: number = l; return true;
            case int i: number = i; return true;
            case double d: number = d; return true;
            case decimal m: number = (double)m; return true;
            default: number = 0; return false;
        }
    }

    private static bool TryDate(string iso, out double number)
    {
        number = 0;
        if (!DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        number = date.Year * 10000 + date.Month * 100 + date.Day;
        return true;
    }

    /// <summary>Converts between UTF-16 offsets and the report's units (the same, unless code points were asked for).</summary>
    internal sealed class Units
    {
        private readonly int[]? _utf16OfCodePoint;

        public Units(string text, bool codePoints)
        {
            if (!codePoints)
            {
                return;
            }

            var map = new List<int>(text.Length + 1);
            for (var i = 0; i < text.Length; i++)
            {
                map.Add(i);
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
            }

            map.Add(text.Length);
            _utf16OfCodePoint = [.. map];
        }

        public int ToUtf16(int offset) => _utf16OfCodePoint is null ? offset : _utf16OfCodePoint[Math.Min(offset, _utf16OfCodePoint.Length - 1)];

        public int FromUtf16(int offset)
        {
            if (_utf16OfCodePoint is null)
            {
                return offset;
            }

            var index = Array.BinarySearch(_utf16OfCodePoint, offset);
            return index >= 0 ? index : ~index;
        }
    }
}
