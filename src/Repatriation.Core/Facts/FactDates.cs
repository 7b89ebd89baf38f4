using System.Globalization;

namespace Repatriation.Core.Facts;

/// <summary>Reads the fact set's ISO-prefix dates ("1945", "1945-02", "1945-02-11") as inclusive intervals.</summary>
public static class FactDates
{
    // Fact dates are read for every date claim; each FactDate instance is parsed once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FactDate, Parsed> Cache = new();

    private sealed record Parsed(bool Ok, DateOnly From, DateOnly To);

    public static bool TryParse(FactDate date, out (DateOnly From, DateOnly To) interval)
    {
        var parsed = Cache.GetValue(date, d => ParseUncached(d, out var i) ? new Parsed(true, i.From, i.To) : new Parsed(false, default, default));
        interval = (parsed.From, parsed.To);
        return parsed.Ok;
    }

    private static bool ParseUncached(FactDate date, out (DateOnly From, DateOnly To) interval)
    {
        interval = default;
        if (!TryParseBound(date.From, out var fromStart, out var fromEnd))
        {
            return false;
        }

        var toEnd = fromEnd;
        if (date.To is not null && !TryParseBound(date.To, out _, out toEnd))
        {
            return false;
        }

        if (toEnd < fromStart)
        {
            return false;
        }

        interval = (fromStart, toEnd);
        return true;
    }

    /// <summary>The first and last day a prefix covers: "1945-02" is 1 to 28 February 1945.</summary>
    public static bool TryParseBound(string value, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        var formats = new[] { ("yyyy-MM-dd", 3), ("yyyy-MM", 2), ("yyyy", 1) };
        foreach (var (format, parts) in formats)
        {
            if (!DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            {
                continue;
            }

            end = parts switch
            {
                3 => start,
                2 => start.AddMonths(1).AddDays(-1),
                _ => new DateOnly(start.Year, 12, 31),
            };
            return true;
        }

        return false;
    }
}
