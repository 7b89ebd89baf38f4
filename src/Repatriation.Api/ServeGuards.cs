using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Repatriation.Api.Handlers;

namespace Repatriation.Api;

/// <summary>
/// What `serve` adds around the handlers so that nothing it answers is an empty error and a browser on another site
/// cannot use it: problem+json for the framework's own errors (404, 405, 413, 414, 431), the request-line and header
/// limits enforced here (so they answer problem+json instead of the server's empty response), only loopback Host
/// headers while no key is set (against DNS rebinding), and no cross-site form posts (which a browser sends without
/// asking first).
/// </summary>
public static class ServeGuards
{
    /// <summary>The longest request target (path and query) answered; longer ones get a 414 problem.</summary>
    public const int MaxRequestTargetBytes = 8 * 1024;

    /// <summary>The most header bytes answered; more get a 431 problem.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Kestrel's own limits are set this much higher, so requests between the two get our problem+json.</summary>
    public const int ServerLimitBytes = 64 * 1024;

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>Every response that leaves with an error status and no body gets a problem+json body saying what happened.</summary>
    public static IApplicationBuilder UseProblemStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (title, detail) = status switch
            {
                StatusCodes.Status404NotFound => ("No such route", $"There is no route {http.Request.Path.Value}; GET /api/openapi.json lists every route."),
                StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Method} is not accepted on {http.Request.Path.Value}; GET /api/openapi.json lists every route and its methods."),
                StatusCodes.Status413PayloadTooLarge => ("The request is too large", "The request body is larger than this server accepts."),
                _ => (ReasonPhrase(status), $"The request was refused with status {status}."),
            };
            await Write(http, Problems.Create(http.Request, status, title, detail));
        });

    /// <summary>414 and 431 as problems, checked before anything else reads the request.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var target = (context.Request.PathBase + context.Request.Path).ToUriComponent().Length + context.Request.QueryString.Value?.Length ?? 0;
            if (target > MaxRequestTargetBytes)
            {
                await Write(context, Problems.Create(context.Request, StatusCodes.Status414UriTooLong, "The URL is too long",
                    $"The request target is {target:N0} characters; the limit is {MaxRequestTargetBytes:N0}. Send text in the body, not the query."));
                return;
            }

            var headerBytes = 0L;
            foreach (var (name, values) in context.Request.Headers)
            {
                headerBytes += name.Length + 4;
                foreach (var value in values)
                {
                    headerBytes += value?.Length ?? 0;
                }
            }

            if (headerBytes > MaxHeaderBytes)
            {
                await Write(context, Problems.Create(context.Request, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The headers are too large",
                    $"The request's headers are {headerBytes:N0} bytes; the limit is {MaxHeaderBytes:N0}."));
                return;
            }

            await next(context);
        });

    /// <summary>
    /// Without a key, only requests addressed to a loopback name are answered (a page on another site that rebinds its
    /// DNS name to 127.0.0.1 still sends its own name as Host); names in Api:AllowedHosts are accepted too. Form posts
    /// from another site (Sec-Fetch-Site: cross-site, or an Origin naming another host) are refused, key or not:
    /// browsers send them without asking the server first.
    /// </summary>
    public static IApplicationBuilder UseServeHygiene(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetService(typeof(IOptions<ApiOptions>)) is IOptions<ApiOptions> o ? o.Value : new ApiOptions();
            var request = context.Request;
            if (string.IsNullOrEmpty(options.Key) && !IsAllowedHost(request.Host, options))
            {
                await Write(context, Problems.Create(request, StatusCodes.Status403Forbidden, "Host not allowed",
                    $"This server has no key, so it answers only requests addressed to localhost, 127.0.0.1 or [::1] (Host was '{request.Host.Value}'). Set Api__Key, or list the name in Api__AllowedHosts."));
                return;
            }

            if (HttpMethods.IsPost(request.Method) && IsFormLike(request.ContentType) && IsCrossSite(request))
            {
                await Write(context, Problems.Create(request, StatusCodes.Status403Forbidden, "Cross-site request refused",
                    "A page on another site tried to post a form to this server; only this server's own pages and non-browser clients may."));
                return;
            }

            await next(context);
        });

    private static bool IsAllowedHost(HostString host, ApiOptions options)
    {
        var name = host.Host;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (LoopbackHosts.Contains(name, StringComparer.OrdinalIgnoreCase) || (IPAddress.TryParse(name.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
        {
            return true;
        }

        return (options.AllowedHosts ?? "").Split(';', ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(allowed => allowed == "*" || string.Equals(allowed, name, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsFormLike(string? contentType) =>
        contentType is null
        || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);

    private static bool IsCrossSite(HttpRequest request)
    {
        if (string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return false;
        }

        // "null" (a sandboxed frame, a file: page) is another site too; an extension's own origin is the user's tool.
        if (origin == "null")
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private static Task Write(HttpContext context, ContentResult problem) => problem.WriteToAsync(context);
}
