using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Matching;

/// <summary>How a fact's interval stands to a claim's: inside it (the fact bears the claim out), overlapping, or apart.</summary>
internal enum Relation { Inside, Overlap, Apart }

internal readonly record struct Interval(double Low, double High)
{
    public Relation RelationTo(Interval claim)
    {
        if (Low >= claim.Low && High <= claim.High)
        {
            return Relation.Inside;
        }

        return High < claim.Low || Low > claim.High ? Relation.Apart : Relation.Overlap;
    }

    /// <summary>How many times apart two intervals are (1 when they touch), for telling a loose figure from a wrong one.</summary>
    public double RatioApart(Interval other)
    {
        if (High < other.Low)
        {
            return High <= 0 ? double.PositiveInfinity : other.Low / High;
        }

        if (Low > other.High)
        {
            return other.High <= 0 ? double.PositiveInfinity : Low / other.High;
        }

        return 1;
    }

    public static Interval OfClaim(FigureValue figure) =>
        new(figure.Low - figure.Tolerance, figure.High + figure.Tolerance);

    /// <summary>The source's own figure, without the room its qualifier gives.</summary>
    public static Interval Nominal(FactValue value) => new((double)value.Low, (double)value.High);

    /// <summary>A source's "about 2 million" allows a few per cent; "over 2 million" reaches some way up.</summary>
    public static Interval OfFact(FactValue value, Rules.RuleNumbers numbers)
    {
        double low = (double)value.Low, high = (double)value.High;
        switch (value.Qualifier?.Trim().ToLowerInvariant())
        {
            case "about" or "around" or "approximately" or "roughly" or "some" or "c." or "circa" or "an estimated":
                return new(low * (1 - numbers.FactAboutMargin), high * (1 + numbers.FactAboutMargin));
            case "more than" or "over" or "at least" or "upwards of":
                return new(low, Math.Max(high, low) * numbers.FactMoreThanFactor);
            case "nearly" or "almost" or "just under":
                return new(low * 0.9, high);
            case "up to" or "as many as" or "fewer than" or "less than" or "under":
                return new(0, high);
            default:
                return new(low, high);
        }
    }

    public static Interval OfDate(DateOnly from, DateOnly to) => new(from.DayNumber, to.DayNumber);
}
