using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>GET /api/v2/languages.</summary>
public sealed class LanguageToolLanguagesFunction(LanguageToolLanguagesHandler handler)
{
    [Function(nameof(LanguageToolLanguages))]
    public Task<IActionResult> LanguageToolLanguages(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v2/languages")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
