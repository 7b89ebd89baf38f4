using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Repatriation.Api.Handlers;

namespace Repatriation.Api;

/// <summary>
/// `serve`'s stand-in for function keys: when Api:Key is set, every route but health needs it, in the
/// header x-functions-key or the query parameter code, as the deployed function app does.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public async Task InvokeAsync(HttpContext context)
    {
        var key = options.Value.Key;
        if (string.IsNullOrEmpty(key) || context.Request.Path.Equals("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var given = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Query[QueryName].FirstOrDefault();
        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
        {
            await next(context);
            return;
        }

        var problem = Problems.Unauthorized(context.Request, given is null
            ? $"This server requires a key: send it in the {HeaderName} header or the {QueryName} query parameter."
            : "The key sent is not this server's key.");
        await problem.WriteToAsync(context);
    }
}
