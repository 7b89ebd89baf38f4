using System.Text.RegularExpressions;
using Repatriation.Core.Input;

namespace Repatriation.Core.Documents;

/// <summary>Chapter titles in plain text: a short line of its own starting "Chapter", "Part", "Book" or "Section".</summary>
internal static partial class PlainTextSections
{
    [GeneratedRegex(@"^[ \t]*((?:chapter|part|book|section|prologue|epilogue|introduction|afterword)\b[^\r\n]{0,80})[ \t]*\r?$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, RegexBudget.Milliseconds)]
    private static partial Regex ChapterLine();

    public static IReadOnlyList<DocumentSection> Find(string text)
    {
        var sections = new List<DocumentSection>();
        foreach (Match match in ChapterLine().Matches(text))
        {
            var title = match.Groups[1];
            // A sentence that merely starts with "Part of the…" is prose, not a title.
            if (title.Value.TrimEnd().EndsWith('.') && title.Value.Split(' ').Length > 6)
            {
                continue;
            }

            sections.Add(new DocumentSection(title.Value.Trim(), title.Index));
        }

        return sections;
    }
}
