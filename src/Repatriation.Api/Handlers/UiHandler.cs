using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Repatriation.Api.Handlers;

/// <summary>
/// GET /api/ui: the editor's page, one self-contained HTML file shipped inside this assembly. Its
/// Content-Security-Policy lets it talk to this server only, so a pasted manuscript never leaves it.
/// </summary>
public sealed class UiHandler(ILogger<UiHandler> logger) : ApiHandler(logger)
{
    public const string ResourceName = "Repatriation.Api.Ui.editor.html";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; " +
        "img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(UiHandler).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static string Html => Encoding.UTF8.GetString(Page.Value);

    protected override Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(new PageResult(Page.Value));

    /// <summary>Writes the page with its security headers itself, so both hosts send the same bytes and headers.</summary>
    private sealed class PageResult(byte[] body) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = body.Length;
            response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
            response.Headers["X-Content-Type-Options"] = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.CacheControl = "no-cache";
            await response.Body.WriteAsync(body, context.HttpContext.RequestAborted);
        }
    }
}
