using Repatriation.Core.Facts;

namespace Repatriation.Core.Extraction;

/// <summary>Finds every figure, date, attribution and quotation in a plain text, in text order.</summary>
public sealed class ClaimExtractor
{
    public IReadOnlyList<ExtractedClaim> Extract(string text, FactIndex index)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(index);
        return [];
    }
}
