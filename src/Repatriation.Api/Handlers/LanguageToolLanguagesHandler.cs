using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Repatriation.Api.LanguageTool;

namespace Repatriation.Api.Handlers;

/// <summary>GET /api/v2/languages: LanguageTool's language list, English only.</summary>
public sealed class LanguageToolLanguagesHandler(ILogger<LanguageToolLanguagesHandler> logger) : ApiHandler(logger)
{
    protected override Task<IActionResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IActionResult>(Problems.Json(LanguageToolLanguages.All));
}
