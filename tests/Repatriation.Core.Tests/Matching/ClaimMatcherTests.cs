using Repatriation.Core.Extraction;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Tests.Matching;

public class ClaimMatcherTests
{
    private readonly Repatriation.Core.Facts.FactSetSnapshot _snapshot = MatchingFacts.Snapshot();
    private readonly ClaimMatcher _matcher = new();

    private static ExtractedClaim Claim(string text, string span, ClaimKind kind, int occurrence = 0)
    {
        var offset = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            offset = text.IndexOf(span, offset + 1, StringComparison.Ordinal);
        }

        Assert.True(offset >= 0, $"'{span}' is not in the test text");
        return new ExtractedClaim { Kind = kind, Offset = offset, Length = span.Length, Text = span, SentenceOffset = 0, SentenceLength = text.Length };
    }

    private static ExtractedClaim Figure(string text, string span, double low, double high, double tolerance = 0, bool vague = false, string unit = "persons") =>
        Claim(text, span, ClaimKind.Figure) with { Figure = new FigureValue(low, high, unit, null, vague) { Tolerance = tolerance } };

    private static ExtractedClaim Date(string text, string span, string from, string to) =>
        Claim(text, span, ClaimKind.Date) with { Date = new DateValue(DateOnly.Parse(from), DateOnly.Parse(to), DatePrecision.Day, null) };

    private static ExtractedClaim Person(string text, string span, ClaimKind kind, string person, string? personId, string? verb = null, string? obj = null) =>
        Claim(text, span, kind) with { PersonText = person, PersonId = personId, Verb = verb, ObjectText = obj };

    private MatchOutcome MatchOne(string text, ExtractedClaim claim, params ExtractedClaim[] others)
    {
        var all = others.Append(claim).OrderBy(c => c.Offset).ToList();
        var outcomes = _matcher.MatchAll(all, text, _snapshot.Compiled);
        return outcomes[all.IndexOf(claim)];
    }

    [Fact]
    public void Match_ExactFigureSameScope_IsSupportedWithSource()
    {
        const string text = "By 1 March 1946, 4,199,488 Soviet citizens had been repatriated.";
        var outcome = MatchOne(text, Figure(text, "4,199,488", 4199488, 4199488, 0.5));

        Assert.Equal(ClaimStatuses.Supported, outcome.Status);
        var evidence = Assert.Single(outcome.Evidence);
        Assert.Equal("total-1946", evidence.FactId);
        Assert.Equal("V. N. Zemskov", evidence.Sources[0].Author);
        Assert.Equal("12", evidence.Sources[0].Page);
    }

    [Fact]
    public void Match_RoundedFigureWithinWrittenPrecision_IsSupported()
    {
        const string text = "Some 4.2 million Soviet citizens were repatriated.";
        var outcome = MatchOne(text, Figure(text, "4.2 million", 4_200_000, 4_200_000, 50_000));

        Assert.Equal(ClaimStatuses.Supported, outcome.Status);
    }

    [Fact]
    public void Match_WrongTotal_IsContradictedWithSuggestion()
    {
        const string text = "In all, 7,500,000 Soviet citizens were repatriated.";
        var outcome = MatchOne(text, Figure(text, "7,500,000", 7_500_000, 7_500_000, 50_000));

        Assert.Equal(ClaimStatuses.Contradicted, outcome.Status);
        Assert.Contains(outcome.Evidence, e => e.FactId == "total-1946");
        Assert.Contains("4,199,488", outcome.Suggestion);
    }

    [Fact]
    public void Match_PowFiguresStatedForAllRepatriates_IsImpreciseForScope()
    {
        const string text = "Between 230,000-360,000 repatriated persons were sent to the Gulags.";
        var outcome = MatchOne(text, Figure(text, "Between 230,000-360,000", 230_000, 360_000, 5_000));

        Assert.Equal(ClaimStatuses.Imprecise, outcome.Status);
        Assert.Contains("prisoners of war", outcome.Message);
    }

    [Fact]
    public void Match_OneOfSeveralEstimates_IsDisputedListingEveryEstimate()
    {
        const string text = "Some 360,000 returned prisoners of war were sent to the Gulag.";
        var outcome = MatchOne(text, Figure(text, "360,000", 360_000, 360_000, 5_000));

        Assert.Equal(ClaimStatuses.Disputed, outcome.Status);
        Assert.Equal(["punished-black-book", "punished-krivosheev"], outcome.Evidence.Select(e => e.FactId).Order());
        Assert.All(outcome.Evidence, e => Assert.NotNull(e.EstimateBy));
    }

    [Fact]
    public void Match_FigureForAnotherPlace_IsUnsupported()
    {
        const string text = "At Dachau three prisoners took their own lives.";
        var outcome = MatchOne(text, Figure(text, "three", 3, 3));

        // The suicides measure counts Fort Dix only: a text that does not put the figure there gets no verdict from it.
        Assert.Equal(ClaimStatuses.Unsupported, outcome.Status);
        const string placed = "At Fort Dix five prisoners took their own lives.";
        Assert.Equal(ClaimStatuses.Contradicted, MatchOne(placed, Figure(placed, "five", 5, 5)).Status);
    }

    [Fact]
    public void Match_PlaceNamedSentenceBefore_CountsForThatPlace()
    {
        const string text = "The guards at Fort Dix were ready. Three prisoners took their own lives.";
        var claim = Figure(text, "Three", 3, 3) with { SentenceOffset = 35, SentenceLength = text.Length - 35 };

        Assert.Equal(ClaimStatuses.Supported, MatchOne(text, claim).Status);
    }

    [Fact]
    public void Match_NoMeasureNamed_IsUnsupportedWithoutEvidence()
    {
        const string text = "A plaque was unveiled before 600 guests.";
        var outcome = MatchOne(text, Figure(text, "600", 600, 600, 50));

        Assert.Equal(ClaimStatuses.Unsupported, outcome.Status);
        Assert.Empty(outcome.Evidence);
        Assert.Null(outcome.Suggestion);
    }

    [Fact]
    public void Match_PeriodWhenFewWereReturned_DateContradictedVagueFigureImprecise()
    {
        const string text = "Between 1946 and 1948 several million civilians and prisoners of war were forcibly repatriated.";
        var date = Date(text, "Between 1946 and 1948", "1946-01-01", "1948-12-31");
        var figure = Figure(text, "several million", 2_000_000, 9_999_999, 0, vague: true);
        var all = new List<ExtractedClaim> { date, figure };
        var outcomes = _matcher.MatchAll(all, text, _snapshot.Compiled);

        Assert.Equal(ClaimStatuses.Contradicted, outcomes[0].Status);
        Assert.Contains("1945", outcomes[0].Message);
        Assert.Contains(outcomes[0].Evidence, e => e.FactId == "year-1946");
        // "Several million" is a vague quantity within ten times the sourced sum: the contract calls that imprecise.
        Assert.Equal(ClaimStatuses.Imprecise, outcomes[1].Status);
    }

    [Fact]
    public void Match_YearBoundingCorrectFigure_DateSupported()
    {
        const string text = "In 1945, 3,888,721 Soviet citizens were repatriated.";
        var date = Date(text, "1945", "1945-01-01", "1945-12-31");
        var figure = Figure(text, "3,888,721", 3888721, 3888721, 0.5);
        var outcomes = _matcher.MatchAll([date, figure], text, _snapshot.Compiled);

        Assert.Equal(ClaimStatuses.Supported, outcomes[0].Status);
        Assert.Equal(ClaimStatuses.Supported, outcomes[1].Status);
    }

    [Fact]
    public void Match_EventMonthContainingDate_IsSupported()
    {
        const string text = "At the Yalta Conference in February 1945 the Allies agreed.";
        var outcome = MatchOne(text, Date(text, "February 1945", "1945-02-01", "1945-02-28"));

        Assert.Equal(ClaimStatuses.Supported, outcome.Status);
        Assert.Equal("yalta-date", outcome.Evidence[0].FactId);
    }

    [Fact]
    public void Match_EventWrongYear_IsContradicted()
    {
        const string text = "The Yalta agreement was reached in 1944.";
        var outcome = MatchOne(text, Date(text, "1944", "1944-01-01", "1944-12-31"));

        Assert.Equal(ClaimStatuses.Contradicted, outcome.Status);
        Assert.Contains("11 February 1945", outcome.Suggestion);
    }

    [Fact]
    public void Match_DateWhoseOnlyRivalIsAWeakPage_IsSupportedByTheFirmSource()
    {
        const string text = "Vlasov was hanged on 1 August 1946.";
        var outcome = MatchOne(text, Date(text, "1 August 1946", "1946-08-01", "1946-08-01"));

        // A weak page's other day does not make the firm date disputed, nor does it lead the evidence.
        Assert.Equal(ClaimStatuses.Supported, outcome.Status);
        Assert.Equal("vlasov-1-aug", outcome.Evidence[0].FactId);
    }

    [Fact]
    public void Match_DateOnlyAWeakPageGives_IsDisputedWithTheFirmSourceFirst()
    {
        const string text = "Vlasov was hanged on 2 August 1946.";
        var outcome = MatchOne(text, Date(text, "2 August 1946", "1946-08-02", "1946-08-02"));

        Assert.Equal(ClaimStatuses.Disputed, outcome.Status);
        Assert.Equal("vlasov-1-aug", outcome.Evidence[0].FactId);
        Assert.Contains("1 August 1946", outcome.Suggestion);
    }

    [Fact]
    public void Match_WorkGivenToWrongAuthor_IsMisattributed()
    {
        const string text = "Tolstoy wrote The Last Secret.";
        var outcome = MatchOne(text, Person(text, "Tolstoy wrote", ClaimKind.Attribution, "Tolstoy", "tolstoy-nikolai", "wrote", "The Last Secret"));

        Assert.Equal(ClaimStatuses.Misattributed, outcome.Status);
        Assert.Contains("Nicholas Bethell", outcome.Message);
    }

    [Fact]
    public void Match_WorkYearOneOfTwoEditions_IsDisputed()
    {
        const string text = "Tolstoy published Victims of Yalta in 1978.";
        var outcome = MatchOne(text, Date(text, "1978", "1978-01-01", "1978-12-31"));

        Assert.Equal(ClaimStatuses.Disputed, outcome.Status);
    }

    [Fact]
    public void Match_WorkWrongYear_IsContradicted()
    {
        const string text = "Bethell's The Last Secret (1984) told the story.";
        var outcome = MatchOne(text, Date(text, "1984", "1984-01-01", "1984-12-31"));

        Assert.Equal(ClaimStatuses.Contradicted, outcome.Status);
    }

    [Fact]
    public void Match_SignedByWrongPeople_IsMisattributed()
    {
        const string text = "The repatriation agreement was signed by Churchill.";
        var outcome = MatchOne(text, Person(text, "signed by Churchill", ClaimKind.Attribution, "Churchill", "churchill-winston", "signed", "The repatriation agreement"));

        Assert.Equal(ClaimStatuses.Misattributed, outcome.Status);
        Assert.Contains("John R. Deane", outcome.Suggestion);
    }

    [Fact]
    public void Match_QuoteByItsAuthor_IsSupportedAndAttributionToo()
    {
        const string text = "Author Nikolai Tolstoy describing soldiers as “visibly shamefaced” after the handover.";
        var attribution = Person(text, "Author Nikolai Tolstoy describing", ClaimKind.Attribution, "Nikolai Tolstoy", "tolstoy-nikolai", "described");
        var quote = Person(text, "“visibly shamefaced”", ClaimKind.Quote, "Nikolai Tolstoy", "tolstoy-nikolai", obj: "visibly shamefaced");
        var outcomes = _matcher.MatchAll([attribution, quote], text, _snapshot.Compiled);

        Assert.Equal(ClaimStatuses.Supported, outcomes[0].Status);
        Assert.Equal(ClaimStatuses.Supported, outcomes[1].Status);
        Assert.Contains("second hand", outcomes[1].Message);
    }

    [Fact]
    public void Match_QuoteGivenToAnotherPerson_IsMisattributed()
    {
        const string text = "Bethell described them as “visibly shamefaced”.";
        var outcome = MatchOne(text, Person(text, "“visibly shamefaced”", ClaimKind.Quote, "Bethell", "bethell-nicholas", obj: "visibly shamefaced"));

        Assert.Equal(ClaimStatuses.Misattributed, outcome.Status);
    }

    [Fact]
    public void Match_ApocryphalQuote_IsMisattributed()
    {
        const string text = "Stalin declared that \"there are no Russian prisoners of war, only traitors\".";
        var outcome = MatchOne(text, Person(text, "\"there are no Russian prisoners of war, only traitors\"", ClaimKind.Quote, "Stalin", "stalin-joseph", obj: "there are no Russian prisoners of war, only traitors"));

        Assert.Equal(ClaimStatuses.Misattributed, outcome.Status);
        Assert.Contains("no primary source", outcome.Message);
    }

    [Fact]
    public void Match_EstimateGivenToItsAuthor_IsSupported()
    {
        const string text = "According to Krivosheev, 233,400 returned prisoners of war were convicted.";
        var attribution = Person(text, "According to Krivosheev", ClaimKind.Attribution, "Krivosheev", "krivosheev-grigori", "according-to");
        var figure = Figure(text, "233,400", 233_400, 233_400, 50);
        var outcomes = _matcher.MatchAll([attribution, figure], text, _snapshot.Compiled);

        Assert.Equal(ClaimStatuses.Supported, outcomes[0].Status);
    }

    [Fact]
    public void Match_EstimateGivenToSomeoneElse_IsMisattributed()
    {
        const string text = "According to Krivosheev, 360,000 returned prisoners of war were convicted.";
        var attribution = Person(text, "According to Krivosheev", ClaimKind.Attribution, "Krivosheev", "krivosheev-grigori", "according-to");
        var figure = Figure(text, "360,000", 360_000, 360_000, 5_000);
        var outcomes = _matcher.MatchAll([attribution, figure], text, _snapshot.Compiled);

        Assert.Equal(ClaimStatuses.Misattributed, outcomes[0].Status);
        Assert.Contains("Black Book", outcomes[0].Message);
    }

    [Fact]
    public void Match_UnknownPerson_IsUnsupported()
    {
        const string text = "According to John Smith, the trains left at night.";
        var outcome = MatchOne(text, Person(text, "According to John Smith", ClaimKind.Attribution, "John Smith", null, "according-to"));

        Assert.Equal(ClaimStatuses.Unsupported, outcome.Status);
    }
}
