using System.Globalization;
using System.Text;
using Repatriation.Core.Checking;
using Repatriation.Core.Reports;

namespace Repatriation.Api.LanguageTool;

/// <summary>
/// Turns a check report into LanguageTool's /v2/check answer: one match per flagged claim, with
/// offsets into what the client sent (markup included) in UTF-16 code units, as LanguageTool's
/// Java server counts them and its clients apply them.
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
            if (claim.Status == ClaimStatuses.Supported)
            {
                continue;
            }

            var ruleId = LanguageToolRules.RuleId(claim.Status, claim.Kind);
            var categoryId = LanguageToolRules.CategoryId(claim.Status);
            if (!filter.Allows(ruleId, categoryId))
            {
                continue;
            }

            var (offset, length) = text.ToOriginal(claim.Offset, claim.Length);
            matches.Add(new LtMatch(
                Message: MessageWithSources(claim, report.FactSet),
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
                ContextForSureMatch: 0));
        }

        // Report claims are already in text order; mapping through markup cannot reorder them, but clients rely on it.
        var ordered = matches.OrderBy(m => m.Offset).ThenBy(m => m.Length).ToList();
        var detected = language.LongCode == "en" ? LanguageToolLanguages.Find("en-US")! : language;
        return new LtCheckResponse(
            new LtSoftware(ClaimChecker.ServiceName, report.Service.Version, BuildDate.Value, ApiVersion: 1, Premium: false, Status: ""),
            new LtWarnings(IncompleteResults: false),
            // The service reads English only and does not guess: what was asked for is what is reported as detected.
            new LtLanguage(language.Name, language.LongCode, new LtDetectedLanguage(detected.Name, detected.LongCode, Confidence: 1.0)),
            ordered,
            new LtFactSet(report.FactSet.Id, report.FactSet.Version, report.FactSet.Etag));
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
