using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Repatriation.Api;

namespace Repatriation.Functions.Tests;

/// <summary>
/// What the function tests share: the composition root built as the worker builds it (with the settings a test
/// gives), and a request shaped as the worker hands one to a function.
/// </summary>
internal static class FunctionHost
{
    public static IServiceProvider BuildServices(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddRepatriationServices();
        return builder.Build().Services;
    }

    public static HttpRequest Request(string method, string path, string? contentType = null, string? body = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        return context.Request;
    }
}
