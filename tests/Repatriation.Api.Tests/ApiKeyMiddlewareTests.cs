using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Repatriation.Api.Tests;

public sealed class ApiKeyMiddlewareTests
{
    private static async Task<(bool Passed, HttpContext Context)> RunAsync(string? configuredKey, string path, string? header = null, string query = "")
    {
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var passed = false;
        var middleware = new ApiKeyMiddleware(_ => { passed = true; return Task.CompletedTask; }, Options.Create(new ApiOptions { Key = configuredKey }));
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (header is not null)
        {
            context.Request.Headers[ApiKeyMiddleware.HeaderName] = header;
        }

        await middleware.InvokeAsync(context);
        return (passed, context);
    }

    [Fact]
    public async Task InvokeAsync_NoKeyConfigured_LetsEverythingThrough()
    {
        Assert.True((await RunAsync(null, "/api/check")).Passed);
    }

    [Fact]
    public async Task InvokeAsync_KeyConfiguredButMissing_Returns401Problem()
    {
        var (passed, context) = await RunAsync("s3cret", "/api/factset");

        Assert.False(passed);
        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Contains(ApiKeyMiddleware.HeaderName, body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task InvokeAsync_WrongKey_Returns401()
    {
        var (passed, context) = await RunAsync("s3cret", "/api/check", header: "guess");

        Assert.False(passed);
        Assert.Equal(401, context.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_KeyInHeaderOrQuery_LetsTheRequestThrough()
    {
        Assert.True((await RunAsync("s3cret", "/api/check", header: "s3cret")).Passed);
        Assert.True((await RunAsync("s3cret", "/api/check", query: "?code=s3cret")).Passed);
    }

    [Fact]
    public async Task InvokeAsync_Health_NeedsNoKey()
    {
        Assert.True((await RunAsync("s3cret", "/api/health")).Passed);
    }
}
