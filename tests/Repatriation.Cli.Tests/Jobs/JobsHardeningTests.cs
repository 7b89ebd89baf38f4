using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Repatriation.Storage;
using Repatriation.Storage.Jobs;

namespace Repatriation.Cli.Tests.Jobs;

/// <summary>Job isolation, bounded job answers, a storage outage, stranded manuscripts and archive bombs.</summary>
public sealed class JobsHardeningTests(AzuriteJobsFixture azurite) : IClassFixture<AzuriteJobsFixture>
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    private Dictionary<string, string?> Settings() => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Jobs:Queue"] = "q" + _suffix,
        ["Jobs:ManuscriptsContainer"] = "m" + _suffix,
        ["Jobs:ReportsContainer"] = "r" + _suffix,
        ["Jobs:JobsContainer"] = "j" + _suffix,
        ["Jobs:PollSeconds"] = "0.1",
        ["Jobs:DropFolderPollSeconds"] = "0.2",
        ["Jobs:VisibilityTimeoutSeconds"] = "30",
    };

    private static async Task<JsonNode> WaitForCompletedAsync(HttpClient client, string location)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(location))!;
            if (job["state"]!.GetValue<string>() == "completed" || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                return job;
            }

            await Task.Delay(100);
        }
    }

    [Theory]
    [InlineData("..")]
    [InlineData("x/..")]
    [InlineData("../other-job/chapter.txt")]
    [InlineData(".")]
    public async Task PostJobs_HostileName_Is400AndStoresNothing(string name)
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = new[] { new { name, text = "In 1945 the British handed over 2,272,000 people." } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("name", await response.Content.ReadAsStringAsync());
        var uploads = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("m" + _suffix);
        if (await uploads.ExistsAsync())
        {
            await foreach (var blob in uploads.GetBlobsAsync())
            {
                Assert.Fail($"nothing may be stored for a refused job, found {blob.Name}");
            }
        }
    }

    [Fact]
    public async Task PostJobs_TwoJobsSameNameDifferentTexts_EachSeesOnlyItsOwnTextAndBlobsAreNamedByKey()
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        const string First = "In 1945 the British handed over 2,272,000 people at Lienz.";
        const string Second = "About 50,000 Cossacks were handed over in June 1946.";

        using var a = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = new[] { new { name = "chapter.txt", text = First } } });
        using var b = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = new[] { new { name = "chapter.txt", text = Second } } });
        var jobA = await WaitForCompletedAsync(client, a.Headers.Location!.ToString());
        var jobB = await WaitForCompletedAsync(client, b.Headers.Location!.ToString());

        // The claims each job reports are read from its own text (evidence may quote any figure of the fact set).
        static List<string> ClaimTexts(JsonNode job) =>
            job["manuscripts"]![0]!["report"]!["claims"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("2,272,000", ClaimTexts(jobA));
        Assert.DoesNotContain("50,000", ClaimTexts(jobA));
        Assert.Contains("About 50,000", ClaimTexts(jobB));
        Assert.DoesNotContain("2,272,000", ClaimTexts(jobB));
        Assert.Equal(First.Length, jobA["manuscripts"]![0]!["report"]!["document"]!["characters"]!.GetValue<int>());
        Assert.Equal(Second.Length, jobB["manuscripts"]![0]!["report"]!["document"]!["characters"]!.GetValue<int>());

        var uploads = new List<string>();
        await foreach (var blob in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("m" + _suffix).GetBlobsAsync())
        {
            uploads.Add(blob.Name);
        }

        Assert.Equal(2, uploads.Count);
        Assert.All(uploads, u => Assert.Matches("^jobs/[0-9a-f]{40}$", u));
    }

    [Fact]
    public async Task GetJob_ReportsOverTheInlineBudget_AreLinkedAndServedByTheirRoute()
    {
        var settings = Settings();
        settings["Jobs:MaxInlineReportBytes"] = "1";
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", settings);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var texts = Enumerable.Range(0, 3).Select(i => $"In 194{i + 5} the British handed over {i + 2},272,000 people.").ToArray();

        using var response = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = texts.Select((t, i) => new { name = $"m{i}.txt", text = t }).ToArray() });
        var job = await WaitForCompletedAsync(client, response.Headers.Location!.ToString());

        var manuscripts = job["manuscripts"]!.AsArray();
        Assert.All(manuscripts, m => Assert.Null(m!["report"]));
        for (var i = 0; i < 3; i++)
        {
            var url = manuscripts[i]!["reportUrl"]!.GetValue<string>();
            Assert.EndsWith($"/manuscripts/{i}/report", url);
            var report = JsonNode.Parse(await client.GetStringAsync(url))!;
            Assert.Equal($"m{i}.txt", report["document"]!["name"]!.GetValue<string>());
        }

        using var missing = await client.GetAsync(manuscripts[0]!["reportUrl"]!.GetValue<string>().Replace("/0/report", "/7/report"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PostJobs_StorageDown_Is503WithRetryAfterAndHealthSaysSo()
    {
        var port = Repatriation.Testing.AzuriteServer.FreePort();
        var down = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        var settings = Settings();
        settings["AzureWebJobsStorage"] = down;
        settings["Jobs:StorageTimeoutSeconds"] = "2";
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", settings);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var submit = await client.PostAsJsonAsync("/api/jobs", new { manuscripts = new[] { new { name = "a.txt", text = "In 1945." } } });
        using var poll = await client.GetAsync("/api/jobs/0123456789abcdef0123456789abcdef");
        using var health = await client.GetAsync("/api/health");

        foreach (var response in new[] { submit, poll })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var jobs = JsonNode.Parse(await health.Content.ReadAsStringAsync())!["jobs"]!;
        Assert.Equal("unavailable", jobs["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(jobs["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PostJobs_DocxBomb_FailsAtOnceNotRetryable()
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(DocxBomb()), "file", "bomb.docx" } };

        using var response = await client.PostAsync("/api/jobs", form);
        var job = await WaitForCompletedAsync(client, response.Headers.Location!.ToString());

        var manuscript = job["manuscripts"]![0]!;
        Assert.Equal("failed", manuscript["state"]!.GetValue<string>());
        Assert.Contains("inflates", manuscript["error"]!.GetValue<string>());
        var reports = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("r" + _suffix);
        await foreach (var blob in reports.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            Assert.EndsWith(".error.json", blob.Name);
            Assert.Equal("false", blob.Metadata["retryable"]);
        }
    }

    [Fact]
    public async Task PostDocumentText_DocxBomb_Is413()
    {
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", Settings());
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var form = new MultipartFormDataContent { { new ByteArrayContent(DocxBomb()), "file", "bomb.docx" } };

        using var response = await client.PostAsync("/api/documents/text", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("inflates", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetJob_PendingMarkerWithoutAMessage_IsResentAfterTheTimeout()
    {
        // A submitter that died between writing the pending marker and sending the message left this state behind.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var storage = new InMemoryJobStorage(time);
        var options = Options.Create(new JobsOptions { PendingResendSeconds = 600 });
        var jobs = new JobService(storage, options, time, NullLogger<JobService>.Instance);
        var content = "In 1945 the British handed over 2,272,000 people."u8.ToArray();
        var key = JobJson.KeyFor("stranded.txt", content);
        await storage.TryCreateAsync(options.Value.JobsContainer, $"pending/{key}", BinaryData.FromString(time.GetUtcNow().ToString("O")));

        var record = await jobs.SubmitAsync([new SubmittedManuscript("stranded.txt", content)]);
        Assert.Empty(await storage.ReceiveAsync(10, TimeSpan.FromSeconds(30)));

        time.Advance(TimeSpan.FromMinutes(5));
        await jobs.GetAsync(record.Id);
        Assert.Empty(await storage.ReceiveAsync(10, TimeSpan.FromSeconds(30)));

        time.Advance(TimeSpan.FromMinutes(6));
        var status = await jobs.GetAsync(record.Id);
        var messages = await storage.ReceiveAsync(10, TimeSpan.FromSeconds(30));

        Assert.Equal("queued", status!.Manuscripts[0].State);
        var message = Assert.Single(messages);
        Assert.Contains(key, message.Body);

        // Re-sent once: the marker is fresh again, so the next poll sends nothing more.
        await jobs.GetAsync(record.Id);
        Assert.Empty(await storage.ReceiveAsync(10, TimeSpan.FromSeconds(30)));
    }

    /// <summary>A real .docx whose document part carries 64 MB of white space: it deflates about a thousand to one.</summary>
    internal static byte[] DocxBomb()
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("In 1945 the British handed over 2,272,000 people.")))));
        }

        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }

            part.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open());
            var cut = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            writer.Write(xml[..cut]);
            var spaces = new string(' ', 1 << 20);
            for (var i = 0; i < 64; i++)
            {
                writer.Write(spaces);
            }

            writer.Write(xml[cut..]);
        }

        return stream.ToArray();
    }
}
