using System.Globalization;
using System.Text.RegularExpressions;

namespace Repatriation.Core.Facts;

/// <summary>Source reliabilities and the two groups the weak/contested rules rest on.</summary>
public static class SourceReliabilities
{
    public const string Archival = "archival";
    public const string Scholarly = "scholarly";
    public const string Reference = "reference";
    public const string Press = "press";
    public const string Popular = "popular";
    public const string Weak = "weak";

    public static readonly IReadOnlyList<string> All = [Archival, Scholarly, Reference, Press, Popular, Weak];

    /// <summary>Blogs, blurbs, abstracts, popular sites: a fact resting only on these is <c>weak</c>.</summary>
    public static bool IsPopular(string? reliability) => reliability is Popular or Weak;

    /// <summary>Archives and scholarship: a fact citing these is never <c>weak</c> (it may be <c>contested</c>).</summary>
    public static bool IsScholarly(string? reliability) => reliability is Archival or Scholarly;
}

/// <summary>
/// How terms are compared and when a phrase is too generic to name a measure or an event. The word lists are data:
/// tests run example terms against them (tests/Repatriation.Core.Tests/Facts/TermRulesTests.cs), so changing a list
/// or a limit fails a test.
/// </summary>
public static partial class TermRules
{
    /// <summary>A term shared by more measures than this names none of them: it belongs in an action.</summary>
    public const int MaxMeasuresPerTerm = 2;

    /// <summary>Words that carry no meaning of their own in a name ("the", "of", "was").</summary>
    public static readonly IReadOnlySet<string> FunctionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "and", "on", "at", "in", "for", "to", "by", "with", "from", "was", "were", "is", "had", "been",
        "has", "his", "her", "their", "its", "that", "this", "be", "as", "into", "s",
    };

    /// <summary>
    /// Words that say what kind of event something was but not which one ("amnesty", "riot", "conference"). A date
    /// measure's term made only of these (and of dates) names every event of that kind.
    /// </summary>
    public static readonly IReadOnlySet<string> GenericEventWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "amnesty", "amnestied", "riot", "rioted", "conference", "meeting", "talk", "trial", "verdict", "report", "order",
        "decree", "directive", "resolution", "agreement", "treaty", "letter", "telegram", "cable", "memorandum", "memo",
        "minute", "paper", "interview", "visit", "visited", "debate", "speech", "book", "published", "publication",
        "handover", "repatriation", "execution", "executed", "hanged", "arrest", "arrested", "capture", "captured", "signed",
        "signing", "issued", "sentence", "approved", "decision", "incident", "operation", "suicide", "death", "died",
        "award", "awarded", "damage", "cost", "judgment", "judgement", "ruling", "case", "libel", "camp", "special",
        "classified", "top", "secret", "draft", "drafted", "renamed", "set", "up", "created", "appointed", "appointment",
        "established", "definition", "cut", "off", "cutoff", "record", "file", "court", "massacre", "tragedy", "clearance",
        "roundup", "day", "week", "month", "year", "ten", "general", "struck", "war", "veteran", "rehabilitated",
        "interim", "final", "first", "last", "new", "great", "jury", "tear", "gas",
    };

    private static readonly IReadOnlySet<string> MonthNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>The words of a term as compared: lower case, no possessive or plural -s (accents are kept, as the matcher keeps them).</summary>
    public static IReadOnlyList<string> Words(string term) =>
        Word().Matches(term.Replace('’', '\'').ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => w.Length > 0).ToList();

    /// <summary>A term's comparison key: its words joined by single spaces ("Gulags" and "the gulag" differ, "Gulag" and "Gulags" do not).</summary>
    public static string Key(string term) => string.Join(' ', Words(term));

    private static string Stem(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        word = word.Trim('\'');
        return word.Length > 3 && word[^1] == 's' && word[^2] != 's' && !char.IsDigit(word[^2]) ? word[..^1] : word;
    }

    /// <summary>
    /// Why <paramref name="term"/> cannot name a dated event on its own, or null when it can. <paramref name="names"/>
    /// holds the keys of every place, group and person name: a name alone is a place or a person, not an event.
    /// </summary>
    public static string? WhyNotAnEventName(string term, IReadOnlySet<string> names)
    {
        var words = Words(term);
        var content = words.Where(w => !FunctionWords.Contains(w)).ToList();
        if (content.Count < 2)
        {
            return "is a bare word";
        }

        if (names.Contains(string.Join(' ', words)))
        {
            return "names a place, group or person, not an event";
        }

        // An event of a kind dated by its year ("1955 amnesty", "December 1945 directive") is one event; a kind alone
        // ("repatriation agreement", "order of 24 May") or a date alone ("1 June 1945") is not.
        var specific = content.Any(w => !GenericEventWords.Contains(w) && !IsDateWord(w));
        var datedKind = content.Any(IsYear) && content.Any(GenericEventWords.Contains);
        return specific || datedKind ? null : "is made only of generic words and dates";
    }

    private static bool IsYear(string word) =>
        word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2100;

    /// <summary>Month names, days of the month and years; an identifier such as 270 or 001735 is not a date word.</summary>
    private static bool IsDateWord(string word) =>
        MonthNames.Contains(word) || IsYear(word)
        || (word.Length <= 2 && word[0] != '0' && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day <= 31);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'[\p{L}]+)?")]
    private static partial Regex Word();
}
