namespace Repatriation.Api.LanguageTool;

/// <summary>
/// The languages this server accepts: English only, under the names and codes LanguageTool uses,
/// so a client's language picker and its "auto" both land on something we check.
/// </summary>
public static class LanguageToolLanguages
{
    public const string Auto = "auto";

    public static readonly IReadOnlyList<LtLanguageEntry> All =
    [
        new("English", "en", "en"),
        new("English (US)", "en", "en-US"),
        new("English (GB)", "en", "en-GB"),
        new("English (Australian)", "en", "en-AU"),
        new("English (Canadian)", "en", "en-CA"),
        new("English (New Zealand)", "en", "en-NZ"),
        new("English (South African)", "en", "en-ZA"),
    ];

    /// <summary>The entry for a requested code (case-insensitive; "en_US" spelled with an underscore too), or null.</summary>
    public static LtLanguageEntry? Find(string code)
    {
        var normalized = code.Trim().Replace('_', '-');
        if (normalized.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            return All.First(l => l.LongCode == "en-US");
        }

        return All.FirstOrDefault(l => l.LongCode.Equals(normalized, StringComparison.OrdinalIgnoreCase));
    }
}
