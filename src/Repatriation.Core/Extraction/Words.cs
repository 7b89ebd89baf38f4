using Repatriation.Core.Rules;

namespace Repatriation.Core.Extraction;

/// <summary>
/// The vocabulary the extractor tells claims from non-claims by: the word lists of the shipped rules file
/// (<c>Rules/engine-rules.json</c>), where each list is declared once with its examples.
/// </summary>
internal static class Words
{
    private static Lexicon Lexicon => EngineRules.Default.Words;

    /// <summary>Capitalised words that start sentences or clauses and are never part of a name.</summary>
    public static WordSet Stop => Lexicon.Stop;

    /// <summary>Ranks and offices that precede a name but are no part of it ("Lieutenant General Gryzlov signed").</summary>
    public static WordSet Ranks => Lexicon.Ranks;

    /// <summary>Capitalised words that name peoples, places, institutions and events rather than people.</summary>
    public static WordSet NonPerson => Lexicon.NonPerson;

    /// <summary>Nouns that, right after a year-like number, show the number counts people or things.</summary>
    public static WordSet CountNouns => Lexicon.CountNouns;

    /// <summary>Words before a number that make it part of an identifier ("No. 270", "p. 258", "Article 58").</summary>
    public static WordSet IdentifierPrefixes => Lexicon.IdentifierPrefixes;

    /// <summary>Identifier words that only mark an identifier when capitalised ("Order 270", not "in order 270 men…").</summary>
    public static WordSet CapitalisedIdentifierPrefixes => Lexicon.CapitalisedIdentifierPrefixes;

    /// <summary>Words that come before "half" when it names part of a period, not a share ("the second half of 1945").</summary>
    public static WordSet HalfOfPeriod => Lexicon.HalfOfPeriod;

    /// <summary>Adjectives and adverbs after "most" that make it a superlative, not a share ("most likely", "most famous").</summary>
    public static WordSet SuperlativeAfterMost => Lexicon.SuperlativeAfterMost;

    /// <summary>Words before "most" that make it a superlative or an idiom ("the most", "at most").</summary>
    public static WordSet BeforeSuperlativeMost => Lexicon.BeforeSuperlativeMost;
}
