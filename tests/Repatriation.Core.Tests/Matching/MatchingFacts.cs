using Repatriation.Core.Facts;

namespace Repatriation.Core.Tests.Matching;

/// <summary>A small fact set made for the matcher's tests: one of each kind of entry, with real-looking figures.</summary>
internal static class MatchingFacts
{
    private static readonly SourceRef[] Zemskov = [new() { Source = "zemskov-2014", Page = "12" }];

    public static FactSet Create() => new()
    {
        Id = "test-facts",
        Version = "1",
        Sources =
        [
            new() { Id = "zemskov-2014", Author = "V. N. Zemskov", Title = "Stalin i narod", Year = 2014 },
            new() { Id = "krivosheev-1997", Author = "G. F. Krivosheev", Title = "Soviet Casualties and Combat Losses", Year = 1997 },
            new() { Id = "black-book-1999", Author = "S. Courtois et al.", Title = "The Black Book of Communism", Year = 1999, Reliability = "scholarly" },
            new() { Id = "frus-1945", Author = "US Department of State", Title = "Foreign Relations of the United States, 1945", Year = 1955 },
        ],
        People =
        [
            new() { Id = "tolstoy-nikolai", Name = "Nikolai Tolstoy", Aliases = ["Tolstoy", "Count Nikolai Tolstoy"] },
            new() { Id = "bethell-nicholas", Name = "Nicholas Bethell", Aliases = ["Bethell", "Lord Bethell"] },
            new() { Id = "krivosheev-grigori", Name = "Grigori Krivosheev", Aliases = ["Krivosheev"] },
            new() { Id = "zemskov-viktor", Name = "Viktor Zemskov", Aliases = ["Zemskov"] },
            new() { Id = "deane-john", Name = "John R. Deane", Aliases = ["Deane"] },
            new() { Id = "churchill-winston", Name = "Winston Churchill", Aliases = ["Churchill"] },
            new() { Id = "stalin-joseph", Name = "Joseph Stalin", Aliases = ["Stalin"] },
        ],
        Populations =
        [
            new() { Id = "repatriates", Name = "Soviet repatriates", Terms = ["repatriated persons", "repatriates", "Soviet citizens", "people"] },
            new() { Id = "pows", Name = "former Soviet prisoners of war", Terms = ["prisoners of war", "POWs"], Parent = "repatriates" },
            new() { Id = "civilians", Name = "Soviet civilians", Terms = ["civilians"], Parent = "repatriates" },
        ],
        Places = [new() { Id = "fort-dix", Name = "Fort Dix", Terms = ["Fort Dix"] }],
        Measures =
        [
            new() { Id = "repatriated-total", Name = "Soviet citizens repatriated", Kind = MeasureKinds.Count, Unit = "persons", Terms = ["repatriated", "returned", "handed over"], Population = "repatriates" },
            new() { Id = "repatriated-per-year", Name = "Soviet citizens repatriated per year", Kind = MeasureKinds.Count, Unit = "persons", Terms = ["repatriated", "returned"], Population = "repatriates", Periodic = true },
            new() { Id = "pows-punished", Name = "returned POWs sent to camps or convicted", Kind = MeasureKinds.Count, Unit = "persons", Terms = ["sent to the Gulag", "Gulag", "convicted"], Population = "pows" },
            new() { Id = "fort-dix-suicides", Name = "suicides at Fort Dix", Kind = MeasureKinds.Count, Unit = "persons", Terms = ["suicides", "took their own lives"], Place = "fort-dix" },
            new() { Id = "yalta-signed", Name = "signing of the Yalta repatriation agreements", Kind = MeasureKinds.Date, Terms = ["Yalta Conference", "Yalta agreement"] },
            new() { Id = "vlasov-executed", Name = "execution of Vlasov", Kind = MeasureKinds.Date, Terms = ["hanged", "executed"] },
        ],
        Facts =
        [
            new() { Id = "total-1946", Measure = "repatriated-total", Statement = "By 1 March 1946, 4,199,488 Soviet citizens had been repatriated.", Value = new() { Low = 4199488, High = 4199488 }, Period = new() { From = "1944", To = "1946-03-01" }, EstimateBy = "zemskov-viktor", Sources = Zemskov },
            new() { Id = "year-1945", Measure = "repatriated-per-year", Statement = "3,888,721 were repatriated in 1945.", Value = new() { Low = 3888721, High = 3888721 }, Period = new() { From = "1945" }, Sources = Zemskov },
            new() { Id = "year-1946", Measure = "repatriated-per-year", Statement = "195,273 were repatriated in 1946.", Value = new() { Low = 195273, High = 195273 }, Period = new() { From = "1946" }, Sources = Zemskov },
            new() { Id = "year-1947", Measure = "repatriated-per-year", Statement = "30,346 were repatriated in 1947.", Value = new() { Low = 30346, High = 30346 }, Period = new() { From = "1947" }, Sources = Zemskov },
            new() { Id = "year-1948", Measure = "repatriated-per-year", Statement = "14,272 were repatriated in 1948.", Value = new() { Low = 14272, High = 14272 }, Period = new() { From = "1948" }, Sources = Zemskov },
            new() { Id = "punished-krivosheev", Measure = "pows-punished", Statement = "Krivosheev counts 233,400 returned POWs convicted.", Value = new() { Low = 233400, High = 233400 }, EstimateBy = "krivosheev-grigori", Sources = [new() { Source = "krivosheev-1997" }] },
            new() { Id = "punished-black-book", Measure = "pows-punished", Statement = "The Black Book gives 360,000 POWs sentenced to 10-20 years.", Value = new() { Low = 360000, High = 360000 }, EstimateByName = "The Black Book of Communism", Sources = [new() { Source = "black-book-1999" }] },
            new() { Id = "fort-dix-three", Measure = "fort-dix-suicides", Statement = "Three prisoners killed themselves at Fort Dix.", Value = new() { Low = 3, High = 3 }, Sources = [new() { Source = "frus-1945" }] },
            new() { Id = "yalta-date", Measure = "yalta-signed", Statement = "The agreements were signed on 11 February 1945.", Date = new() { From = "1945-02-11" }, Sources = [new() { Source = "frus-1945" }] },
            new() { Id = "vlasov-1-aug", Measure = "vlasov-executed", Statement = "Vlasov was hanged on 1 August 1946.", Date = new() { From = "1946-08-01" }, EstimateByName = "TASS", Sources = [new() { Source = "frus-1945" }] },
            new() { Id = "vlasov-2-aug", Measure = "vlasov-executed", Statement = "One page dates the hanging to 2 August 1946.", Date = new() { From = "1946-08-02" }, EstimateByName = "a popular page", Sources = [new() { Source = "frus-1945" }], Weak = true },
        ],
        Works =
        [
            new() { Id = "last-secret", Title = "The Last Secret", Authors = ["bethell-nicholas"], Year = 1974, Sources = [new() { Source = "frus-1945" }] },
            new() { Id = "victims-of-yalta", Title = "Victims of Yalta", AlternativeTitles = ["The Secret Betrayal"], Authors = ["tolstoy-nikolai"], Year = 1977, AlternativeYears = [1978], Sources = [new() { Source = "frus-1945" }] },
        ],
        Quotations =
        [
            new() { Id = "tolstoy-shamefaced", Text = "visibly shamefaced", Speaker = "tolstoy-nikolai", Work = "victims-of-yalta", Status = QuotationStatuses.SecondHand, Sources = [new() { Source = "frus-1945" }] },
            new() { Id = "stalin-traitors", Text = "there are no Russian prisoners of war, only traitors", Speaker = "stalin-joseph", Status = QuotationStatuses.Apocryphal, Sources = [new() { Source = "frus-1945" }] },
        ],
        Acts =
        [
            new() { Id = "us-agreement-signed", Verb = "signed", Description = "Deane signed the US–Soviet repatriation agreement at Yalta.", Terms = ["repatriation agreement", "Yalta agreement"], Actors = ["deane-john"], WronglyCredited = ["churchill-winston", "stalin-joseph"], Date = new() { From = "1945-02-11" }, Sources = [new() { Source = "frus-1945" }] },
        ],
    };

    public static FactSetSnapshot Snapshot() => new(Create(), "\"etag-1\"", DateTimeOffset.UnixEpoch, "test");
}
