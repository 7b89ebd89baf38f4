using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Repatriation.Api.Handlers;

/// <summary>
/// RFC 9457 problem responses. Written as content (not through MVC's formatters) so the function
/// app and `serve` send byte-for-byte the same body whatever output formatters they have.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ContentResult Create(
        HttpRequest request, int status, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = request.Path.Value,
            ["traceId"] = Activity.Current?.Id ?? request.HttpContext.TraceIdentifier,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                body[key] = value;
            }
        }

        return new ContentResult
        {
            StatusCode = status,
            ContentType = ContentType,
            Content = JsonSerializer.Serialize(body, ApiJson.Options),
        };
    }

    public static ContentResult BadRequest(HttpRequest request, string detail) =>
        Create(request, StatusCodes.Status400BadRequest, "The request is malformed", detail);

    public static ContentResult Unauthorized(HttpRequest request, string detail) =>
        Create(request, StatusCodes.Status401Unauthorized, "A key is required", detail);

    public static ContentResult TooLarge(HttpRequest request, string detail) =>
        Create(request, StatusCodes.Status413PayloadTooLarge, "The text is too large", detail);

    public static ContentResult UnsupportedMediaType(HttpRequest request, string detail) =>
        Create(request, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", detail);

    public static ContentResult Unavailable(HttpRequest request, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Create(request, StatusCodes.Status503ServiceUnavailable, "No valid fact set is loaded", detail, extensions);

    public static ContentResult Unexpected(HttpRequest request) =>
        Create(request, StatusCodes.Status500InternalServerError, "Unexpected error",
            "The service failed while answering this request; the error has been logged with this trace id.");

    /// <summary>A JSON body that is not a problem.</summary>
    public static ContentResult Json(object body, int status = StatusCodes.Status200OK) => new()
    {
        StatusCode = status,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(body, ApiJson.Options),
    };
}
