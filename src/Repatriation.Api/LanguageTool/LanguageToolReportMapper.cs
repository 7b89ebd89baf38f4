using System.Globalization;
using System.Text;
using System.Text.Json;
using Repatriation.Core.Facts;
using Repatriation.Core.Checking;
using Repatriation.Core.Reports;

namespace Repatriation.Api.LanguageTool;

/// <summary>
/// Turns a check report into LanguageTool's /v2/check answer: one match per flagged claim, with
/// offsets into what the client sent (markup included) in UTF-16 code units, as LanguageTool's
/// Java server counts them and its clients apply them. The route streams the answer (<see cref="Write"/>); <see cref="Map"/>
/// gives the same answer whole.
/// </summary>
public sealed class LanguageToolReportMapper
{
    /// <summary>Characters of context on each side of a match, as LanguageTool's server uses by default.</summary>
    public const int ContextSize = 40;

    private const string Ellipsis = "...";

    private static readonly Lazy<string> BuildDate = new(() =>
    {
        var location = typeof(LanguageToolReportMapper).Assembly.Location;
        var built = string.IsNullOrEmpty(location) ? DateTime.UnixEpoch : File.GetLastWriteTimeUtc(location);
        return built.ToString("yyyy-MM-dd HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
    });

    /// <param name="report">The report on <see cref="AnnotatedText.CheckedText"/>, in UTF-16 code units.</param>
    /// <param name="text">What the client sent.</param>
    /// <param name="language">The language the client asked for (already known to be one we accept).</param>
    /// <param name="filter">The client's rule and category choices.</param>
    public LtCheckResponse Map(CheckReport report, AnnotatedText text, LtLanguageEntry language, LanguageToolRuleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        if (report.Document.StringIndexType != StringIndexTypes.Utf16CodeUnit)
        {
            throw new ArgumentException("LanguageTool offsets are UTF-16 code units; check the text with Utf16CodeUnit.", nameof(report));
        }

        var matches = new List<LtMatch>();
        foreach (var claim in report.Claims)
        {
            if (MatchOf(claim, report.FactSet, text, filter) is { } match)
            {
                matches.Add(match);
            }
        }

        // Report claims are already in text order; mapping through markup cannot reorder them, but clients rely on it.
        var ordered = matches.OrderBy(m => m.Offset).ThenBy(m => m.Length).ToList();
        return new LtCheckResponse(Software(report.Service.Version), new LtWarnings(IncompleteResults: false), Language(language), ordered,
            new LtFactSet(report.FactSet.Id, report.FactSet.Version, report.FactSet.Etag));
    }

    /// <summary>
    /// Checks <paramref name="text"/>'s checked text and writes the /v2/check answer to <paramref name="output"/> as the
    /// claims come, each flagged one's match as soon as no later claim can come before it: the same answer as
    /// <see cref="Map"/>, never held whole. Returns the report's totals.
    /// </summary>
    public ReportTotals Write(
        Stream output, ClaimChecker checker, FactSetSnapshot snapshot, AnnotatedText text, LtLanguageEntry language, LanguageToolRuleFilter filter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(text);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = ApiJson.Options.WriteIndented, Encoder = ApiJson.Options.Encoder });
        var sink = new MatchSink(writer, text, language, filter);
        var totals = checker.Stream(new CheckRequest(text.CheckedText, null, StringIndexTypes.Utf16CodeUnit), snapshot, sink, review: null, cancellationToken);
        writer.Flush();
        return totals;
    }

    /// <summary>The answer's parts around its matches, and the matches written in order of offset, then length.</summary>
    private sealed class MatchSink(Utf8JsonWriter writer, AnnotatedText text, LtLanguageEntry language, LanguageToolRuleFilter filter)
        : IReportSink
    {
        // Matches at one offset, waiting for a later one: those are ordered by length, as Map orders them.
        private readonly List<LtMatch> _atOffset = [];
        private FactSetInfo? _factSet;

        public void Begin(ReportHeader header)
        {
            _factSet = header.FactSet;
            writer.WriteStartObject();
            writer.WritePropertyName("software");
            JsonSerializer.Serialize(writer, Software(header.Service.Version), ApiJson.Options);
            writer.WritePropertyName("warnings");
            JsonSerializer.Serialize(writer, new LtWarnings(IncompleteResults: false), ApiJson.Options);
            writer.WritePropertyName("language");
            JsonSerializer.Serialize(writer, Language(language), ApiJson.Options);
            writer.WritePropertyName("matches");
            writer.WriteStartArray();
        }

        public void Claim(ClaimResult claim)
        {
            if (MatchOf(claim, _factSet!, text, filter) is not { } match)
            {
                return;
            }

            if (_atOffset.Count > 0 && _atOffset[0].Offset != match.Offset)
            {
                WriteWaiting();
            }

            _atOffset.Add(match);
        }

        public void End(ReportTotals totals)
        {
            WriteWaiting();
            writer.WriteEndArray();
            writer.WritePropertyName("factSet");
            JsonSerializer.Serialize(writer, new LtFactSet(_factSet!.Id, _factSet.Version, _factSet.Etag), ApiJson.Options);
            writer.WriteEndObject();
        }

        private void WriteWaiting()
        {
            foreach (var match in _atOffset.OrderBy(m => m.Length))
            {
                JsonSerializer.Serialize(writer, match, ApiJson.Options);
            }

            _atOffset.Clear();
            if (writer.BytesPending > 32 * 1024)
            {
                writer.Flush();
            }
        }
    }

    /// <summary>The match of a flagged claim the client's filter lets through; null for a supported or filtered one.</summary>
    private static LtMatch? MatchOf(ClaimResult claim, FactSetInfo factSet, AnnotatedText text, LanguageToolRuleFilter filter)
    {
        if (claim.Status == ClaimStatuses.Supported)
        {
            return null;
        }

        var ruleId = LanguageToolRules.RuleId(claim.Status, claim.Kind);
        var categoryId = LanguageToolRules.CategoryId(claim.Status);
        if (!filter.Allows(ruleId, categoryId))
        {
            return null;
        }

        var (offset, length) = text.ToOriginal(claim.Offset, claim.Length);
        return new LtMatch(
            Message: MessageWithSources(claim, factSet),
            ShortMessage: LanguageToolRules.ShortMessage(claim.Status, claim.Kind),
            Replacements: string.IsNullOrWhiteSpace(claim.Suggestion) ? [] : [new LtReplacement(claim.Suggestion)],
            Offset: offset,
            Length: length,
            Context: Context(text.Original, offset, length),
            Sentence: claim.Sentence,
            Type: new LtType("Other"),
            Rule: new LtRule(
                ruleId,
                LanguageToolRules.RuleDescription(claim.Status, claim.Kind),
                LanguageToolRules.IssueType(claim.Status),
                new LtCategory(categoryId, LanguageToolRules.CategoryName(claim.Status))),
            IgnoreForIncompleteSentence: false,
            ContextForSureMatch: 0);
    }

    private static LtSoftware Software(string version) =>
        new(ClaimChecker.ServiceName, version, BuildDate.Value, ApiVersion: 1, Premium: false, Status: "");

    /// <summary>The service reads English only and does not guess: what was asked for is what is reported as detected.</summary>
    private static LtLanguage Language(LtLanguageEntry language)
    {
        var detected = language.LongCode == "en" ? LanguageToolLanguages.Find("en-US")! : language;
        return new LtLanguage(language.Name, language.LongCode, new LtDetectedLanguage(detected.Name, detected.LongCode, Confidence: 1.0));
    }

    /// <summary>The engine's message, followed by the sources behind its evidence unless it already names them.</summary>
    public static string MessageWithSources(ClaimResult claim, FactSetInfo factSet)
    {
        var message = claim.Message.Trim();
        var sources = claim.Evidence.SelectMany(e => e.Sources).Distinct().Take(3).ToList();
        if (sources.Count == 0)
        {
            return $"{message} (Fact set {factSet.Id} {factSet.Version}.)";
        }

        if (sources.All(s => message.Contains(s.Author, StringComparison.OrdinalIgnoreCase)))
        {
            return message;
        }

        var cited = string.Join("; ", sources.Select(Cite));
        return $"{message}{(message.EndsWith('.') ? "" : ".")} Source{(sources.Count > 1 ? "s" : "")}: {cited}.";
    }

    private static string Cite(EvidenceSource source)
    {
        var cite = new StringBuilder(source.Author).Append(", ").Append(source.Title);
        if (source.Year is { } year)
        {
            cite.Append(" (").Append(year.ToString(CultureInfo.InvariantCulture)).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(source.Page))
        {
            cite.Append(", p. ").Append(source.Page);
        }

        return cite.ToString();
    }

    /// <summary>
    /// Up to <see cref="ContextSize"/> code units either side, never splitting a surrogate pair, line
    /// breaks and tabs shown as spaces (one for one, so the offset holds), "..." where it was cut.
    /// </summary>
    public static LtContext Context(string text, int offset, int length)
    {
        var start = Math.Max(0, offset - ContextSize);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        var end = Math.Min(text.Length, offset + length + ContextSize);
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        var window = new StringBuilder(end - start + 2 * Ellipsis.Length);
        if (start > 0)
        {
            window.Append(Ellipsis);
        }

        var matchOffset = window.Length + (offset - start);
        foreach (var c in text.AsSpan(start, end - start))
        {
            window.Append(c is '\r' or '\n' or '\t' or '\u2028' or '\u2029' ? ' ' : c);
        }

        if (end < text.Length)
        {
            window.Append(Ellipsis);
        }

        return new LtContext(window.ToString(), matchOffset, length);
    }
}
