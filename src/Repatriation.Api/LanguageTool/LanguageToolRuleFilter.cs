namespace Repatriation.Api.LanguageTool;

/// <summary>
/// LanguageTool's enabledRules / enabledCategories / disabledRules / disabledCategories / enabledOnly.
/// Every rule here is on by default, so enabling only matters with enabledOnly.
/// </summary>
public sealed record LanguageToolRuleFilter(
    IReadOnlySet<string> EnabledRules,
    IReadOnlySet<string> EnabledCategories,
    IReadOnlySet<string> DisabledRules,
    IReadOnlySet<string> DisabledCategories,
    bool EnabledOnly)
{
    public static readonly LanguageToolRuleFilter None = new(
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), false);

    public bool Allows(string ruleId, string categoryId)
    {
        if (DisabledRules.Contains(ruleId) || DisabledCategories.Contains(categoryId))
        {
            return false;
        }

        return !EnabledOnly || EnabledRules.Contains(ruleId) || EnabledCategories.Contains(categoryId);
    }

    /// <summary>A comma-separated LanguageTool list ("A,B, C") as a set; ids compare as LanguageTool's do, exactly.</summary>
    public static IReadOnlySet<string> ParseList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
}
