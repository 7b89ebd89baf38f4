using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repatriation.Api;

namespace Repatriation.Api.Tests;

/// <summary>The composition root as the hosts use it, built but not started, plus requests made the way a host makes them.</summary>
internal static class TestHost
{
    public static IHost Build(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        configure?.Invoke(builder.Services);
        builder.AddRepatriationServices();
        return builder.Build();
    }

    public static HttpRequest Request(string method, string path, string? contentType = null, string? body = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
        }

        return context.Request;
    }

    public static HttpRequest PostJson(object body, string query = "") =>
        Request("POST", "/api/check", "application/json", JsonSerializer.Serialize(body), query);

    /// <summary>The handlers answer with content results; this is what the client would receive.</summary>
    public static (int Status, string ContentType, JsonElement Body) Read(IActionResult result)
    {
        if (result is not ContentResult content)
        {
            // A streamed result (the check report): run it as the host would and read what it wrote.
            var context = new DefaultHttpContext();
            context.Response.Body = new MemoryStream();
            result.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()))
                .GetAwaiter().GetResult();
            context.Response.Body.Position = 0;
            using var written = JsonDocument.Parse(context.Response.Body);
            return (context.Response.StatusCode, context.Response.ContentType!, written.RootElement.Clone());
        }

        using var document = JsonDocument.Parse(content.Content!);
        return (content.StatusCode ?? 200, content.ContentType!, document.RootElement.Clone());
    }

    public static JsonElement AssertProblem(IActionResult result, int status)
    {
        var (actual, contentType, body) = Read(result);
        Assert.Equal(status, actual);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        var detail = body.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotContain(" at Repatriation.", body.GetRawText());
        Assert.DoesNotContain("   at ", body.GetRawText());
        return body;
    }
}
