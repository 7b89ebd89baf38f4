using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/ui, the editor's page. It needs the function key like every route; it passes its own ?code= on to the API.</summary>
public sealed class UiFunction(UiHandler handler)
{
    [Function(nameof(Ui))]
    public Task<IActionResult> Ui(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ui")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
