using System.Text.Json;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Reports;

/// <summary>
/// Writes a check report as JSON while the text is being checked: claims go out as they are found and the
/// summary follows them, so a book-length manuscript never has all its claims in memory at once.
/// </summary>
public static class StreamingReportWriter
{
    public static ReportSummary WriteJson(
        Stream output, ClaimChecker checker, CheckRequest request, FactSetSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = ReportJson.Options.Encoder });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        writer.WriteStartObject();
        writer.WritePropertyName("claims");
        writer.WriteStartArray();
        var header = checker.Stream(request, snapshot, claim =>
        {
            counts[claim.Status] = counts.GetValueOrDefault(claim.Status) + 1;
            JsonSerializer.Serialize(writer, claim, ReportJson.Options);
            if (writer.BytesPending > 64 * 1024)
            {
                writer.Flush();
            }
        }, cancellationToken);
        writer.WriteEndArray();

        var total = counts.Values.Sum();
        var supported = counts.GetValueOrDefault(ClaimStatuses.Supported);
        var summary = new ReportSummary
        {
            Claims = total,
            Flagged = total - supported,
            Supported = supported,
            Disputed = counts.GetValueOrDefault(ClaimStatuses.Disputed),
            Imprecise = counts.GetValueOrDefault(ClaimStatuses.Imprecise),
            Contradicted = counts.GetValueOrDefault(ClaimStatuses.Contradicted),
            Unsupported = counts.GetValueOrDefault(ClaimStatuses.Unsupported),
            Misattributed = counts.GetValueOrDefault(ClaimStatuses.Misattributed),
            Open = total - supported,
            StaleDecisions = [],
        };
        Write(writer, "service", header.Service);
        Write(writer, "factSet", header.FactSet);
        Write(writer, "document", header.Document);
        Write(writer, "summary", summary);
        writer.WriteEndObject();
        writer.Flush();
        return summary;
    }

    private static void Write<T>(Utf8JsonWriter writer, string name, T value)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, ReportJson.Options);
    }
}
