using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Repatriation.Cli.Tests.Jobs;

/// <summary>`serve` with AzureWebJobsStorage on a real Azurite: jobs over HTTP, its queue worker and drop-folder watcher.</summary>
public sealed class JobsEndToEndTests(AzuriteJobsFixture azurite) : IClassFixture<AzuriteJobsFixture>
{
    /// <summary>Each test its own queue and containers, so tests in the class cannot see each other's work.</summary>
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    private string Queue => "q" + _suffix;
    private string Manuscripts => "m" + _suffix;
    private string Reports => "r" + _suffix;
    private string Jobs => "j" + _suffix;

    private Dictionary<string, string?> Settings(int visibilitySeconds = 30) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Jobs:Queue"] = Queue,
        ["Jobs:ManuscriptsContainer"] = Manuscripts,
        ["Jobs:ReportsContainer"] = Reports,
        ["Jobs:JobsContainer"] = Jobs,
        ["Jobs:PollSeconds"] = "0.1",
        ["Jobs:DropFolderPollSeconds"] = "0.2",
        ["Jobs:VisibilityTimeoutSeconds"] = visibilitySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task<ServeHost> StartAsync(Dictionary<string, string?> settings) => ServeHost.StartAsync("http://127.0.0.1:0", settings);

    private static async Task<JsonNode> WaitForStateAsync(HttpClient client, string location, string state, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(location))!;
            if (job["state"]!.GetValue<string>() == state || deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    private static string NameOf(int i) => $"book-{i:00}{(i % 3 == 0 ? ".md" : i % 3 == 1 ? ".txt" : ".html")}";

    private static object Manuscript(int i, int characters = 4000) =>
        new { name = NameOf(i), text = i % 3 == 2 ? $"<p>{BenchManuscripts.Generate(characters, i)}</p>" : BenchManuscripts.Generate(characters, i) };

    private BlobContainerClient Container(string name) => new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name);

    private async Task<List<string>> BlobNamesAsync(string container)
    {
        var names = new List<string>();
        await foreach (var blob in Container(container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [Fact]
    public async Task PostJobs_TwentyManuscripts_AllEndWithReportsInEveryFormat()
    {
        await using var host = await StartAsync(Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = Enumerable.Range(0, 20).Select(i => Manuscript(i)).ToArray() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var submitted = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal($"/api/jobs/{submitted["id"]!.GetValue<string>()}", location);
        Assert.Equal(20, submitted["manuscripts"]!.AsArray().Count);

        var job = await WaitForStateAsync(client, location, "completed");

        Assert.Equal("completed", job["state"]!.GetValue<string>());
        Assert.Equal("azure-storage", job["storage"]!.GetValue<string>());
        var manuscripts = job["manuscripts"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 20).Select(NameOf), manuscripts.Select(m => m!["name"]!.GetValue<string>()));
        foreach (var manuscript in manuscripts)
        {
            Assert.Equal("done", manuscript!["state"]!.GetValue<string>());
            Assert.Null(manuscript["error"]);
            Assert.Equal(manuscript["name"]!.GetValue<string>(), manuscript["report"]!["document"]!["name"]!.GetValue<string>());
        }

        var reports = await BlobNamesAsync(Reports);
        Assert.Equal(60, reports.Count);
        Assert.Equal(20, reports.Count(r => r.EndsWith(".report.json", StringComparison.Ordinal)));
        Assert.Equal(20, reports.Count(r => r.EndsWith(".sarif", StringComparison.Ordinal)));
        Assert.Equal(20, reports.Count(r => r.EndsWith(".report.html", StringComparison.Ordinal)));
        Assert.Equal(0, (await new QueueClient(azurite.ConnectionString, Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task PostJobs_MultipartWithCorruptDocx_ErrorRecordedOnceNotRetried()
    {
        await using var host = await StartAsync(Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Docx("At the Yalta Conference in February 1945 the Allies agreed to return Soviet citizens.")), "file", "good.docx" },
            { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9]), "file", "broken.docx" },
            { new StringContent("# Lienz\n\nThe handover at Lienz began on 1 June 1945.\n"), "file", "notes.md" },
        };

        using var response = await client.PostAsync("/api/jobs", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await WaitForStateAsync(client, response.Headers.Location!.ToString(), "completed");

        var byName = job["manuscripts"]!.AsArray().ToDictionary(m => m!["name"]!.GetValue<string>());
        Assert.Equal("done", byName["good.docx"]!["state"]!.GetValue<string>());
        Assert.Equal("docx", byName["good.docx"]!["report"]!["document"]!["format"]!.GetValue<string>());
        Assert.Equal("done", byName["notes.md"]!["state"]!.GetValue<string>());
        Assert.Equal("failed", byName["broken.docx"]!["state"]!.GetValue<string>());
        Assert.Null(byName["broken.docx"]!["report"]);
        Assert.StartsWith("broken.docx: not a readable .docx", byName["broken.docx"]!["error"]!.GetValue<string>());

        var error = (await BlobNamesAsync(Reports)).Single(n => n.EndsWith(".error.json", StringComparison.Ordinal));
        var record = JsonNode.Parse((await Container(Reports).GetBlobClient(error).DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(1, record["attempts"]!.GetValue<int>());
        Assert.False(record["retryable"]!.GetValue<bool>());
        Assert.Equal(0, (await new QueueClient(azurite.ConnectionString, Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task PostJobs_SameManuscriptsAgain_NoNewWorkOrReports()
    {
        await using var host = await StartAsync(Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var body = new { manuscripts = Enumerable.Range(0, 3).Select(i => Manuscript(i)).ToArray() };
        using var first = await client.PostAsJsonAsync("/api/jobs", body);
        await WaitForStateAsync(client, first.Headers.Location!.ToString(), "completed");
        var etags = new Dictionary<string, string>();
        await foreach (var blob in Container(Reports).GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        using var second = await client.PostAsJsonAsync("/api/jobs", body);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        var job = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal("completed", job["state"]!.GetValue<string>());
        Assert.Equal(0, (await new QueueClient(azurite.ConnectionString, Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var after = new Dictionary<string, string>();
        await foreach (var blob in Container(Reports).GetBlobsAsync())
        {
            after[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        Assert.Equal(etags, after);
        Assert.Equal(3, (await BlobNamesAsync(Manuscripts)).Count);
    }

    [Fact]
    public async Task ServeKilledMidBatch_NewServe_FinishesTheBatch()
    {
        var settings = Settings(visibilitySeconds: 2);
        string location;
        int doneAtKill;
        var first = await StartAsync(settings);
        using (var client = new HttpClient { BaseAddress = first.BaseAddress })
        {
            using var response = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = Enumerable.Range(0, 20).Select(i => Manuscript(i, 150_000)).ToArray() });
            location = response.Headers.Location!.ToString();
            var deadline = Stopwatch.StartNew();
            JsonNode job;
            do
            {
                job = JsonNode.Parse(await client.GetStringAsync(location))!;
                await Task.Delay(20);
            }
            while (job["manuscripts"]!.AsArray().All(m => m!["state"]!.GetValue<string>() != "done") && deadline.Elapsed < TimeSpan.FromSeconds(60));

            await first.DisposeAsync();
            doneAtKill = job["manuscripts"]!.AsArray().Count(m => m!["state"]!.GetValue<string>() == "done");
        }

        Assert.InRange(doneAtKill, 1, 19);
        await using var second = await StartAsync(settings);
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        var finished = await WaitForStateAsync(again, location, "completed");

        Assert.Equal("completed", finished["state"]!.GetValue<string>());
        Assert.All(finished["manuscripts"]!.AsArray(), m => Assert.Equal("done", m!["state"]!.GetValue<string>()));
        Assert.Equal(20, (await BlobNamesAsync(Reports)).Count(r => r.EndsWith(".report.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DropFolder_ManuscriptUploaded_ReportsAppearBesideItsName()
    {
        await using var host = await StartAsync(Settings());
        var manuscripts = Container(Manuscripts);
        await manuscripts.CreateIfNotExistsAsync();

        await manuscripts.GetBlobClient("authors/ivanov/chapter1.md").UploadAsync(BinaryData.FromString("# One\n\n" + BenchManuscripts.Paragraphs[0]));
        await manuscripts.GetBlobClient("authors/ivanov/broken.docx").UploadAsync(BinaryData.FromBytes([0x50, 0x4B, 1, 2]));

        var expected = new[] { "authors/ivanov/broken.docx.error.json", "authors/ivanov/chapter1.md.report.html", "authors/ivanov/chapter1.md.report.json", "authors/ivanov/chapter1.md.sarif" };
        var deadline = Stopwatch.StartNew();
        List<string> reports;
        do
        {
            await Task.Delay(100);
            reports = await Container(Reports).ExistsAsync() ? await BlobNamesAsync(Reports) : [];
        }
        while (reports.Count < expected.Length && deadline.Elapsed < TimeSpan.FromSeconds(30));

        Assert.Equal(expected, reports.Order(StringComparer.Ordinal));
        var report = JsonNode.Parse((await Container(Reports).GetBlobClient("authors/ivanov/chapter1.md.report.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal("markdown", report["document"]!["format"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetJob_UnknownId_Returns404Problem()
    {
        await using var host = await StartAsync(Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostJobs_WithoutStorage_KeptInMemoryAndSaysSo()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Jobs:PollSeconds"] = "0.05" });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = new[] { Manuscript(1), Manuscript(2) } });
        var job = await WaitForStateAsync(client, response.Headers.Location!.ToString(), "completed");

        Assert.Equal("memory", job["storage"]!.GetValue<string>());
        var health = JsonNode.Parse(await client.GetStringAsync("/api/health"))!;
        Assert.Equal("memory", health["jobs"]!["storage"]!.GetValue<string>());
        Assert.Contains("AzureWebJobsStorage", health["jobs"]!["note"]!.GetValue<string>());
        Assert.All(job["manuscripts"]!.AsArray(), m => Assert.Equal("done", m!["state"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("application/json", "{\"manuscripts\": []}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"manuscripts\": [{\"text\": \"no name\"}]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest)]
    [InlineData("text/csv", "a,b", HttpStatusCode.UnsupportedMediaType)]
    public async Task PostJobs_BadBody_ProblemWithDetail(string contentType, string body, HttpStatusCode status)
    {
        await using var host = await StartAsync(Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync("/api/jobs", content);

        Assert.Equal(status, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
    }

    private static byte[] Docx(string paragraph)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            package.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(paragraph)))));
        }

        return stream.ToArray();
    }
}
