using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Reports;

/// <summary>Turns normalised claim and fact values into the report's value objects.</summary>
public static class ReportValues
{
    public static ReportValue? From(ExtractedClaim claim)
    {
        if (claim.Figure is { } figure)
        {
            return new ReportValue { Low = Number(figure.Low), High = Number(figure.High), Unit = figure.Unit, Qualifier = figure.Qualifier };
        }

        if (claim.Date is { } date)
        {
            return From(date);
        }

        return null;
    }

    public static ReportValue From(DateValue date)
    {
        var wholeYears = date.From.Month == 1 && date.From.Day == 1 && date.To.Month == 12 && date.To.Day == 31;
        return wholeYears
            ? new ReportValue { Low = date.From.Year, High = date.To.Year, Unit = "year", Qualifier = date.Qualifier }
            : new ReportValue { Low = date.From.ToString("yyyy-MM-dd"), High = date.To.ToString("yyyy-MM-dd"), Unit = "date", Qualifier = date.Qualifier };
    }

    public static ReportValue? From(Fact fact, Measure? measure)
    {
        if (fact.Value is { } value)
        {
            return new ReportValue { Low = Number((double)value.Low), High = Number((double)value.High), Unit = measure?.Unit ?? "count", Qualifier = value.Qualifier };
        }

        if (fact.Date is { } date && FactDates.TryParse(date, out var interval))
        {
            return From(new DateValue(interval.From, interval.To, DatePrecision.Day, null));
        }

        return null;
    }

    /// <summary>Whole numbers print without a decimal point (230000, not 230000.0).</summary>
    private static object? Number(double value) =>
        double.IsInfinity(value) || double.IsNaN(value) ? null
        : Math.Abs(value) < 9e15 && value == Math.Floor(value) ? (long)value : value;
}
