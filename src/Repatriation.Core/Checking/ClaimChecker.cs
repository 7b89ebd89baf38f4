using System.Security.Cryptography;
using System.Text;
using Repatriation.Core.Extraction;
using Repatriation.Core.Facts;
using Repatriation.Core.Matching;
using Repatriation.Core.Reports;

namespace Repatriation.Core.Checking;

/// <summary>
/// The engine every host calls: finds the claims in a text, matches each against a fact-set
/// snapshot and builds the contract's report. Stateless and thread-safe.
/// </summary>
public sealed class ClaimChecker
{
    public const string ServiceName = "repatriation-claims-checker";
    public static readonly string ServiceVersion =
        typeof(ClaimChecker).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private readonly ClaimExtractor _extractor = new();
    private readonly ClaimMatcher _matcher = new();

    public CheckReport Check(CheckRequest request, FactSetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = request.Text;
        var useCodePoints = request.StringIndexType == StringIndexTypes.UnicodeCodePoint;
        if (!useCodePoints && request.StringIndexType != StringIndexTypes.Utf16CodeUnit)
        {
            throw new ArgumentException($"Unknown stringIndexType '{request.StringIndexType}'.", nameof(request));
        }

        var extracted = _extractor.Extract(text, snapshot.Index);
        var lines = new LineMap(text);
        var results = new List<ClaimResult>(extracted.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var outcomes = _matcher.MatchAll(extracted, text, snapshot.Index);
        for (var i = 0; i < extracted.Count; i++)
        {
            var (claim, outcome) = (extracted[i], outcomes[i]);
            var sentence = text.Substring(claim.SentenceOffset, claim.SentenceLength);
            var key = string.Join('\u001f', snapshot.FactSet.Id, snapshot.FactSet.Version, KindName(claim.Kind), claim.Text, claim.PersonText ?? "", sentence);
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 0;
            results.Add(ToResult(claim, outcome, text, lines, useCodePoints, Fingerprint(key, seen[key])));
        }

        var characters = useCodePoints ? CountCodePoints(text, text.Length) : text.Length;
        return new CheckReport
        {
            Service = new ServiceInfo(ServiceName, ServiceVersion),
            FactSet = new FactSetInfo(snapshot.FactSet.Id, snapshot.FactSet.Version, snapshot.ETag),
            Document = new DocumentInfo(request.Name, characters, request.StringIndexType),
            Summary = ReportSummary.From(results),
            Claims = results,
        };
    }

    private static ClaimResult ToResult(
        ExtractedClaim claim, MatchOutcome outcome, string text, LineMap lines, bool useCodePoints, string id)
    {
        var (line, lineStart) = lines.Locate(claim.Offset);
        var offset = claim.Offset;
        var length = claim.Length;
        var column = claim.Offset - lineStart + 1;
        if (useCodePoints)
        {
            offset = CountCodePoints(text, claim.Offset);
            length = CountCodePoints(text, claim.Offset + claim.Length) - offset;
            column = offset - CountCodePoints(text, lineStart) + 1;
        }

        return new ClaimResult
        {
            Id = id,
            Kind = KindName(claim.Kind),
            Status = outcome.Status,
            Severity = ClaimStatuses.SeverityOf(outcome.Status),
            Offset = offset,
            Length = length,
            Line = line,
            Column = column,
            Text = claim.Text,
            Sentence = text.Substring(claim.SentenceOffset, claim.SentenceLength),
            Value = ReportValues.From(claim),
            Person = claim.PersonText,
            Message = outcome.Message,
            Evidence = outcome.Evidence,
            Suggestion = outcome.Suggestion,
        };
    }

    public static string KindName(ClaimKind kind) => kind switch
    {
        ClaimKind.Figure => ClaimKinds.Figure,
        ClaimKind.Date => ClaimKinds.Date,
        ClaimKind.Attribution => ClaimKinds.Attribution,
        ClaimKind.Quote => ClaimKinds.Quote,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The fact set, the claim's words and the sentence around them decide the id, so it survives edits
    /// elsewhere in the text; a repeat of the same sentence gets its occurrence number.
    /// </summary>
    private static string Fingerprint(string key, int occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(occurrence == 0 ? key : key + "\u001f" + occurrence));
        return "c_" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static int CountCodePoints(string text, int utf16End)
    {
        var count = 0;
        for (var i = 0; i < utf16End; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
