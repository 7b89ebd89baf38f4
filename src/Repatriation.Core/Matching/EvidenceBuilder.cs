using System.Globalization;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Matching;

/// <summary>Turns facts, works, quotations and acts into the report's evidence, with their sources resolved.</summary>
internal sealed class EvidenceBuilder(FactIndex index)
{
    // Evidence depends only on the fact, so claims citing the same fact share one instance.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Fact, Evidence> _byFact = new(ReferenceEqualityComparer.Instance);

    public Evidence From(Fact fact) => _byFact.GetOrAdd(fact, Build);

    private Evidence Build(Fact fact)
    {
        index.Measures.TryGetValue(fact.Measure, out var measure);
        return new Evidence
        {
            FactId = fact.Id,
            Statement = fact.Weak ? $"{fact.Statement} (weak source: {fact.Note ?? "second-hand or popular page"})" : fact.Statement,
            Value = ReportValues.From(fact, measure),
            EstimateBy = EstimatorName(fact),
            Sources = Resolve(fact.Sources),
        };
    }

    public Evidence From(Work work) => new()
    {
        FactId = work.Id,
        Statement = $"{work.Title}{(work.Year is { } y ? $" ({YearsOf(work)})" : "")} is by {PeopleNames(work.Authors)}." + (work.Note is null ? "" : $" {work.Note}"),
        Value = work.Year is { } year ? new ReportValue { Low = year, High = work.AlternativeYears.Append(year).Max(), Unit = "year" } : null,
        Sources = Resolve(work.Sources),
    };

    public Evidence From(Quotation quotation) => new()
    {
        FactId = quotation.Id,
        Statement = $"{PersonName(quotation.Speaker)}: “{quotation.Text}”" +
                    (quotation.Context is null ? "" : $" ({quotation.Context})") +
                    (quotation.Status == QuotationStatuses.Verified ? "" : $" [{quotation.Status}]"),
        Sources = Resolve(quotation.Sources),
    };

    public Evidence From(Act act) => new()
    {
        FactId = act.Id,
        Statement = act.Description,
        Value = act.Date is not null && FactDates.TryParse(act.Date, out var d)
            ? ReportValues.From(new Extraction.DateValue(d.From, d.To, Extraction.DatePrecision.Day, null))
            : null,
        Sources = Resolve(act.Sources),
    };

    public Evidence From(OfficeHeld office) => new()
    {
        FactId = office.Id,
        Statement = $"{PersonName(office.Person)} was {office.Office}{Tenure(office)}." + (office.Note is null ? "" : $" {office.Note}"),
        Sources = Resolve(office.Sources),
    };

    /// <summary>" from May 1945", " from 7 to 8 February 1945": when the sources show the person in office.</summary>
    public static string Tenure(OfficeHeld office)
    {
        var from = office.From ?? office.HeldOn?.From;
        var to = office.To ?? office.HeldOn?.To;
        if (from is null)
        {
            return "";
        }

        return to is null || to == from
            ? $" (in office by {FormatDate(new FactDate { From = from })})"
            : $" ({FormatDate(new FactDate { From = from, To = to })})";
    }

    public string PersonName(string id) => index.People.TryGetValue(id, out var p) ? p.Name : id;

    public string PeopleNames(IEnumerable<string> ids) => JoinAnd(ids.Select(PersonName).ToList());

    public string? EstimatorName(Fact fact) =>
        fact.EstimateByName ?? (fact.EstimateBy is { } id ? PersonName(id) : null);

    /// <summary>"Zemskov, Stalin i narod (2014), p. 12": who to cite in a suggestion.</summary>
    public string Citation(IReadOnlyList<SourceRef> refs)
    {
        var first = Resolve(refs).FirstOrDefault();
        return first is null ? "no source" : TextReportWriter.Cite(first);
    }

    public IReadOnlyList<EvidenceSource> Resolve(IReadOnlyList<SourceRef> refs) =>
        refs.Select(r => index.Sources.TryGetValue(r.Source, out var s)
                ? new EvidenceSource(s.Author, s.Title, s.Year, r.Page ?? s.Page)
                : new EvidenceSource("unknown", r.Source, null, r.Page))
            .ToList();

    public static string YearsOf(Work work) =>
        work.AlternativeYears.Count == 0 ? $"{work.Year}" : string.Join(" or ", work.AlternativeYears.Prepend(work.Year!.Value).Distinct().Order());

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "nobody",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string FormatNumber(double value, string? unit)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "no upper limit";
        }

        var text = value >= 1_000_000 && value % 100_000 == 0
            ? (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + " million"
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            "percent" => text + "%",
            "GBP" => "£" + text,
            "USD" => "$" + text,
            _ => text,
        };
    }

    public static string FormatValue(FactValue value, string? unit)
    {
        var low = FormatNumber((double)value.Low, unit);
        var core = value.Low == value.High ? low : $"{low}–{FormatNumber((double)value.High, unit)}";
        return value.Qualifier is null ? core : $"{value.Qualifier} {core}";
    }

    public static string FormatDate(FactDate date)
    {
        var from = FormatDatePrefix(date.From);
        return date.To is null || date.To == date.From ? from : $"{from} – {FormatDatePrefix(date.To)}";
    }

    private static string FormatDatePrefix(string prefix)
    {
        if (DateOnly.TryParseExact(prefix, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        return DateOnly.TryParseExact(prefix + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : prefix;
    }
}
