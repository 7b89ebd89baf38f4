namespace Repatriation.Core.Extraction;

/// <summary>
/// A figure read from a candidate: the claim covers [Start, Length) of the candidate. <see cref="UnitStated"/>: a
/// currency sign, a per cent or a share word gave the unit; otherwise the words after the figure decide it.
/// </summary>
internal readonly record struct ParsedFigure(FigureValue Value, int Start, int Length, bool HasMarker, bool UnitStated);

/// <summary>
/// Reads the value of a figure candidate: qualifier, number (digits, scale words, number words),
/// range, unit (persons, percent, GBP/USD), vague quantities and proportions.
/// </summary>
internal static class FigureParser
{
    public const string Persons = "persons";
    public const string Percent = "percent";

    private enum QualifierKind { None, AtLeast, MoreThan, Nearly, About, UpTo, FewerThan, Range, Exact }

    // Longer phrases first where one starts another ("more than" before "more").
    private static readonly string[] Qualifiers =
    [
        "at least", "no fewer than", "no less than", "no more than", "more than", "well over", "just over", "over",
        "in excess of", "upwards of", "a minimum of", "nearly", "almost", "close to", "just under", "not quite",
        "about", "some", "around", "approximately", "approx.", "roughly", "c.", "ca.", "circa", "an estimated",
        "estimated", "perhaps", "possibly", "up to", "as many as", "as much as", "fewer than", "less than", "under",
        "below", "between", "from", "exactly", "precisely", "a total of", "all but",
    ];

    private static QualifierKind KindOf(string? qualifier) => qualifier switch
    {
        null => QualifierKind.None,
        "at least" or "no fewer than" or "no less than" or "a minimum of" => QualifierKind.AtLeast,
        "more than" or "well over" or "just over" or "over" or "in excess of" or "upwards of" => QualifierKind.MoreThan,
        "nearly" or "almost" or "close to" or "just under" or "not quite" => QualifierKind.Nearly,
        "up to" or "as many as" or "as much as" or "no more than" => QualifierKind.UpTo,
        "fewer than" or "less than" or "under" or "below" => QualifierKind.FewerThan,
        "between" or "from" => QualifierKind.Range,
        "exactly" or "precisely" or "a total of" or "all but" => QualifierKind.Exact,
        _ => QualifierKind.About,
    };

    /// <param name="aboutMargin">The share either side of N that "about N" allows (a rule: claimAboutMargin).</param>
    public static ParsedFigure? Parse(ReadOnlySpan<char> candidate, double aboutMargin) =>
        Parse(candidate, readQualifier: true, aboutMargin) ?? Parse(candidate, readQualifier: false, aboutMargin);

    /// <remarks>Without the qualifier a second time: "almost" starts "almost all" as well as "almost 5,000".</remarks>
    private static ParsedFigure? Parse(ReadOnlySpan<char> candidate, bool readQualifier, double aboutMargin)
    {
        var reader = new SpanReader(candidate);
        var qualifier = readQualifier ? reader.TryAnyPhrase(Qualifiers) : null;
        if (readQualifier && qualifier is null)
        {
            return null;
        }

        if (qualifier is not null)
        {
            reader.SkipSpaces();
        }

        var bodyStart = reader.Position;
        double low, high, tolerance = 0;
        var unit = Persons;
        var unitStated = false;
        var vague = false;
        var hasMarker = false;
        string? innerQualifier = null;

        var start = 0;
        var isAmount = false;
        if (TryVague(ref reader, out low, out high))
        {
            vague = true;
        }
        else if (TryProportion(ref reader, out low, out high, out vague, out innerQualifier))
        {
            unit = Percent;
            unitStated = true;
        }
        else
        {
            isAmount = true;
        }

        // "estimated almost all": a hedge before a vague share that carries its own qualifier is no part of the figure.
        if (!isAmount && qualifier is not null
            && (innerQualifier is not null || qualifier is "estimated" or "an estimated" or "perhaps" or "possibly" or "from"))
        {
            qualifier = null;
            start = bodyStart;
        }

        if (isAmount)
        {
            reader.Position = bodyStart;
            if (!TryAmount(ref reader, out var first))
            {
                return null;
            }

            low = high = first.Value;
            tolerance = first.Tolerance;
            unit = first.Unit ?? Persons;
            unitStated = first.Unit is not null;
            hasMarker = first.HasMarker;
            var afterFirst = reader.Position;
            if (TrySeparator(ref reader, out var separator) && TryAmount(ref reader, out var second))
            {
                var splitAnd = separator == "and" && qualifier != "between";
                if (!first.HasScale && second.HasScale && first.Raw <= second.Raw && first.Unit is null)
                {
                    first = first with { Value = first.Raw * second.Scale, Tolerance = first.RawTolerance * second.Scale };
                }

                if (splitAnd || first.Value > second.Value)
                {
                    reader.Position = afterFirst;
                }
                else
                {
                    low = first.Value;
                    high = second.Value;
                    tolerance = Math.Max(first.Tolerance, second.Tolerance);
                    unit = first.Unit ?? second.Unit ?? Persons;
                    unitStated = first.Unit is not null || second.Unit is not null;
                    hasMarker |= second.HasMarker;
                }
            }
            else
            {
                reader.Position = afterFirst;
            }
        }

        (low, high) = KindOf(qualifier) switch
        {
            QualifierKind.AtLeast or QualifierKind.MoreThan => (low, double.PositiveInfinity),
            QualifierKind.Nearly => (Math.Round(low * 0.9, 6), low),
            QualifierKind.About => (Math.Round(low * (1 - aboutMargin), 6), Math.Round(high * (1 + aboutMargin), 6)),
            QualifierKind.UpTo or QualifierKind.FewerThan => (0, high),
            _ => (low, high),
        };

        var length = reader.Position;
        while (length > 0 && char.IsWhiteSpace(candidate[length - 1]))
        {
            length--;
        }

        var value = new FigureValue(low, high, unit, qualifier ?? innerQualifier, vague) { Tolerance = tolerance };
        return new ParsedFigure(value, start, length - start, hasMarker, unitStated);
    }

    private readonly record struct Amount(double Value, double Raw, double Scale, double Tolerance, double RawTolerance, string? Unit, bool HasScale, bool HasMarker);

    private static bool TryAmount(ref SpanReader reader, out Amount amount)
    {
        amount = default;
        var start = reader.Position;
        string? unit = null;
        if (reader.TryPhrase("us$") || reader.TryChar('$'))
        {
            unit = "USD";
        }
        else if (reader.TryChar('£') || reader.TryPhrase("gbp"))
        {
            unit = "GBP";
        }
        else if (reader.TryChar('€'))
        {
            unit = "EUR";
        }

        if (unit is not null)
        {
            reader.SkipSpaces();
        }

        double raw, rawTolerance, scale = 1;
        double? amountTolerance = null;
        var hasScale = false;
        if (reader.TryDigits(out raw, out rawTolerance))
        {
            var beforeScale = reader.Position;
            reader.SkipSpaces();
            var scaleWord = reader.TryAnyPhrase(["million", "billion", "thousand", "hundred"]);
            if (scaleWord is null)
            {
                reader.Position = beforeScale;
                scaleWord = reader.TryAnyPhrase(["mn", "bn", "m", "k"]);
            }

            if (scaleWord is not null)
            {
                hasScale = true;
                scale = ScaleOf(scaleWord);

                // "1 million 832 thousand", as translations from Russian write it: one number.
                var afterScale = reader.Position;
                reader.SkipSpaces();
                if (scale >= 1_000_000 && reader.TryDigits(out var rest, out var restTolerance))
                {
                    reader.SkipSpaces();
                    if (reader.TryAnyPhrase(["thousand"]) is not null && rest < 1000)
                    {
                        raw = raw * 1000 + rest;
                        scale = 1000;
                        rawTolerance = restTolerance;
                    }
                    else
                    {
                        reader.Position = afterScale;
                    }
                }
                else
                {
                    reader.Position = afterScale;
                }
            }
            else
            {
                reader.Position = beforeScale;

                // Glued to letters ("4a", "2nd"), a time or issue ("88:2"), a decimal comma or "88(2)": no figure.
                var rest = reader.Rest;
                if (rest.Length > 0 && (char.IsLetter(rest[0]) || rest[0] == '(' || (rest.Length > 1 && rest[0] is ',' or '.' or ':' && char.IsAsciiDigit(rest[1]))))
                {
                    reader.Position = start;
                    return false;
                }
            }
        }
        else if (TryWordNumber(ref reader, out raw, out scale))
        {
            hasScale = scale != 1;
            rawTolerance = ToleranceOf(raw);
            var whole = raw * scale;
            amountTolerance = ToleranceOf(whole);
        }
        else
        {
            reader.Position = start;
            return false;
        }

        var beforeSuffix = reader.Position;
        reader.SkipSpaces();
        var hasPercent = false;
        if (reader.TryChar('%') || reader.TryPhrase("per cent") || reader.TryPhrase("percent") || reader.TryPhrase("per-cent"))
        {
            unit ??= FigureParser.Percent;
            hasPercent = true;
        }
        else if (reader.TryPhrase("pounds sterling") || reader.TryPhrase("pounds"))
        {
            unit ??= "GBP";
        }
        else if (reader.TryPhrase("dollars"))
        {
            unit ??= "USD";
        }
        else if (reader.TryPhrase("roubles") || reader.TryPhrase("rubles"))
        {
            unit ??= "RUB";
        }
        else
        {
            reader.Position = beforeSuffix;
        }

        var value = raw * scale;
        var tolerance = amountTolerance ?? rawTolerance * scale;
        amount = new Amount(value, raw, scale, tolerance, rawTolerance, unit, hasScale, hasScale || hasPercent || unit is not null);
        return true;
    }

    private static double ScaleOf(string word) => word switch
    {
        "hundred" => 100,
        "thousand" or "k" => 1_000,
        "million" or "m" or "mn" => 1_000_000,
        "billion" or "bn" => 1_000_000_000,
        "dozen" => 12,
        _ => 1,
    };

    private static readonly string[] Units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] ScaleWords = ["dozen", "hundred", "thousand", "million", "billion"];

    /// <summary>"eleven", "twenty-five", "three hundred", "two million", "a dozen", "half a million", "one and a half million".</summary>
    private static bool TryWordNumber(ref SpanReader reader, out double value, out double scaleProduct)
    {
        var start = reader.Position;
        value = 0;
        scaleProduct = 1;
        bool needsScale;
        if (reader.TryPhrase("half a"))
        {
            value = 0.5;
            needsScale = true;
        }
        else if (reader.TryPhrase("a quarter of a"))
        {
            value = 0.25;
            needsScale = true;
        }
        else if (reader.TryPhrase("a half"))
        {
            value = 0.5;
            needsScale = true;
        }
        else if (TrySmall(ref reader, out var small))
        {
            value = small;
            needsScale = small == 1;
            var beforeHalf = reader.Position;
            reader.SkipSpaces();
            if (reader.TryPhrase("and a half"))
            {
                value += 0.5;
                needsScale = true;
            }
            else
            {
                reader.Position = beforeHalf;
            }
        }
        else if (reader.TryPhrase("a"))
        {
            value = 1;
            needsScale = true;
        }
        else
        {
            return false;
        }

        var scales = 0;
        while (scales < 3)
        {
            var before = reader.Position;
            reader.SkipSpaces();
            var scale = reader.TryAnyPhrase(ScaleWords);
            if (scale is null)
            {
                reader.Position = before;
                break;
            }

            scaleProduct *= ScaleOf(scale);
            scales++;
        }

        if (needsScale && scales == 0)
        {
            reader.Position = start;
            return false;
        }

        return true;
    }

    private static bool TrySmall(ref SpanReader reader, out int value)
    {
        value = 0;
        for (var i = 0; i < Tens.Length; i++)
        {
            if (reader.TryPhrase(Tens[i]))
            {
                value = (i + 2) * 10;
                var before = reader.Position;
                if (reader.TryChar('-') || reader.TryChar(' '))
                {
                    for (var u = 0; u < Units.Length; u++)
                    {
                        if (reader.TryPhrase(Units[u]))
                        {
                            value += u + 1;
                            return true;
                        }
                    }
                }

                reader.Position = before;
                return true;
            }
        }

        for (var i = 0; i < Teens.Length; i++)
        {
            if (reader.TryPhrase(Teens[i]))
            {
                value = i + 10;
                return true;
            }
        }

        for (var i = 0; i < Units.Length; i++)
        {
            if (reader.TryPhrase(Units[i]))
            {
                value = i + 1;
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Separators = ["-", "–", "—", "to", "and", "or"];

    private static bool TrySeparator(ref SpanReader reader, out string separator)
    {
        if (!reader.TryRangeSeparator(Separators, out separator))
        {
            return false;
        }

        separator = separator.Length == 1 ? "-" : separator;
        return true;
    }

    private readonly record struct Plural(double Low, double High);

    private static bool TryPlural(ref SpanReader reader, out Plural plural)
    {
        plural = default;
        if (reader.TryPhrase("tens"))
        {
            plural = new(10, 99.9);
        }
        else if (reader.TryPhrase("hundreds"))
        {
            plural = new(200, 999);
        }
        else if (reader.TryPhrase("thousands"))
        {
            plural = new(2_000, 9_990);
        }
        else if (reader.TryPhrase("millions"))
        {
            plural = new(2_000_000, 9_990_000);
        }
        else if (reader.TryPhrase("dozens"))
        {
            plural = new(24, 119.88);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static readonly string[] Connectors = ["if not", "or even", "perhaps even", "and possibly", "or possibly", "possibly", "maybe", "or", "even"];

    /// <summary>"several million", "a few thousand", "hundreds of thousands", "tens, if not hundreds of thousands", "millions".</summary>
    private static bool TryVague(ref SpanReader reader, out double low, out double high)
    {
        var start = reader.Position;
        low = high = 0;
        var few = reader.TryAnyPhrase(["several", "a few", "few", "a couple of", "many"]);
        if (few is not null)
        {
            reader.SkipSpaces();
            var scale = reader.TryAnyPhrase(["hundred", "thousand", "million"]);
            if (scale is not null)
            {
                (low, high) = few == "a couple of" ? (2.0, 3.0) : (2.0, 9.99);
                var factor = ScaleOf(scale);
                var before = reader.Position;
                reader.SkipSpaces();
                var second = reader.TryAnyPhrase(["thousand", "million"]);
                if (second is not null)
                {
                    factor *= ScaleOf(second);
                }
                else
                {
                    reader.Position = before;
                }

                low *= factor;
                high *= factor;
                return true;
            }

            if (few is not ("many" or "a few" or "few"))
            {
                reader.Position = start;
                return false;
            }

            reader.Position = start;
        }

        if (reader.TryAnyPhrase(["many", "countless", "untold"]) is not null)
        {
            reader.SkipSpaces();
        }

        if (!TryPlural(ref reader, out var plural))
        {
            reader.Position = start;
            return false;
        }

        low = plural.Low;
        high = plural.High;
        var afterFirst = reader.Position;
        reader.SkipSpaces();
        reader.TryChar(',');
        reader.SkipSpaces();
        if (reader.TryAnyPhrase(Connectors) is not null)
        {
            reader.SkipSpaces();
            if (TryPlural(ref reader, out var wider))
            {
                high = wider.High;
                afterFirst = reader.Position;
            }
        }

        reader.Position = afterFirst;
        var beforeOf = reader.Position;
        reader.SkipSpaces();
        if (reader.TryPhrase("of"))
        {
            reader.SkipSpaces();
            var of = reader.TryAnyPhrase(["thousands", "millions"]);
            if (of is not null)
            {
                var factor = of == "thousands" ? 1_000 : 1_000_000;
                low *= factor;
                high *= factor;
                return true;
            }
        }
        else if (reader.TryPhrase("upon"))
        {
            reader.SkipSpaces();
            if (reader.TryAnyPhrase(["thousands", "millions"]) is not null)
            {
                return true;
            }
        }

        reader.Position = beforeOf;
        return true;
    }

    private static readonly string[] Numerators = ["a", "one", "two", "three", "four", "five", "seven", "nine"];

    /// <summary>"almost all", "the majority", "most", "half", "a fifth", "two-thirds": shares as percent.</summary>
    private static bool TryProportion(ref SpanReader reader, out double low, out double high, out bool vague, out string? qualifier)
    {
        var start = reader.Position;
        low = high = 0;
        vague = true;
        qualifier = reader.TryAnyPhrase(["almost", "nearly", "virtually", "practically"]);
        if (qualifier is not null)
        {
            reader.SkipSpaces();
            if (reader.TryPhrase("all"))
            {
                (low, high) = (90, 100);
                return true;
            }

            reader.Position = start;
            qualifier = null;
            return false;
        }

        if (reader.TryPhrase("the") || reader.TryPhrase("a"))
        {
            reader.SkipSpaces();
            var size = reader.TryAnyPhrase(["vast", "great", "large", "small", "narrow"]);
            if (size is not null)
            {
                reader.SkipSpaces();
            }

            if (reader.TryPhrase("majority"))
            {
                (low, high) = size switch
                {
                    "vast" or "great" or "large" => (75.0, 100.0),
                    "small" or "narrow" => (50.0, 60.0),
                    _ => (50.0, 100.0),
                };
                return true;
            }

            if (size is null && reader.TryPhrase("minority"))
            {
                (low, high) = (0, 50);
                return true;
            }

            reader.Position = start;
        }

        if (reader.TryPhrase("most"))
        {
            (low, high) = (50, 100);
            return true;
        }

        vague = false;
        if (reader.TryPhrase("half"))
        {
            // "half a million" is a count, "half-brother" no share.
            var afterHalf = reader.Position;
            reader.SkipSpaces();
            var isCount = reader.TryPhrase("a") || reader.TryPhrase("an");
            reader.Position = afterHalf;
            if (isCount || reader.Current == '-')
            {
                reader.Position = start;
                return false;
            }

            low = high = 50;
            return true;
        }

        var numerator = reader.TryAnyPhrase(Numerators);
        var hyphenated = numerator is not null && reader.TryChar('-');
        if (numerator is null || !(hyphenated || reader.TryChar(' ')))
        {
            reader.Position = start;
            return false;
        }

        reader.SkipSpaces();
        var n = numerator is "a" or "one" ? 1 : Array.IndexOf(Units, numerator) + 1;
        var d = reader.TryAnyPhrase(["half", "thirds", "third", "quarters", "quarter", "fifths", "fifth", "sixths", "sixth", "eighths", "eighth", "tenths", "tenth"]) switch
        {
            "half" => 2,
            "thirds" or "third" => 3,
            "quarters" or "quarter" => 4,
            "fifths" or "fifth" => 5,
            "sixths" or "sixth" => 6,
            "eighths" or "eighth" => 8,
            "tenths" or "tenth" => 10,
            _ => 0,
        };
        if (d == 0 || n >= d)
        {
            reader.Position = start;
            return false;
        }

        // "a third" and "a quarter" are shares only before "of" ("a third of the men", not "a third time").
        if (numerator is "a" or "one" && !hyphenated)
        {
            var afterDenominator = reader.Position;
            reader.SkipSpaces();
            var isShare = reader.TryPhrase("of");
            reader.Position = afterDenominator;
            if (!isShare)
            {
                reader.Position = start;
                return false;
            }
        }

        low = high = Math.Round(100.0 * n / d, 2);
        return true;
    }

    /// <summary>Half a unit of the last non-zero digit of a whole number ("230000" → 5000).</summary>
    internal static double ToleranceOf(double value)
    {
        if (value != Math.Floor(value))
        {
            var scale = 1.0;
            while (value * scale != Math.Floor(value * scale) && scale < 1e6)
            {
                scale *= 10;
            }

            return 0.5 / scale;
        }

        var place = 1.0;
        var v = value;
        while (v >= 10 && v % 10 == 0)
        {
            v /= 10;
            place *= 10;
        }

        return 0.5 * place;
    }
}
