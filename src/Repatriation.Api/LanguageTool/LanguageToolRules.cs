using Repatriation.Core.Reports;

namespace Repatriation.Api.LanguageTool;

/// <summary>
/// How the checker's verdicts appear as LanguageTool rules: a category per status
/// (REPATRIATION_CONTRADICTED) and a rule per status and claim kind (REPATRIATION_CONTRADICTED_FIGURE),
/// so clients can switch them off with disabledRules / disabledCategories as they would any LT rule.
/// </summary>
public static class LanguageToolRules
{
    public const string Prefix = "REPATRIATION_";

    /// <summary>
    /// LanguageTool's issue types drive how clients colour a match. Wrong facts are not one of its
    /// ITS types, so errors use "misinformation" (clients fall back to their default look for a type
    /// they do not know); the rest are "uncategorized", as LanguageTool marks rules without a type.
    /// </summary>
    public static string IssueType(string status) => status switch
    {
        ClaimStatuses.Contradicted or ClaimStatuses.Misattributed => "misinformation",
        _ => "uncategorized",
    };

    public static string CategoryId(string status) => Prefix + status.ToUpperInvariant();

    public static string CategoryName(string status) => status switch
    {
        ClaimStatuses.Contradicted => "Contradicted by the sources",
        ClaimStatuses.Misattributed => "Misattributed",
        ClaimStatuses.Imprecise => "Imprecise wording",
        ClaimStatuses.Disputed => "Disputed among the sources",
        ClaimStatuses.Unsupported => "Without support in the fact set",
        ClaimStatuses.Supported => "Supported",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown claim status."),
    };

    public static string RuleId(string status, string kind) => $"{CategoryId(status)}_{kind.ToUpperInvariant()}";

    public static string RuleDescription(string status, string kind)
    {
        var noun = KindNoun(kind);
        var capitalized = char.ToUpperInvariant(noun[0]) + noun[1..];
        return status switch
        {
            ClaimStatuses.Contradicted => $"{capitalized} contradicted by the fact set's sources",
            ClaimStatuses.Misattributed => $"{capitalized} ascribed to the wrong person",
            ClaimStatuses.Imprecise => $"{capitalized} worded more broadly or narrowly than the sources",
            ClaimStatuses.Disputed => $"{capitalized} the sources disagree on",
            ClaimStatuses.Unsupported => $"{capitalized} no fact in the fact set speaks to",
            _ => $"{capitalized} supported by the fact set",
        };
    }

    /// <summary>LanguageTool-style short message, e.g. "Contradicted figure".</summary>
    public static string ShortMessage(string status, string kind) =>
        $"{char.ToUpperInvariant(status[0])}{status[1..]} {KindNoun(kind)}";

    public static string KindNoun(string kind) => kind switch
    {
        ClaimKinds.Quote => "quotation",
        _ => kind,
    };

    /// <summary>Every rule id and category id the server can emit (what enabledRules and friends may name).</summary>
    public static IEnumerable<(string RuleId, string CategoryId)> All() =>
        from status in ClaimStatuses.All
        where status != ClaimStatuses.Supported
        from kind in new[] { ClaimKinds.Figure, ClaimKinds.Date, ClaimKinds.Attribution, ClaimKinds.Quote }
        select (RuleId(status, kind), CategoryId(status));
}
