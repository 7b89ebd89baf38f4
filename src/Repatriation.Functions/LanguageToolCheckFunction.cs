using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Repatriation.Api.Handlers;

namespace Repatriation.Functions;

/// <summary>POST (and, as LanguageTool also takes it, GET) /api/v2/check.</summary>
public sealed class LanguageToolCheckFunction(LanguageToolCheckHandler handler)
{
    [Function(nameof(LanguageToolCheck))]
    public Task<IActionResult> LanguageToolCheck(
        [HttpTrigger(AuthorizationLevel.Function, "post", "get", Route = "v2/check")] HttpRequest request, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
