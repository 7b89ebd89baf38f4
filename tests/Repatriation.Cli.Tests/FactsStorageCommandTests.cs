using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Repatriation.Core.Facts;
using Repatriation.Testing;

namespace Repatriation.Cli.Tests;

/// <summary>`facts publish` / `facts pull`, and `serve` over a blob-stored fact set, against a real Azurite.</summary>
public sealed class FactsStorageCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _container = "cli" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _directory = Directory.CreateTempSubdirectory("repatriation-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Dictionary<string, string?> Settings(string? connectionString = null) => new()
    {
        ["FactSet:ConnectionString"] = connectionString ?? azurite.Server.ConnectionString,
        ["FactSet:Container"] = _container,
        ["FactSet:Blob"] = "repatriation.json",
        ["FactSet:RefreshSeconds"] = "60",
    };

    private IConfiguration Configuration(string? connectionString = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(Settings(connectionString)).Build();

    private async Task<(int Code, string Out, string Err)> PublishAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await FactsPublishCommand.RunAsync(args, Configuration(), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<(int Code, string Out, string Err)> PullAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await FactsPullCommand.RunAsync(args, Configuration(), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteFile(string name, string json)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string ETagFrom(string output) => output[(output.IndexOf("(etag ", StringComparison.Ordinal) + 6)..output.LastIndexOf(')')];

    [Fact]
    public async Task Publish_NoFile_UploadsTheShippedFactSetAndPullReturnsIt()
    {
        var (code, output, error) = await PublishAsync();
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains($"version {FactSetLoader.LoadShipped().FactSet.Version}", output);

        var pulled = await PullAsync();

        Assert.Equal(0, pulled.Code);
        Assert.Equal(ShippedFactSet.ReadJson(), pulled.Out);
    }

    [Fact]
    public async Task PullToFileThenPublishWithIfMatch_ReplacesTheVersion()
    {
        await PublishAsync(WriteFile("v1.json", TestFactSets.WithVersion("cli-1")));
        var target = Path.Combine(_directory, "pulled.json");

        var pulled = await PullAsync(target);
        Assert.Equal(0, pulled.Code);
        Assert.Equal("cli-1", FactSetJson.Parse(File.ReadAllText(target)).Version);
        var etag = ETagFrom(pulled.Out);

        // A shell strips the quotes around the ETag; publish puts them back.
        var (code, output, _) = await PublishAsync(WriteFile("v2.json", TestFactSets.WithVersion("cli-2")), "--if-match", etag.Trim('"'));

        Assert.Equal(0, code);
        Assert.Contains("version cli-2", output);
        Assert.Equal("cli-2", FactSetJson.Parse((await PullAsync()).Out).Version);
    }

    [Fact]
    public async Task Publish_StaleIfMatch_Exits2WithOneLineAndKeepsTheOtherVersion()
    {
        var first = await PublishAsync(WriteFile("v1.json", TestFactSets.WithVersion("cli-1")));
        var stale = ETagFrom(first.Out);
        await PublishAsync(WriteFile("other.json", TestFactSets.WithVersion("cli-other")), "--if-match", stale);

        var (code, output, error) = await PublishAsync(WriteFile("mine.json", TestFactSets.WithVersion("cli-mine")), "--if-match", stale);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("changed since it was read", error);
        Assert.Equal("cli-other", FactSetJson.Parse((await PullAsync()).Out).Version);
    }

    [Fact]
    public async Task Publish_InvalidFile_Exits2AndUploadsNothing()
    {
        var (code, _, error) = await PublishAsync(WriteFile("bad.json", TestFactSets.InvalidEmptyVersion()));

        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("$.version", error);
        var pulled = await PullAsync();
        Assert.Equal(2, pulled.Code);
        Assert.Contains("does not exist", pulled.Err);
    }

    [Fact]
    public async Task Publish_MissingFile_Exits2()
    {
        var (code, _, error) = await PublishAsync(Path.Combine(_directory, "nope.json"));

        Assert.Equal(2, code);
        Assert.StartsWith("error: cannot read", error);
    }

    [Fact]
    public async Task Pull_StorageUnreachable_Exits2WithOneLine()
    {
        // A port nothing listens on: reserve one, then release it.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var unreachable = azurite.Server.ConnectionString.Replace($":{azurite.Server.Port}/", $":{port}/", StringComparison.Ordinal);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var code = await FactsPullCommand.RunAsync([], Configuration(unreachable), stdout, stderr);

        Assert.Equal(2, code);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.Contains("cannot reach", stderr.ToString());
    }

    [Fact]
    public async Task Serve_BlobFactSet_PicksUpAPublishedVersionWithoutRestart()
    {
        await PublishAsync(WriteFile("v1.json", TestFactSets.WithVersion("served-1")));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ServeHost.StartAsync("http://127.0.0.1:0", Settings(), s => s.AddSingleton<TimeProvider>(time));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var before = await client.GetFromJsonAsync<JsonElement>("/api/factset");
        Assert.Equal("served-1", before.GetProperty("version").GetString());
        Assert.Equal("blob", before.GetProperty("source").GetString());
        Assert.Contains(_container, before.GetProperty("origin").GetString());
        var etag = before.GetProperty("etag").GetString()!;

        var published = await PublishAsync(WriteFile("v2.json", TestFactSets.WithVersion("served-2")), "--if-match", etag);
        Assert.Equal(0, published.Code);

        string? version = null;
        var refreshed = await Eventually.TrueAsync(
            () =>
            {
                using var response = client.PostAsJsonAsync("/api/check", new { text = "Lienz, June 1945." }).GetAwaiter().GetResult();
                version = response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("factSet").GetProperty("version").GetString();
                return version == "served-2";
            },
            () => time.Advance(TimeSpan.FromSeconds(60)));

        Assert.True(refreshed, $"still serving {version}");
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("healthy", health.GetProperty("state").GetString());
    }
}
