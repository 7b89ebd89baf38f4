using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Repatriation.Api.Handlers;

/// <summary>GET /api/openapi.json: the hand-written OpenAPI 3.0 description of every contract route.</summary>
public sealed class OpenApiHandler(ILogger<OpenApiHandler> logger) : ApiHandler(logger)
{
    public const string ResourceName = "Repatriation.Api.openapi.json";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiHandler).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Document.Value;

    protected override Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "application/json; charset=utf-8",
            Content = Document.Value,
        });
}
