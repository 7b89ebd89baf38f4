using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>POST /api/report?format=sarif|html|json: a checked text's report as a file to save (the editor's page's downloads).</summary>
public sealed class ReportDownloadFunction(ReportDownloadHandler handler)
{
    [Function(nameof(ReportDownload))]
    public Task<IActionResult> ReportDownload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "report")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
