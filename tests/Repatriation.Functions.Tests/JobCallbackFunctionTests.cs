using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Storage.Jobs.Callbacks;

namespace Repatriation.Functions.Tests;

/// <summary>The function app takes callbacks to public https addresses only, and says why it refuses one.</summary>
public sealed class JobCallbackFunctionTests
{
    private readonly IServiceProvider _services = FunctionHost.BuildServices(new Dictionary<string, string?> { ["Jobs:CallbackSecret"] = "s3cret" });

    private async Task<(int Status, JsonNode Body)> SubmitAsync(string callbackUrl)
    {
        var body = new JsonObject
        {
            ["callbackUrl"] = callbackUrl,
            ["manuscripts"] = new JsonArray(new JsonObject { ["name"] = "a.txt", ["text"] = "Lienz, June 1945." }),
        };
        var request = FunctionHost.Request("POST", "/api/jobs", "application/json", body.ToJsonString());
        var result = await ActivatorUtilities.CreateInstance<SubmitJobFunction>(_services).SubmitJob(request, CancellationToken.None);
        var content = Assert.IsType<ContentResult>(result);
        return (content.StatusCode ?? 200, JsonNode.Parse(content.Content!)!);
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook", "10.1.2.3")]
    [InlineData("https://192.168.0.7/hook", "192.168.0.7")]
    [InlineData("https://172.20.0.1/hook", "172.20.0.1")]
    [InlineData("https://169.254.169.254/metadata", "169.254.169.254")]
    [InlineData("https://[fe80::1]/hook", "fe80::1")]
    [InlineData("https://[fd00::5]/hook", "fd00::5")]
    [InlineData("https://127.0.0.1/hook", "127.0.0.1")]
    [InlineData("https://localhost/hook", "localhost")]
    public async Task SubmitJob_CallbackToNonPublicAddress_400SayingWhy(string url, string shown)
    {
        var (status, body) = await SubmitAsync(url);

        Assert.Equal(400, status);
        var detail = body["detail"]!.GetValue<string>();
        Assert.Contains(shown, detail);
        Assert.Contains("non-public address", detail);
    }

    [Theory]
    [InlineData("http://203.0.113.9/hook", "must use https")]
    [InlineData("http://127.0.0.1:8080/hook", "must use https")]
    [InlineData("ftp://example.org/hook", "absolute https URL")]
    [InlineData("/relative", "absolute https URL")]
    [InlineData("https://user:pw@example.org/hook", "user name or password")]
    public async Task SubmitJob_CallbackNotHttps_400(string url, string expected)
    {
        var (status, body) = await SubmitAsync(url);

        Assert.Equal(400, status);
        Assert.Contains(expected, body["detail"]!.GetValue<string>());
    }

    [Fact]
    public void JobCallbacks_TimerFunction_SweepsShorterThanItsPeriod()
    {
        var method = Assert.Single(typeof(JobCallbacksFunction).GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null);
        var timer = method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal("*/30 * * * * *", timer.Schedule);
        Assert.True(JobCallbacksFunction.RunFor < TimeSpan.FromSeconds(30));
        Assert.Same(CallbackUrlPolicy.PublicOnly, _services.GetRequiredService<CallbackUrlPolicy>());
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("224.0.0.1", false)]
    public void IsPublic_Addresses(string address, bool expected)
    {
        Assert.Equal(expected, CallbackUrlPolicy.IsPublic(IPAddress.Parse(address)));
    }
}

/// <summary>Without a secret nothing can be signed: a callback is refused, with the setting named.</summary>
public sealed class JobCallbackWithoutSecretTests
{
    [Fact]
    public async Task SubmitJob_CallbackWithoutSecret_400NamingTheSetting()
    {
        var services = FunctionHost.BuildServices();
        var request = FunctionHost.Request("POST", "/api/jobs", "application/json",
            """{"callbackUrl": "https://example.org/hook", "manuscripts": [{"name": "a.txt", "text": "Lienz, June 1945."}]}""");

        var result = Assert.IsType<ContentResult>(await ActivatorUtilities.CreateInstance<SubmitJobFunction>(services).SubmitJob(request, CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("Jobs__CallbackSecret", result.Content);
    }
}
