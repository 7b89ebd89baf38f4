using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>POST /api/documents/text: the text of an uploaded manuscript file, for the editor's page.</summary>
public sealed class DocumentTextFunction(DocumentTextHandler handler)
{
    [Function(nameof(DocumentText))]
    public Task<IActionResult> DocumentText(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "documents/text")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
