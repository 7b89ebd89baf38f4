namespace Repatriation.Api.LanguageTool;

// LanguageTool's /v2/check response (https://languagetool.org/http-api/): the field names and
// nesting its clients read. Serialized with ApiJson (camelCase).

public sealed record LtCheckResponse(
    LtSoftware Software,
    LtWarnings Warnings,
    LtLanguage Language,
    IReadOnlyList<LtMatch> Matches,
    /// <summary>Not in LanguageTool's shape: which fact set decided every match (clients ignore unknown fields).</summary>
    LtFactSet FactSet);

public sealed record LtSoftware(string Name, string Version, string BuildDate, int ApiVersion, bool Premium, string Status);

public sealed record LtWarnings(bool IncompleteResults);

public sealed record LtLanguage(string Name, string Code, LtDetectedLanguage DetectedLanguage);

public sealed record LtDetectedLanguage(string Name, string Code, double Confidence);

public sealed record LtMatch(
    string Message,
    string ShortMessage,
    IReadOnlyList<LtReplacement> Replacements,
    int Offset,
    int Length,
    LtContext Context,
    string Sentence,
    LtType Type,
    LtRule Rule,
    bool IgnoreForIncompleteSentence,
    int ContextForSureMatch);

public sealed record LtReplacement(string Value);

public sealed record LtContext(string Text, int Offset, int Length);

public sealed record LtType(string TypeName);

public sealed record LtRule(string Id, string Description, string IssueType, LtCategory Category);

public sealed record LtCategory(string Id, string Name);

public sealed record LtFactSet(string Id, string Version, string? Etag);

/// <summary>One entry of GET /v2/languages.</summary>
public sealed record LtLanguageEntry(string Name, string Code, string LongCode);
