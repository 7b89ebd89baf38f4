using System.Globalization;
using System.Runtime.CompilerServices;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;
using Repatriation.Core.Review;

namespace Repatriation.Core.Checking;

/// <summary>
/// A report's running totals, kept while its claims stream past: each claim is marked by the review (decision,
/// baseline), counted by status, counted in its section and, for the manuscript consistency check, remembered by its
/// measure and interval only. Every step is constant or logarithmic per claim, so the totals cost one pass.
/// </summary>
internal sealed class ReportTally(ClaimReview review, SectionTally? sections = null, ConsistencyTally? consistency = null)
{
    private StatusCounts _counts;

    public ClaimResult Add(ClaimResult claim)
    {
        claim = review.Mark(claim);
        _counts.Add(claim);
        sections?.Add(claim);
        consistency?.Add(claim);
        return claim;
    }

    public ReportTotals Totals() => new(
        _counts.ToSummary() with { StaleDecisions = review.StaleDecisions() },
        sections?.Summaries(),
        consistency?.Findings(),
        review.AbsentClaims());
}

/// <summary>Claims by status, dismissed ones apart: what <see cref="ReportSummary"/> says, counted one claim at a time.</summary>
internal struct StatusCounts
{
    private int _claims;
    private int _supported;
    private int _disputed;
    private int _imprecise;
    private int _contradicted;
    private int _unsupported;
    private int _misattributed;
    private int _dismissed;

    public void Add(ClaimResult claim)
    {
        _claims++;
        switch (claim.Status)
        {
            case ClaimStatuses.Supported: _supported++; break;
            case ClaimStatuses.Disputed: _disputed++; break;
            case ClaimStatuses.Imprecise: _imprecise++; break;
            case ClaimStatuses.Contradicted: _contradicted++; break;
            case ClaimStatuses.Unsupported: _unsupported++; break;
            case ClaimStatuses.Misattributed: _misattributed++; break;
        }

        if (claim.Decision is not null && claim.Status != ClaimStatuses.Supported)
        {
            _dismissed++;
        }
    }

    public readonly ReportSummary ToSummary() => new()
    {
        Claims = _claims,
        Flagged = _claims - _supported,
        Supported = _supported,
        Disputed = _disputed,
        Imprecise = _imprecise,
        Contradicted = _contradicted,
        Unsupported = _unsupported,
        Misattributed = _misattributed,
        Dismissed = _dismissed,
        Open = _claims - _supported - _dismissed,
    };
}

/// <summary>Claims by status per heading or chapter: each claim counted in the section its offset falls in.</summary>
internal sealed class SectionTally
{
    private readonly SourceDocument _document;
    private readonly ManuscriptChecker.Units _units;
    private readonly int[] _starts;
    private readonly StatusCounts[] _counts;
    private int _before;

    public SectionTally(SourceDocument document, ManuscriptChecker.Units units)
    {
        _document = document;
        _units = units;
        _starts = document.Sections.Select(s => s.Offset).ToArray();
        // Index 0 holds the claims before the first heading.
        _counts = new StatusCounts[_starts.Length + 1];
    }

    public void Add(ClaimResult claim)
    {
        var index = SectionIndex(_starts, _units.ToUtf16(claim.Offset));
        _counts[index + 1].Add(claim);
        if (index < 0)
        {
            _before++;
        }
    }

    public IReadOnlyList<SectionSummary> Summaries()
    {
        var lines = new LineMap(_document.Text);
        var summaries = new List<SectionSummary>(_starts.Length + 1);
        if (_before > 0)
        {
            summaries.Add(new SectionSummary("(before the first heading)", 0, 1, _counts[0].ToSummary()));
        }

        for (var i = 0; i < _starts.Length; i++)
        {
            var section = _document.Sections[i];
            summaries.Add(new SectionSummary(section.Title, _units.FromUtf16(section.Offset), lines.Locate(section.Offset).Line, _counts[i + 1].ToSummary()));
        }

        return summaries;
    }

    /// <summary>The section holding a UTF-16 offset: the last one starting at or before it, -1 before the first.</summary>
    public static int SectionIndex(int[] starts, int offset)
    {
        var index = Array.BinarySearch(starts, offset);
        return index >= 0 ? index : ~index - 1;
    }
}

/// <summary>
/// Claims decided by facts of one measure (figures) or by one dated fact (dates) whose values cannot both be right:
/// their intervals do not overlap. A claim conflicts with another of its group exactly when its interval starts after
/// the group's lowest upper end or ends before the group's highest lower end, so each group keeps those two running
/// bounds and its members' places; the findings are read off in one pass at the end, not by comparing every pair.
/// </summary>
internal sealed class ConsistencyTally(SourceDocument document, ManuscriptChecker.Units units, FactSetSnapshot snapshot)
{
    private static readonly ConditionalWeakTable<FactSet, Dictionary<string, Fact>> FactsById = new();

    private readonly Dictionary<string, Fact> _facts = FactsById.GetValue(snapshot.FactSet, static set => set.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal));
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);

    private sealed class Group
    {
        private const int BlockLength = 1024;

        // Blocks rather than one growing array: a book's worth of members never lands on the large object heap.
        private readonly List<Member[]> _blocks = [];

        public int Count { get; private set; }
        public double LowestHigh { get; set; } = double.PositiveInfinity;
        public double HighestLow { get; set; } = double.NegativeInfinity;

        public void Add(in Member member)
        {
            if (Count % BlockLength == 0)
            {
                _blocks.Add(new Member[BlockLength]);
            }

            _blocks[^1][Count % BlockLength] = member;
            Count++;
        }

        public IEnumerable<Member> Members()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return _blocks[i / BlockLength][i % BlockLength];
            }
        }
    }

    /// <summary>
    /// What a finding names of a claim, held compactly for a book's worth of claims: the id as its 64 bits and the
    /// words as their place in the text when they are exactly that (any other id or text is kept as it is).
    /// </summary>
    private readonly record struct Member(
        ulong IdBits, string? OtherId, int TextStart, int TextLength, string? OtherText,
        int Offset, int Line, int Column, ClaimLocation? Location, double Low, double High)
    {
        public bool ConflictsWith(in Member other) => other.High < Low || High < other.Low;
    }

    public void Add(ClaimResult claim)
    {
        if (claim.Value is not { } value || claim.Evidence.Count == 0 || claim.Kind is not (ClaimKinds.Figure or ClaimKinds.Date)
            || !TryInterval(value, out var low, out var high))
        {
            return;
        }

        string? measure = null;
        foreach (var evidence in claim.Evidence)
        {
            if (!_facts.TryGetValue(evidence.FactId, out var fact))
            {
                return;
            }

            if (measure is null)
            {
                measure = fact.Measure;
            }
            else if (!string.Equals(measure, fact.Measure, StringComparison.Ordinal))
            {
                return;
            }
        }

        var key = claim.Kind == ClaimKinds.Figure ? $"{measure}|{value.Unit}" : $"{measure}|{claim.Evidence[0].FactId}";
        if (!_groups.TryGetValue(key, out var group))
        {
            _groups[key] = group = new Group();
        }

        var compactId = TryIdBits(claim.Id, out var bits);
        var start = units.ToUtf16(claim.Offset);
        var end = units.ToUtf16(claim.Offset + claim.Length);
        var inText = start >= 0 && end <= document.Text.Length && end >= start && document.Text.AsSpan(start, end - start).SequenceEqual(claim.Text);
        group.Add(new Member(
            bits, compactId ? null : claim.Id, inText ? start : 0, inText ? end - start : 0, inText ? null : claim.Text,
            claim.Offset, claim.Line, claim.Column, claim.Location, low, high));
        group.LowestHigh = Math.Min(group.LowestHigh, high);
        group.HighestLow = Math.Max(group.HighestLow, low);
    }

    private string IdOf(in Member member) => member.OtherId ?? $"c_{member.IdBits:x16}";

    private string TextOf(in Member member) => member.OtherText ?? document.Text.Substring(member.TextStart, member.TextLength);

    /// <summary>An engine's id, "c_" and 16 lowercase hex digits, as its 64 bits.</summary>
    private static bool TryIdBits(string id, out ulong bits)
    {
        bits = 0;
        return id.Length == 18 && id.StartsWith("c_", StringComparison.Ordinal)
            && !id.AsSpan(2).ContainsAnyExcept("0123456789abcdef")
            && ulong.TryParse(id.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bits);
    }

    public IReadOnlyList<ConsistencyFinding> Findings()
    {
        var findings = new List<ConsistencyFinding>();
        var starts = document.Sections.Select(s => s.Offset).ToArray();
        foreach (var (key, group) in _groups)
        {
            var conflicting = group.Members().Where(a => group.LowestHigh < a.Low || a.High < group.HighestLow).ToList();
            if (conflicting.Count < 2)
            {
                continue;
            }

            var measureId = key[..key.IndexOf('|')];
            var name = snapshot.Index.Measures.TryGetValue(measureId, out var measure) ? measure.Name : measureId;
            var first = conflicting[0];
            var other = conflicting.First(b => first.ConflictsWith(b));
            var places = conflicting.Select(c => new ConsistencyPlace(
                IdOf(c), TextOf(c), c.Offset, c.Line, c.Column, c.Location,
                starts.Length == 0 ? null : SectionTally.SectionIndex(starts, units.ToUtf16(c.Offset)) is var i and >= 0 ? document.Sections[i].Title : null)).ToList();
            findings.Add(new ConsistencyFinding
            {
                Measure = measureId,
                Name = name,
                Message = $"The manuscript gives {name} as \"{TextOf(first)}\" at line {first.Line}, column {first.Column} " +
                          $"and as \"{TextOf(other)}\" at line {other.Line}, column {other.Column}; both cannot be right.",
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
}
