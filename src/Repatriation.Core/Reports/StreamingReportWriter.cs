using Repatriation.Core.Checking;
using Repatriation.Core.Facts;

namespace Repatriation.Core.Reports;

/// <summary>
/// Writes a check report as compact JSON while the text is being checked: claims go out as they are found and the
/// summary follows them, so a book-length manuscript never has all its claims in memory at once.
/// </summary>
public static class StreamingReportWriter
{
    public static ReportSummary WriteJson(
        Stream output, ClaimChecker checker, CheckRequest request, FactSetSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checker);
        using var writer = new JsonReportWriter(output, JsonReportLayout.Object, indented: false);
        var totals = checker.Stream(request, snapshot, writer.Report(), review: null, cancellationToken);
        writer.Complete();
        return totals.Summary;
    }
}
