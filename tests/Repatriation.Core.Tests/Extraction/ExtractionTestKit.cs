using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;

namespace Repatriation.Core.Tests.Extraction;

/// <summary>A tiny in-code fact set with a few people, and helpers to extract and locate claims.</summary>
internal static class ExtractionTestKit
{
    public static readonly CompiledFactSet Facts = CompiledFactSet.Compile(new FactSet
    {
        Id = "extraction-tests",
        Version = "1",
        People =
        [
            new Person { Id = "tolstoy-nikolai", Name = "Nikolai Tolstoy", Aliases = ["Tolstoy", "Count Nikolai Tolstoy", "Count Tolstoy"] },
            new Person { Id = "zemskov-viktor", Name = "Viktor Zemskov", Aliases = ["Zemskov", "V. N. Zemskov", "Zemskow"] },
            new Person { Id = "stalin-joseph", Name = "Joseph Stalin", Aliases = ["Stalin"] },
            new Person { Id = "solzhenitsyn-aleksandr", Name = "Aleksandr Solzhenitsyn", Aliases = ["Solzhenitsyn", "Solschenizyn"] },
            new Person { Id = "eden-anthony", Name = "Anthony Eden", Aliases = ["Eden"] },
            new Person { Id = "bethell-nicholas", Name = "Nicholas Bethell", Aliases = ["Bethell", "Lord Bethell"] },
        ],
        Sources = [new Source { Id = "test-source", Author = "Test", Title = "Test source" }],
        // One measure of each unit the extractor keeps figures of: a figure no measure could check is no claim.
        Measures =
        [
            new Measure { Id = "people", Name = "people", Kind = MeasureKinds.Count, Unit = "persons" },
            new Measure { Id = "share", Name = "share", Kind = MeasureKinds.Percentage, Unit = "percent" },
            new Measure { Id = "pounds", Name = "pounds", Kind = MeasureKinds.Amount, Unit = "GBP" },
            new Measure { Id = "dollars", Name = "dollars", Kind = MeasureKinds.Amount, Unit = "USD" },
        ],
        Works =
        [
            new Work { Id = "stalins-secret-war", Title = "Stalin's Secret War", Authors = ["tolstoy-nikolai"], Year = 1981, Sources = [new SourceRef { Source = "test-source" }] },
        ],
    });

    public static IReadOnlyList<ExtractedClaim> Extract(string text) => new ClaimExtractor().Extract(text, Facts);

    public static IReadOnlyList<ExtractedClaim> Extract(string text, ClaimKind kind) =>
        Extract(text).Where(c => c.Kind == kind).ToList();

    /// <summary>The one claim of <paramref name="kind"/>; fails when there are none or several.</summary>
    public static ExtractedClaim Single(string text, ClaimKind kind) => Assert.Single(Extract(text, kind));

    /// <summary>Asserts the claim covers exactly the one occurrence of <paramref name="expected"/> in the text.</summary>
    public static void AssertSpan(string text, ExtractedClaim claim, string expected)
    {
        var offset = text.IndexOf(expected, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{expected}' is not in the text");
        Assert.Equal(offset, text.IndexOf(expected, offset + 1, StringComparison.Ordinal) < 0 ? offset : -1);
        Assert.Equal(expected, claim.Text);
        Assert.Equal(offset, claim.Offset);
        Assert.Equal(expected.Length, claim.Length);
        Assert.Equal(claim.Text, text.Substring(claim.Offset, claim.Length));
    }

    public static string Sentence(string text, ExtractedClaim claim) => text.Substring(claim.SentenceOffset, claim.SentenceLength);
}
