using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Repatriation.Api.Tests.LanguageTool;

/// <summary>Requests shaped as a host hands them to a handler, and the composition root that builds the handlers.</summary>
internal static class LtRequests
{
    public static T Handler<T>(IDictionary<string, string?>? settings = null) where T : notnull
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddRepatriationServices();
        return builder.Build().Services.GetRequiredService<T>();
    }

    public static HttpRequest Form(IEnumerable<KeyValuePair<string, string>> fields, string path = "/api/v2/check")
    {
        var body = new FormUrlEncodedContent(fields).ReadAsByteArrayAsync().GetAwaiter().GetResult();
        return Raw("POST", path, "application/x-www-form-urlencoded", body);
    }

    public static HttpRequest Multipart(IEnumerable<KeyValuePair<string, string>> fields, (string Name, byte[] Content)[]? files = null,
        string path = "/api/v2/check")
    {
        using var content = new MultipartFormDataContent("----repatriation-test-boundary");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), key);
        }

        foreach (var (name, bytes) in files ?? [])
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", name);
        }

        var body = content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        return Raw("POST", path, content.Headers.ContentType!.ToString(), body);
    }

    public static HttpRequest Raw(string method, string path, string? contentType, byte[]? body, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }

        return context.Request;
    }

    public static (int Status, string ContentType, JsonElement Body) Read(IActionResult result) => TestHost.Read(result);

    /// <summary>The problem+json checks shared with the other handlers; LanguageTool tests read the detail.</summary>
    public static string AssertProblem(IActionResult result, int status)
    {
        var body = TestHost.AssertProblem(result, status);
        Assert.DoesNotContain("   at ", body.GetRawText());
        return body.GetProperty("detail").GetString()!;
    }
}
