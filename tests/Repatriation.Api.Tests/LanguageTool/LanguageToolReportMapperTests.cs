using Repatriation.Api.LanguageTool;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Tests.LanguageTool;

public sealed class LanguageToolReportMapperTests
{
    private static readonly LtLanguageEntry EnUs = LanguageToolLanguages.Find("en-US")!;
    private readonly LanguageToolReportMapper _mapper = new();

    // Astral characters (emoji, mathematical letters), a combining accent and CRLF line ends all before the claims.
    private const string Text =
        "Émigrés 😀 and 𝔸 wrote.\r\nBetween 1946 and 1948 several million civilians were repatriated.\r\n" +
        "Churchill said \"we must hand them over\". In 1945 about 2,000,000 were returned.";

    private static CheckReport SampleReport() => Reports.Report(Text,
        Reports.Claim(Text, "Between 1946 and 1948", ClaimStatuses.Contradicted, ClaimKinds.Date,
            suggestion: "Between 1945 and 1947 (Tolstoy 1977)", sources: [Reports.Tolstoy]),
        Reports.Claim(Text, "several million", ClaimStatuses.Imprecise),
        Reports.Claim(Text, "\"we must hand them over\"", ClaimStatuses.Unsupported, ClaimKinds.Quote, message: "No fact holds these words."),
        Reports.Claim(Text, "1945", ClaimStatuses.Supported, ClaimKinds.Date),
        Reports.Claim(Text, "about 2,000,000", ClaimStatuses.Disputed, sources: [Reports.Tolstoy, new("Mark Elliott", "Pawns of Yalta", 1982, null)]));

    /// <summary>The route streams its answer as the claims come; it must be the answer <see cref="LanguageToolReportMapper.Map"/> gives whole.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Write_RealCheck_SameAnswerAsMap(bool markup)
    {
        var text = markup
            ? AnnotatedText.FromData("""{"annotation": [{"markup": "<p>"}, {"text": "Between 1946 and 1948 several million civilians were repatriated. "}, {"markup": "<b>"}, {"text": "In 1945 about 2,000,000 were returned."}, {"markup": "</b></p>"}, {"text": " Churchill said \"we must hand them over\"."}]}""")
            : AnnotatedText.FromText(string.Concat(Enumerable.Repeat(Text + "\n\n", 200)));
        var snapshot = Repatriation.Core.Facts.FactSetLoader.LoadShipped();
        var checker = new Repatriation.Core.Checking.ClaimChecker();
        var whole = _mapper.Map(checker.Check(new Repatriation.Core.Checking.CheckRequest(text.CheckedText), snapshot), text, EnUs, LanguageToolRuleFilter.None);

        using var output = new MemoryStream();
        _mapper.Write(output, checker, snapshot, text, EnUs, LanguageToolRuleFilter.None, CancellationToken.None);

        var streamed = System.Text.Json.Nodes.JsonNode.Parse(output.ToArray());
        Assert.NotEmpty(whole.Matches);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.JsonSerializer.SerializeToNode(whole, ApiJson.Options), streamed));
    }

    [Fact]
    public void Map_Report_OneMatchPerFlaggedClaimAtTheReportsOffsets()
    {
        var report = SampleReport();

        var response = _mapper.Map(report, AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None);

        var flagged = report.Claims.Where(c => c.Status != ClaimStatuses.Supported).ToList();
        Assert.Equal(flagged.Count, response.Matches.Count);
        foreach (var (match, claim) in response.Matches.Zip(flagged))
        {
            Assert.Equal(claim.Offset, match.Offset);
            Assert.Equal(claim.Length, match.Length);
            Assert.Equal(claim.Text, Text.Substring(match.Offset, match.Length));
            Assert.Equal(claim.Text, match.Context.Text.Substring(match.Context.Offset, match.Context.Length));
            Assert.Equal(claim.Sentence, match.Sentence);
        }
    }

    [Fact]
    public void Map_ContradictedDate_NamesRuleCategoryIssueTypeAndShortMessage()
    {
        var match = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None).Matches[0];

        Assert.Equal("REPATRIATION_CONTRADICTED_DATE", match.Rule.Id);
        Assert.Equal("REPATRIATION_CONTRADICTED", match.Rule.Category.Id);
        Assert.Equal("Contradicted by the sources", match.Rule.Category.Name);
        Assert.Equal("misinformation", match.Rule.IssueType);
        Assert.Equal("Contradicted date", match.ShortMessage);
        Assert.Equal("Other", match.Type.TypeName);
        Assert.False(match.IgnoreForIncompleteSentence);
        Assert.Equal(0, match.ContextForSureMatch);
        Assert.False(string.IsNullOrWhiteSpace(match.Rule.Description));
    }

    [Fact]
    public void Map_ClaimWithEvidence_MessageNamesTheSources()
    {
        var matches = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None).Matches;

        Assert.StartsWith("The sources give another figure.", matches[0].Message);
        Assert.Contains("Nikolai Tolstoy, Victims of Yalta (1977), p. 31", matches[0].Message);
        var disputed = Assert.Single(matches, m => m.Rule.Category.Id == "REPATRIATION_DISPUTED");
        Assert.Contains("Sources: Nikolai Tolstoy", disputed.Message);
        Assert.Contains("Mark Elliott, Pawns of Yalta (1982)", disputed.Message);
    }

    [Fact]
    public void Map_ClaimWithoutEvidence_MessageNamesTheFactSet()
    {
        var quote = Assert.Single(_mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None).Matches,
            m => m.Rule.Id == "REPATRIATION_UNSUPPORTED_QUOTE");

        Assert.Equal("No fact holds these words. (Fact set repatriation 2026-11-26.)", quote.Message);
        Assert.Equal("Unsupported quotation", quote.ShortMessage);
        Assert.Equal("uncategorized", quote.Rule.IssueType);
    }

    [Fact]
    public void Map_Suggestion_BecomesTheOnlyReplacement_AndNoSuggestionNone()
    {
        var matches = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None).Matches;

        Assert.Equal("Between 1945 and 1947 (Tolstoy 1977)", Assert.Single(matches[0].Replacements).Value);
        Assert.Empty(matches[1].Replacements);
    }

    [Fact]
    public void Map_Report_SoftwareWarningsAndLanguageInLanguageToolsShape()
    {
        var response = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), LanguageToolLanguages.Find("en-GB")!, LanguageToolRuleFilter.None);

        Assert.Equal(1, response.Software.ApiVersion);
        Assert.False(response.Software.Premium);
        Assert.Equal("0.1.0", response.Software.Version);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} ", response.Software.BuildDate);
        Assert.False(response.Warnings.IncompleteResults);
        Assert.Equal("en-GB", response.Language.Code);
        Assert.Equal("English (GB)", response.Language.Name);
        Assert.Equal("en-GB", response.Language.DetectedLanguage.Code);
        Assert.Equal("\"0x1\"", response.FactSet.Etag);
    }

    [Fact]
    public void Map_DisabledRule_DropsOnlyThatRulesMatches()
    {
        var filter = LanguageToolRuleFilter.None with { DisabledRules = LanguageToolRuleFilter.ParseList("REPATRIATION_CONTRADICTED_DATE, OTHER_RULE") };

        var matches = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, filter).Matches;

        Assert.Equal(3, matches.Count);
        Assert.DoesNotContain(matches, m => m.Rule.Id == "REPATRIATION_CONTRADICTED_DATE");
    }

    [Fact]
    public void Map_DisabledCategory_DropsEveryRuleInIt()
    {
        var filter = LanguageToolRuleFilter.None with { DisabledCategories = LanguageToolRuleFilter.ParseList("REPATRIATION_IMPRECISE,REPATRIATION_DISPUTED") };

        var matches = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, filter).Matches;

        Assert.Equal(["REPATRIATION_CONTRADICTED_DATE", "REPATRIATION_UNSUPPORTED_QUOTE"], matches.Select(m => m.Rule.Id));
    }

    [Fact]
    public void Map_EnabledOnly_KeepsOnlyTheEnabledRulesAndCategories()
    {
        var filter = LanguageToolRuleFilter.None with
        {
            EnabledOnly = true,
            EnabledRules = LanguageToolRuleFilter.ParseList("REPATRIATION_IMPRECISE_FIGURE"),
            EnabledCategories = LanguageToolRuleFilter.ParseList("REPATRIATION_CONTRADICTED"),
        };

        var matches = _mapper.Map(SampleReport(), AnnotatedText.FromText(Text), EnUs, filter).Matches;

        Assert.Equal(["REPATRIATION_CONTRADICTED_DATE", "REPATRIATION_IMPRECISE_FIGURE"], matches.Select(m => m.Rule.Id));
    }

    [Fact]
    public void Map_MarkupInData_OffsetsCountTheMarkupAndContextShowsIt()
    {
        var data = """{"annotation":[{"markup":"<p>"},{"text":"Between "},{"markup":"<b>"},{"text":"1946"},{"markup":"</b>"},{"text":" and 1948 several million were returned."},{"markup":"</p>"}]}""";
        var annotated = AnnotatedText.FromData(data);
        var checkedText = annotated.CheckedText;
        var report = Reports.Report(checkedText,
            Reports.Claim(checkedText, "Between 1946 and 1948", ClaimStatuses.Contradicted, ClaimKinds.Date),
            Reports.Claim(checkedText, "several million", ClaimStatuses.Unsupported));

        var matches = _mapper.Map(report, annotated, EnUs, LanguageToolRuleFilter.None).Matches;

        Assert.Equal("Between <b>1946</b> and 1948", annotated.Original.Substring(matches[0].Offset, matches[0].Length));
        Assert.Equal(3, matches[0].Offset);
        Assert.Equal("several million", annotated.Original.Substring(matches[1].Offset, matches[1].Length));
        Assert.Equal("several million", matches[1].Context.Text.Substring(matches[1].Context.Offset, matches[1].Context.Length));
    }

    [Fact]
    public void Map_ReportInCodePoints_Throws()
    {
        var report = SampleReport() with { Document = new DocumentInfo(null, 1, StringIndexTypes.UnicodeCodePoint) };

        Assert.Throws<ArgumentException>(() => _mapper.Map(report, AnnotatedText.FromText(Text), EnUs, LanguageToolRuleFilter.None));
    }

    [Fact]
    public void Context_LongText_IsCutWithEllipsesAndLineBreaksShownAsSpaces()
    {
        var text = new string('a', 60) + "\r\n1946" + new string('b', 60);
        var offset = text.IndexOf("1946", StringComparison.Ordinal);

        var context = LanguageToolReportMapper.Context(text, offset, 4);

        Assert.StartsWith("...", context.Text);
        Assert.EndsWith("...", context.Text);
        Assert.DoesNotContain('\r', context.Text);
        Assert.DoesNotContain('\n', context.Text);
        Assert.Equal("1946", context.Text.Substring(context.Offset, context.Length));
        Assert.Equal(3 + LanguageToolReportMapper.ContextSize + 4 + LanguageToolReportMapper.ContextSize + 3, context.Text.Length);
    }

    [Fact]
    public void Context_CutFallsInsideASurrogatePair_KeepsThePairWhole()
    {
        // The window would start between the two halves of the emoji.
        var text = "x😀" + new string('a', LanguageToolReportMapper.ContextSize - 1) + "1946 end";
        var offset = text.IndexOf("1946", StringComparison.Ordinal);

        var context = LanguageToolReportMapper.Context(text, offset, 4);

        Assert.Equal("...😀", context.Text[..5]);
        Assert.Equal("1946", context.Text.Substring(context.Offset, context.Length));
        Assert.False(char.IsLowSurrogate(context.Text[3]));
    }

    [Fact]
    public void Context_ShortText_HasNoEllipsis()
    {
        var context = LanguageToolReportMapper.Context("In 1946.", 3, 4);

        Assert.Equal(new LtContext("In 1946.", 3, 4), context);
    }

    [Fact]
    public void Rules_All_AreLanguageToolShapedIdsOfEveryFlaggedStatusAndKind()
    {
        var all = LanguageToolRules.All().ToList();

        Assert.Equal(5 * 4, all.Count);
        Assert.All(all, r => Assert.Matches("^REPATRIATION_[A-Z]+_[A-Z]+$", r.RuleId));
        Assert.Contains(("REPATRIATION_MISATTRIBUTED_QUOTE", "REPATRIATION_MISATTRIBUTED"), all);
    }
}
