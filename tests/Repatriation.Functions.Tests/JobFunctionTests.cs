using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Storage;
using Repatriation.Storage.Jobs;
using static Repatriation.Functions.Tests.FunctionHost;

namespace Repatriation.Functions.Tests;

/// <summary>The job functions called as the worker would, on the composition root's storage (memory here; Azurite in the CLI tests).</summary>
public sealed class JobFunctionTests
{
    private readonly IServiceProvider _services = FunctionHost.BuildServices(new Dictionary<string, string?> { ["Jobs:MaxDequeueCount"] = "3" });

    private T Function<T>() => ActivatorUtilities.CreateInstance<T>(_services);

    private static (int Status, JsonNode Body) Read(IActionResult result)
    {
        var content = Assert.IsType<ContentResult>(result);
        return (content.StatusCode ?? 200, JsonNode.Parse(content.Content!)!);
    }

    /// <summary>Delivers every queued message to the queue-triggered function, as the Functions host would.</summary>
    private async Task<int> DeliverQueueAsync()
    {
        var storage = _services.GetRequiredService<IJobStorage>();
        var delivered = 0;
        foreach (var message in await storage.ReceiveAsync(32, TimeSpan.FromMinutes(5)))
        {
            await Function<CheckManuscriptFunction>().CheckManuscript(
                QueuesModelFactory.QueueMessage(message.Id, message.PopReceipt, message.Body, message.DequeueCount), CancellationToken.None);
            await storage.DeleteMessageAsync(message);
            delivered++;
        }

        return delivered;
    }

    [Fact]
    public void Triggers_MatchTheContractRoutesQueueAndDropFolder()
    {
        static ParameterInfo[] Parameters(Type type) =>
            Assert.Single(type.GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null).GetParameters();

        var submit = Parameters(typeof(SubmitJobFunction)).Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;
        var get = Parameters(typeof(GetJobFunction)).Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;
        var queue = Parameters(typeof(CheckManuscriptFunction)).Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()).Single(a => a is not null)!;
        var blob = Parameters(typeof(DropFolderTrigger)).Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal(("jobs", "post"), (submit.Route, submit.Methods!.Single()));
        Assert.Equal(("jobs/{id}", "get"), (get.Route, get.Methods!.Single()));
        Assert.Equal((new JobsOptions().Queue, "AzureWebJobsStorage"), (queue.QueueName, queue.Connection));
        Assert.Equal(("manuscripts/{name}", BlobTriggerSource.EventGrid, "AzureWebJobsStorage"), (blob.BlobPath, blob.Source, blob.Connection));
        Assert.Equal(nameof(DropFolderTrigger), typeof(DropFolderTrigger).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>() is not null).GetCustomAttribute<FunctionAttribute>()!.Name);
    }

    [Fact]
    public async Task SubmitJob_ThenQueueFunction_JobCompletesWithReportsAndErrors()
    {
        var (status, submitted) = Read(await Function<SubmitJobFunction>().SubmitJob(Request("POST", "/api/jobs", "application/json",
            """{"manuscripts": [{"name": "a.txt", "text": "At Lienz the handover began on 1 June 1945."}, {"name": "b.md", "text": "# B\n\nIn 1946 the camp at Plattling was cleared."}, {"name": "c.docx", "text": "not a docx"}]}"""), CancellationToken.None));
        Assert.Equal(202, status);
        Assert.Equal("queued", submitted["state"]!.GetValue<string>());
        var id = submitted["id"]!.GetValue<string>();

        Assert.Equal(3, await DeliverQueueAsync());

        var (getStatus, job) = Read(await Function<GetJobFunction>().GetJob(Request("GET", $"/api/jobs/{id}"), id, CancellationToken.None));
        Assert.Equal(200, getStatus);
        Assert.Equal("completed", job["state"]!.GetValue<string>());
        var states = job["manuscripts"]!.AsArray().Select(m => (m!["name"]!.GetValue<string>(), m["state"]!.GetValue<string>())).ToList();
        Assert.Equal([("a.txt", "done"), ("b.md", "done"), ("c.docx", "failed")], states);
        Assert.Equal("markdown", job["manuscripts"]![1]!["report"]!["document"]!["format"]!.GetValue<string>());
        Assert.Contains("not a readable .docx", job["manuscripts"]![2]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SubmitJob_WithABaselinePerManuscript_JobReportsAreMarkedAgainstIt()
    {
        const string Before = "Some 50,000,000 people were returned in 1812 according to Churchill. At Lienz the handover began on 1 June 1945.";
        var (_, first) = Read(await Function<SubmitJobFunction>().SubmitJob(Request("POST", "/api/jobs", "application/json",
            new JsonObject { ["manuscripts"] = new JsonArray(new JsonObject { ["name"] = "a.txt", ["text"] = Before }) }.ToJsonString()), CancellationToken.None));
        await DeliverQueueAsync();
        var firstId = first["id"]!.GetValue<string>();
        var (_, firstJob) = Read(await Function<GetJobFunction>().GetJob(Request("GET", $"/api/jobs/{firstId}"), firstId, CancellationToken.None));
        var baseline = firstJob["manuscripts"]![0]!["report"]!.DeepClone();

        var body = new JsonObject
        {
            ["manuscripts"] = new JsonArray(
                new JsonObject { ["name"] = "a.txt", ["text"] = Before.Replace("50,000,000", "60,000,000", StringComparison.Ordinal), ["baseline"] = baseline },
                new JsonObject { ["name"] = "b.txt", ["text"] = "In 1946 the camp at Plattling was cleared." }),
        };
        var (status, second) = Read(await Function<SubmitJobFunction>().SubmitJob(Request("POST", "/api/jobs", "application/json", body.ToJsonString()), CancellationToken.None));
        Assert.Equal(202, status);
        await DeliverQueueAsync();
        var id = second["id"]!.GetValue<string>();

        var (_, job) = Read(await Function<GetJobFunction>().GetJob(Request("GET", $"/api/jobs/{id}"), id, CancellationToken.None));

        var marked = job["manuscripts"]![0]!["report"]!;
        var states = marked["claims"]!.AsArray().ToDictionary(c => c!["text"]!.GetValue<string>(), c => c!["baseline"]!.GetValue<string>());
        Assert.Equal("new", states.Single(p => p.Key.Contains("60,000,000", StringComparison.Ordinal)).Value);
        Assert.Equal("unchanged", states["1 June 1945"]);
        Assert.Contains("50,000,000", Assert.Single(marked["absentClaims"]!.AsArray())!["text"]!.GetValue<string>());
        // The manuscript without a baseline is reported as checked.
        Assert.Null(job["manuscripts"]![1]!["report"]!["absentClaims"]);
        Assert.All(job["manuscripts"]![1]!["report"]!["claims"]!.AsArray(), c => Assert.Null(c!["baseline"]));
    }

    [Fact]
    public async Task SubmitJob_BaselineThatIsNoReport_400()
    {
        var (status, problem) = Read(await Function<SubmitJobFunction>().SubmitJob(Request("POST", "/api/jobs", "application/json",
            """{"manuscripts": [{"name": "a.txt", "text": "Lienz, 1945.", "baseline": {"hello": 1}}]}"""), CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Contains("manuscripts[0].baseline", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task CheckManuscript_LastTryStillFailing_RecordsErrorInsteadOfPoison()
    {
        var storage = _services.GetRequiredService<IJobStorage>();
        var (_, submitted) = Read(await Function<SubmitJobFunction>().SubmitJob(Request("POST", "/api/jobs", "application/json",
            """{"manuscripts": [{"name": "gone.txt", "text": "At Lienz the handover began on 1 June 1945."}]}"""), CancellationToken.None));
        var id = submitted["id"]!.GetValue<string>();
        var message = Assert.Single(await storage.ReceiveAsync(1, TimeSpan.FromMinutes(5)));
        // The upload vanished: that is storage's fault, not the manuscript's, so it is recorded as retryable.
        var item = JobJson.Deserialize<WorkItem>(BinaryData.FromString(message.Body));
        await storage.DeleteAsync("manuscripts", item.Blob);

        await Function<CheckManuscriptFunction>().CheckManuscript(QueuesModelFactory.QueueMessage(message.Id, message.PopReceipt, message.Body, 3), CancellationToken.None);

        var (_, job) = Read(await Function<GetJobFunction>().GetJob(Request("GET", $"/api/jobs/{id}"), id, CancellationToken.None));
        Assert.Equal("failed", job["manuscripts"]![0]!["state"]!.GetValue<string>());
        Assert.Contains("missing", job["manuscripts"]![0]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task DropFolderTrigger_Manuscript_WritesReportsOnceForTheSameContent()
    {
        var storage = _services.GetRequiredService<IJobStorage>();
        var content = Encoding.UTF8.GetBytes("<h1>Lienz</h1><p>The handover at Lienz began on 1 June 1945.</p>");

        await Function<DropFolderTrigger>().Run(content, "drop/page.html", CancellationToken.None);
        var first = await storage.GetMetadataAsync("reports", "drop/page.html.report.json");
        var written = (await storage.GetAsync("reports", "drop/page.html.report.json"))!.ToString();
        await Function<DropFolderTrigger>().Run(content, "drop/page.html", CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(await storage.GetAsync("reports", "drop/page.html.sarif"));
        Assert.NotNull(await storage.GetAsync("reports", "drop/page.html.report.html"));
        Assert.Equal("html", JsonNode.Parse(written)!["document"]!["format"]!.GetValue<string>());
        Assert.False(await _services.GetRequiredService<ManuscriptProcessor>().ProcessDropAsync("drop/page.html", BinaryData.FromBytes(content), CancellationToken.None));
    }

    [Fact]
    public async Task GetJob_UnknownId_Returns404()
    {
        var (status, problem) = Read(await Function<GetJobFunction>().GetJob(Request("GET", "/api/jobs/nope"), "nope", CancellationToken.None));

        Assert.Equal(404, status);
        Assert.Contains("nope", problem["detail"]!.GetValue<string>());
    }
}
