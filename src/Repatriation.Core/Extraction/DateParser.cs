namespace Repatriation.Core.Extraction;

/// <summary>A date read from a candidate; <see cref="YearsOnly"/> marks bare years, which may turn out to be counts.</summary>
internal readonly record struct ParsedDate(DateValue Value, int Length, bool YearsOnly);

/// <summary>
/// Reads the value of a date candidate: full dates, months, parts of months ("late May 1945"), seasons,
/// years, decades and ranges of them, with the qualifier that introduces them.
/// </summary>
internal static class DateParser
{
    private static readonly string[] Qualifiers =
    [
        "between", "from", "c.", "ca.", "circa", "about", "around", "approximately", "before", "after", "by", "until",
        "till", "since", "as of", "as early as", "as late as", "not later than", "no later than", "up to",
    ];

    private static readonly string[] Hedges = ["about", "around", "approximately", "c.", "ca.", "circa"];

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];

    /// <summary>"August", "Aug": a month's name (capitalised, as in a date).</summary>
    internal static bool IsMonthName(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (var name in MonthNames)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly int[] MonthNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 9, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12];

    private static readonly string[] Separators = ["-", "–", "—", "/", "to", "until", "till", "through", "and", "or"];

    private enum Part { None, Early, Mid, Late }

    private enum AtomKind { Full, MonthYear, Season, Year, Decade, PartialDay, PartialDayMonth, PartialMonth, PartialMonthDay }

    private readonly record struct Atom(AtomKind Kind, DateOnly From, DateOnly To, DatePrecision Precision, int Day, int Month, int Year, bool HasPart)
    {
        public bool IsPartial => Kind is AtomKind.PartialDay or AtomKind.PartialDayMonth or AtomKind.PartialMonth or AtomKind.PartialMonthDay;

        /// <summary>Where a partial atom ends in the candidate (set by the reader).</summary>
        public int End { get; init; }
    }

    /// <param name="contextYear">The year a day and month without one belong to ("14 May" after "1945"), if known.</param>
    public static ParsedDate? Parse(ReadOnlySpan<char> candidate, int? contextYear = null)
    {
        var reader = new SpanReader(candidate);
        var qualifier = reader.TryAnyPhrase(Qualifiers);
        if (qualifier is not null)
        {
            reader.SkipSpaces();

            // "until about 7 June": a hedge after the bounding word.
            if (qualifier is not ("about" or "around" or "approximately" or "c." or "ca." or "circa") && reader.TryAnyPhrase(Hedges) is { } hedge)
            {
                qualifier = qualifier + " " + hedge;
                reader.SkipSpaces();
            }
        }

        if (!TryAtom(candidate, ref reader, out var left))
        {
            return null;
        }

        var end = reader.Position;
        var from = left.From;
        var to = left.To;
        var precision = left.Precision;
        var yearsOnly = left.Kind == AtomKind.Year && !left.HasPart;
        var ranged = false;
        if (TrySeparator(ref reader, out var separator) && (separator != "and" || qualifier == "between") && separator != "or")
        {
            var beforeRight = reader.Position;
            if (!left.IsPartial && left.Kind == AtomKind.Year && !left.HasPart && reader.TryInteger(2, out var yy)
                && (reader.AtEnd || !char.IsLetter(reader.Current)))
            {
                var year = left.Year / 100 * 100 + yy;
                if (year > left.Year)
                {
                    to = new DateOnly(year, 12, 31);
                    ranged = true;
                }
            }
            else
            {
                reader.Position = beforeRight;
                if (TryAtom(candidate, ref reader, out var right) && !right.IsPartial && (separator != "/" || right.Kind == AtomKind.Year))
                {
                    if (left.IsPartial)
                    {
                        if (!TryComplete(left, right, out from))
                        {
                            return null;
                        }
                    }

                    if (right.To >= from)
                    {
                        to = right.To;
                        precision = (DatePrecision)Math.Max((int)precision, (int)right.Precision);
                        yearsOnly &= right.Kind == AtomKind.Year && !right.HasPart;
                        ranged = true;
                    }
                    else if (!left.IsPartial && left.Kind == AtomKind.Full && right.Kind == AtomKind.Full)
                    {
                        // "between 14 August 1946 and 9 May 1946": the text's range runs backwards, which is itself an
                        // error to report; it is read as the span between the two days.
                        (from, to) = (right.From, left.To);
                        ranged = true;
                    }
                }
            }

            if (ranged)
            {
                end = reader.Position;
            }
        }

        if (left.IsPartial && !ranged)
        {
            if (left.Kind is not (AtomKind.PartialDayMonth or AtomKind.PartialMonthDay) || contextYear is not { } y
                || left.Day > DateTime.DaysInMonth(y, left.Month))
            {
                return null;
            }

            from = to = new DateOnly(y, left.Month, left.Day);
            precision = DatePrecision.Day;
            end = left.End;
        }

        while (end > 0 && char.IsWhiteSpace(candidate[end - 1]))
        {
            end--;
        }

        return new ParsedDate(new DateValue(from, to, precision, qualifier) { YearInferred = left.IsPartial && !ranged }, end, yearsOnly);
    }

    private static bool TryComplete(Atom partial, Atom right, out DateOnly from)
    {
        from = default;
        var year = right.Year;
        var month = partial.Kind == AtomKind.PartialDay ? right.Month : partial.Month;
        if (month == 0 || (partial.Kind == AtomKind.PartialDay && right.Kind != AtomKind.Full))
        {
            return false;
        }

        if (partial.Kind == AtomKind.PartialMonth)
        {
            if (month > right.Month)
            {
                year--;
            }

            from = new DateOnly(year, month, 1);
            return true;
        }

        if (partial.Day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        from = new DateOnly(year, month, partial.Day);
        if (from > right.From && partial.Kind == AtomKind.PartialDayMonth)
        {
            from = from.AddYears(-1);
        }

        return true;
    }

    private static bool TrySeparator(ref SpanReader reader, out string separator)
    {
        if (!reader.TryRangeSeparator(Separators, out separator))
        {
            return false;
        }

        separator = separator.Length == 1 ? (separator == "/" ? "/" : "-") : separator;
        return true;
    }

    private static bool TryAtom(ReadOnlySpan<char> text, ref SpanReader reader, out Atom atom)
    {
        atom = default;
        var start = reader.Position;
        var part = TryPart(ref reader);

        var season = reader.TryAnyPhrase(["spring", "summer", "autumn", "fall", "winter"]);
        if (season is not null)
        {
            reader.SkipSpaces();
            reader.TryPhrase("of");
            reader.SkipSpaces();
            if (!TryYear(ref reader, out var y))
            {
                reader.Position = start;
                return false;
            }

            var afterYear = reader.Position;
            if (season == "winter" && (reader.TryChar('/') || reader.TryChar('–') || reader.TryChar('-')))
            {
                // "winter 1945/46" names the same winter as "winter 1945".
                if (!reader.TryInteger(4, out _))
                {
                    reader.Position = afterYear;
                }
            }

            var (from, to) = season switch
            {
                "spring" => (new DateOnly(y, 3, 1), new DateOnly(y, 5, 31)),
                "summer" => (new DateOnly(y, 6, 1), new DateOnly(y, 8, 31)),
                "winter" => (new DateOnly(y, 12, 1), new DateOnly(y + 1, 2, DateTime.DaysInMonth(y + 1, 2))),
                _ => (new DateOnly(y, 9, 1), new DateOnly(y, 11, 30)),
            };
            atom = new Atom(AtomKind.Season, from, to, DatePrecision.Season, 0, from.Month, y, part != Part.None);
            return true;
        }

        if (TryMonth(text, ref reader, out var month))
        {
            var monthDay = 0;
            var monthDayEnd = 0;
            var afterMonth = reader.Position;
            reader.SkipSpaces();
            var beforeDay = reader.Position;
            if (part == Part.None && TryDay(ref reader, out var day))
            {
                reader.TryChar(',');
                reader.SkipSpaces();
                if (TryYear(ref reader, out var y) && day <= DateTime.DaysInMonth(y, month))
                {
                    var date = new DateOnly(y, month, day);
                    atom = new Atom(AtomKind.Full, date, date, DatePrecision.Day, day, month, y, false);
                    return true;
                }

                reader.Position = beforeDay;
                if (TryDay(ref reader, out _))
                {
                    monthDay = day;
                    monthDayEnd = reader.Position;
                }

                reader.Position = beforeDay;
            }

            reader.Position = afterMonth;
            reader.TryChar(',');
            reader.SkipSpaces();
            if (reader.TryPhrase("of"))
            {
                reader.SkipSpaces();
            }

            if (TryYear(ref reader, out var year))
            {
                var last = DateTime.DaysInMonth(year, month);
                var (d1, d2) = part switch
                {
                    Part.Early => (1, 10),
                    Part.Mid => (11, 20),
                    Part.Late => (21, last),
                    _ => (1, last),
                };
                atom = new Atom(AtomKind.MonthYear, new DateOnly(year, month, d1), new DateOnly(year, month, d2), DatePrecision.Month, 0, month, year, part != Part.None);
                return true;
            }

            reader.Position = afterMonth;
            if (part != Part.None)
            {
                reader.Position = start;
                return false;
            }

            if (monthDay > 0)
            {
                // "May 14" without a year: the caller may know the year from context.
                reader.Position = monthDayEnd;
                atom = new Atom(AtomKind.PartialMonthDay, default, default, DatePrecision.Day, monthDay, month, 0, false) { End = monthDayEnd };
                return true;
            }

            atom = new Atom(AtomKind.PartialMonth, default, default, DatePrecision.Month, 0, month, 0, false);
            return true;
        }

        if (part == Part.None && TryIso(ref reader, out var iso))
        {
            atom = new Atom(AtomKind.Full, iso, iso, DatePrecision.Day, iso.Day, iso.Month, iso.Year, false);
            return true;
        }

        var beforeNumber = reader.Position;
        if (TryYear(ref reader, out var yr))
        {
            if (yr % 10 == 0 && (reader.TryChar('s') || reader.TryPhrase("’s") || reader.TryPhrase("'s")))
            {
                var (a, b) = part switch
                {
                    Part.Early => (0, 3),
                    Part.Mid => (4, 6),
                    Part.Late => (7, 9),
                    _ => (0, 9),
                };
                atom = new Atom(AtomKind.Decade, new DateOnly(yr + a, 1, 1), new DateOnly(yr + b, 12, 31), DatePrecision.Decade, 0, 0, yr, part != Part.None);
                return true;
            }

            var (m1, m2) = part switch
            {
                Part.Early => (1, 4),
                Part.Mid => (5, 8),
                Part.Late => (9, 12),
                _ => (1, 12),
            };
            atom = new Atom(AtomKind.Year, new DateOnly(yr, m1, 1), new DateOnly(yr, m2, DateTime.DaysInMonth(yr, m2)),
                part == Part.None ? DatePrecision.Year : DatePrecision.Season, 0, 0, yr, part != Part.None);
            return true;
        }

        reader.Position = beforeNumber;
        if (part == Part.None && TryDay(ref reader, out var dd))
        {
            var afterDay = reader.Position;
            reader.SkipSpaces();
            if (reader.TryPhrase("of"))
            {
                reader.SkipSpaces();
            }

            if (TryMonth(text, ref reader, out var mm))
            {
                var afterMonth = reader.Position;
                reader.TryChar(',');
                reader.SkipSpaces();
                if (TryYear(ref reader, out var y) && dd <= DateTime.DaysInMonth(y, mm))
                {
                    var date = new DateOnly(y, mm, dd);
                    atom = new Atom(AtomKind.Full, date, date, DatePrecision.Day, dd, mm, y, false);
                    return true;
                }

                reader.Position = afterMonth;
                atom = new Atom(AtomKind.PartialDayMonth, default, default, DatePrecision.Day, dd, mm, 0, false) { End = afterMonth };
                return true;
            }

            reader.Position = afterDay;
            atom = new Atom(AtomKind.PartialDay, default, default, DatePrecision.Day, dd, 0, 0, false);
            return true;
        }

        reader.Position = start;
        return false;
    }

    private static Part TryPart(ref SpanReader reader)
    {
        var start = reader.Position;
        var part = reader.TryAnyPhrase(["early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of"]) switch
        {
            "early" or "the beginning of" or "the start of" => Part.Early,
            "mid" or "the middle of" => Part.Mid,
            "late" or "the end of" => Part.Late,
            _ => Part.None,
        };
        if (part == Part.None)
        {
            reader.Position = start;
            return part;
        }

        reader.TryChar('-');
        reader.SkipSpaces();
        return part;
    }

    private static bool TryMonth(ReadOnlySpan<char> text, ref SpanReader reader, out int month)
    {
        month = 0;
        var start = reader.Position;
        if (start >= text.Length || !char.IsUpper(text[start]))
        {
            return false;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (reader.TryPhrase(MonthNames[i]))
            {
                month = MonthNumbers[i];
                if (i >= 12)
                {
                    reader.TryChar('.');
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>A year 1900–2029 not glued to letters or to a decimal, a time or a digit group ("1945a", "1945.5", "19:45").</summary>
    private static bool TryYear(ref SpanReader reader, out int year)
    {
        var start = reader.Position;
        if (reader.TryInteger(4, out year) && reader.Position - start == 4 && year is >= 1900 and <= 2029)
        {
            var rest = reader.Rest;
            var gluedLetter = rest.Length > 0 && char.IsLetter(rest[0]) && !(rest[0] == 's' && year % 10 == 0 && (rest.Length == 1 || !char.IsLetter(rest[1])));
            var gluedNumber = rest.Length > 1 && rest[0] is '.' or ',' or ':' && char.IsAsciiDigit(rest[1]);
            if (!gluedLetter && !gluedNumber)
            {
                return true;
            }
        }

        reader.Position = start;
        return false;
    }

    private static bool TryDay(ref SpanReader reader, out int day)
    {
        var start = reader.Position;
        if (reader.TryInteger(2, out day) && day is >= 1 and <= 31)
        {
            _ = reader.TryAnyPhrase(["st", "nd", "rd", "th"]);
            if (reader.AtEnd || !char.IsLetterOrDigit(reader.Current))
            {
                return true;
            }
        }

        reader.Position = start;
        return false;
    }

    private static bool TryIso(ref SpanReader reader, out DateOnly date)
    {
        date = default;
        var start = reader.Position;
        if (TryYear(ref reader, out var y) && reader.TryChar('-') && reader.TryInteger(2, out var m) && reader.TryChar('-')
            && reader.TryInteger(2, out var d) && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        reader.Position = start;
        return false;
    }
}
