using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Repatriation.Core.Checking;
using Repatriation.Core.Documents;
using Repatriation.Core.Facts;
using Repatriation.Core.Reports;

namespace Repatriation.Storage.Jobs;

/// <summary>
/// Checks one manuscript from storage and writes its reports (JSON, SARIF, HTML) to the reports container,
/// or an error record when it cannot be read. The same code runs in the queue-triggered and blob-triggered
/// functions and in `serve`'s background workers. Idempotent: a manuscript whose report exists is not redone.
/// </summary>
public sealed class ManuscriptProcessor(
    IJobStorage storage, IFactSetProvider facts, IOptions<JobsOptions> options, TimeProvider time, ILogger<ManuscriptProcessor> logger)
{
    public const string JsonSuffix = ".report.json";
    public const string SarifSuffix = ".sarif";
    public const string HtmlSuffix = ".report.html";
    public const string ErrorSuffix = ".error.json";
    public const string ContentHashKey = "contentsha256";

    /// <summary>Job uploads live under this prefix of the manuscripts container; the drop folder leaves them to the queue.</summary>
    public const string JobUploadPrefix = "jobs/";

    private readonly ManuscriptChecker _checker = new();
    private JobsOptions Options => options.Value;

    public static string JobReportBase(string key) => $"jobs/{key}";

    public static IReadOnlyList<string> ReportBlobs(string reportBase) => [reportBase + JsonSuffix, reportBase + SarifSuffix, reportBase + HtmlSuffix];

    /// <summary>
    /// Handles one queue message. True when the manuscript now has a report or an error record (delete the
    /// message); throws when the work failed in a way a later try may fix (leave it to come back). On the last
    /// allowed try a failure is recorded instead, so nothing ends in a poison queue unrecorded.
    /// </summary>
    public async Task<bool> HandleMessageAsync(string body, long dequeueCount, CancellationToken cancellationToken)
    {
        WorkItem? item;
        try
        {
            item = JsonSerializer.Deserialize<WorkItem>(body, JobJson.Options);
        }
        catch (JsonException)
        {
            item = null;
        }

        if (item is null || string.IsNullOrEmpty(item.Key) || string.IsNullOrEmpty(item.Blob))
        {
            logger.LogWarning("Dropped a queue message that is not a manuscript to check: {Body}", body.Length > 200 ? body[..200] : body);
            return true;
        }

        var reportBase = JobReportBase(item.Key);
        try
        {
            if (await HasOutcomeAsync(reportBase, null, cancellationToken))
            {
                return true;
            }

            await storage.PutAsync(Options.JobsContainer, $"running/{item.Key}", BinaryData.FromString(time.GetUtcNow().ToString("O")), cancellationToken: cancellationToken);
            var content = await storage.GetAsync(Options.ManuscriptsContainer, item.Blob, cancellationToken);
            if (content is null)
            {
                await WriteErrorAsync(reportBase, new ErrorRecord(item.Name, $"{item.Name}: the uploaded manuscript is missing from storage", dequeueCount, time.GetUtcNow(), Retryable: true), null, cancellationToken);
                return true;
            }

            await CheckAndWriteAsync(item.Name, content, reportBase, dequeueCount, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException && dequeueCount >= Options.MaxDequeueCount)
        {
            logger.LogError(e, "Giving up on {Name} after {Attempts} tries", item.Name, dequeueCount);
            await WriteErrorAsync(reportBase, new ErrorRecord(item.Name, $"{item.Name}: could not be checked after {dequeueCount} tries ({e.Message.ReplaceLineEndings(" ")})", dequeueCount, time.GetUtcNow(), Retryable: true), null, cancellationToken);
            return true;
        }
    }

    /// <summary>
    /// A manuscript dropped into the manuscripts container: reports go beside its name in the reports container.
    /// Skipped when its reports already match its content, so a re-run or a duplicate event does no work.
    /// </summary>
    public async Task<bool> ProcessDropAsync(string blobName, BinaryData content, CancellationToken cancellationToken)
    {
        if (blobName.StartsWith(JobUploadPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (!DocumentReader.IsSupported(blobName))
        {
            logger.LogInformation("Ignored {Name} in the drop folder: not a .txt, .md, .html or .docx file", blobName);
            return false;
        }

        var hash = JobJson.ContentHash(content.ToMemory().Span);
        if (await HasOutcomeAsync(blobName, hash, cancellationToken))
        {
            return false;
        }

        await CheckAndWriteAsync(blobName, content, blobName, 1, cancellationToken);
        return true;
    }

    /// <summary>True when a report or a (non-retryable) error record exists; with a hash, only one made from that content.</summary>
    public async Task<bool> HasOutcomeAsync(string reportBase, string? contentHash, CancellationToken cancellationToken)
    {
        foreach (var blob in (string[])[reportBase + JsonSuffix, reportBase + ErrorSuffix])
        {
            var metadata = await storage.GetMetadataAsync(Options.ReportsContainer, blob, cancellationToken);
            if (metadata is null || (contentHash is not null && (!metadata.TryGetValue(ContentHashKey, out var hash) || hash != contentHash)))
            {
                continue;
            }

            if (blob.EndsWith(ErrorSuffix, StringComparison.Ordinal) && metadata.TryGetValue("retryable", out var retryable) && retryable == "true" && contentHash is not null)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private async Task CheckAndWriteAsync(string name, BinaryData content, string reportBase, long attempt, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var bytes = content.ToArray();
        var metadata = new Dictionary<string, string> { [ContentHashKey] = JobJson.ContentHash(bytes) };
        SourceDocument document;
        try
        {
            document = DocumentReader.Read(name, bytes);
        }
        catch (UnreadableDocumentException e)
        {
            // The manuscript itself is at fault: retrying cannot help, so record it at once.
            logger.LogWarning("Could not read {Name}: {Reason}", name, e.Message);
            await WriteErrorAsync(reportBase, new ErrorRecord(name, e.Message, attempt, time.GetUtcNow(), Retryable: false), metadata, cancellationToken);
            return;
        }

        var snapshot = facts.Current;
        metadata["factsetversion"] = snapshot.FactSet.Version;

        // One check streams into the three report blobs at once, each uploaded as it is written. The JSON report is
        // committed last: its presence is what says the manuscript is done. A check that fails commits none of them.
        var uploads = new List<Stream>(3);
        ReportTotals totals;
        try
        {
            var sarif = await OpenAsync(uploads, reportBase + SarifSuffix, metadata, cancellationToken);
            var html = await OpenAsync(uploads, reportBase + HtmlSuffix, metadata, cancellationToken);
            var json = await OpenAsync(uploads, reportBase + JsonSuffix, metadata, cancellationToken);
            totals = await Task.Run(() => WriteReports(document, snapshot, json, sarif, html, cancellationToken), cancellationToken);
            foreach (var upload in uploads)
            {
                await upload.DisposeAsync();
            }
        }
        catch
        {
            foreach (var upload in uploads)
            {
                (upload as IAbandonableUpload)?.Abandon();
                await upload.DisposeAsync();
            }

            throw;
        }

        await storage.DeleteAsync(Options.ReportsContainer, reportBase + ErrorSuffix, cancellationToken);
        logger.LogInformation("Checked {Name}: {Claims} claims, {Flagged} flagged, in {Ms} ms", name, totals.Summary.Claims, totals.Summary.Flagged,
            Math.Round(time.GetElapsedTime(started).TotalMilliseconds));
    }

    /// <summary>Checks the manuscript once, writing JSON, SARIF and HTML claim by claim (on a worker thread: the writes block).</summary>
    private ReportTotals WriteReports(SourceDocument document, FactSetSnapshot snapshot, Stream json, Stream sarif, Stream html, CancellationToken cancellationToken)
    {
        using var jsonWriter = new JsonReportWriter(json);
        using var sarifWriter = new SarifReportWriter(sarif);
        using var htmlWriter = new HtmlReportWriter(html, HtmlReportWriter.TitleFor(document.Name));
        var totals = _checker.Stream(
            document, snapshot, ReportSinks.Tee(jsonWriter.Report(document.Text), sarifWriter.Report(document.Text), htmlWriter.Report(document.Text)),
            cancellationToken: cancellationToken);
        sarifWriter.Complete();
        htmlWriter.Complete();
        jsonWriter.Complete();
        return totals;
    }

    private async Task<Stream> OpenAsync(List<Stream> uploads, string blob, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var upload = await storage.OpenWriteAsync(Options.ReportsContainer, blob, metadata, cancellationToken);
        uploads.Add(upload);
        return upload;
    }

    private Task WriteErrorAsync(string reportBase, ErrorRecord error, Dictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        metadata ??= [];
        metadata["retryable"] = error.Retryable ? "true" : "false";
        return storage.PutAsync(Options.ReportsContainer, reportBase + ErrorSuffix, JobJson.Serialize(error), metadata, cancellationToken);
    }
}
