using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Repatriation.Core.Reports;

namespace Repatriation.Api.Handlers;

/// <summary>
/// A check report written straight into the response body as it is serialised. A 1 MB text of bare figures has half
/// a million claims and a report of hundreds of megabytes; built as one string first, it held that twice over (UTF-16
/// and UTF-8) on top of the claims themselves.
/// </summary>
public sealed class JsonReportResult(CheckReport report) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, report, ReportJson.Options, context.HttpContext.RequestAborted);
    }
}
