using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Repatriation.Core.Review;

namespace Repatriation.Storage.Jobs;

/// <summary>
/// The optional baseline of each manuscript of a job (an earlier JSON or SARIF report), kept with the job as
/// <c>baselines/{job}/{index}.json</c> and applied when the job is read: the stored report is shared by every job
/// that submitted the same manuscript, so it stays as checked and each job sees it against its own baseline.
/// </summary>
public sealed class JobBaselines(IJobStorage storage, IOptions<JobsOptions> options)
{
    private string Container => options.Value.JobsContainer;

    public async Task SaveAsync(string jobId, IReadOnlyDictionary<int, JsonNode> baselines, CancellationToken cancellationToken)
    {
        foreach (var (index, baseline) in baselines)
        {
            await storage.PutAsync(Container, $"baselines/{jobId}/{index}.json", BinaryData.FromString(baseline.ToJsonString()), cancellationToken: cancellationToken);
        }
    }

    /// <summary>The job with each done manuscript's report marked against its baseline (new, unchanged, updated; absentClaims).</summary>
    public async Task<JobStatus> ApplyAsync(JobStatus job, CancellationToken cancellationToken)
    {
        var manuscripts = job.Manuscripts.ToList();
        var changed = false;
        await foreach (var (name, _) in storage.ListAsync(Container, $"baselines/{job.Id}/", cancellationToken))
        {
            if (!int.TryParse(Path.GetFileNameWithoutExtension(name), out var index) || index < 0 || index >= manuscripts.Count
                || manuscripts[index].Report is not JsonObject report
                || await storage.GetAsync(Container, name, cancellationToken) is not { } data)
            {
                continue;
            }

            var marked = report.DeepClone().AsObject();
            ReportReview.ApplyBaseline(marked, BaselineFile.Parse(data.ToString(), name).For(manuscripts[index].Name));
            manuscripts[index] = manuscripts[index] with { Report = marked };
            changed = true;
        }

        return changed ? job with { Manuscripts = manuscripts } : job;
    }
}
