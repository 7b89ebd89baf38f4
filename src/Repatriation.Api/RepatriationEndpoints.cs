using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Api.Handlers;

namespace Repatriation.Api;

/// <summary>
/// The contract's routes on plain ASP.NET Core (`serve`), bound to the same handlers the functions call.
/// Needs AddMvcCore() for the IActionResult executors.
/// </summary>
public static class RepatriationEndpoints
{
    public static IEndpointRouteBuilder MapRepatriationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHandler<CheckHandler>(HttpMethods.Post, "/api/check");
        endpoints.MapHandler<FactSetHandler>(HttpMethods.Get, "/api/factset");
        endpoints.MapHandler<HealthHandler>(HttpMethods.Get, "/api/health");
        endpoints.MapHandler<OpenApiHandler>(HttpMethods.Get, "/api/openapi.json");
        endpoints.MapHandler<LanguageToolCheckHandler>(HttpMethods.Post, "/api/v2/check");
        endpoints.MapHandler<LanguageToolCheckHandler>(HttpMethods.Get, "/api/v2/check");
        endpoints.MapHandler<LanguageToolLanguagesHandler>(HttpMethods.Get, "/api/v2/languages");
        endpoints.MapHandler<UiHandler>(HttpMethods.Get, "/api/ui");
        endpoints.MapHandler<DocumentTextHandler>(HttpMethods.Post, "/api/documents/text");
        endpoints.MapHandler<ReportDownloadHandler>(HttpMethods.Post, "/api/report");
        endpoints.MapHandler<SubmitJobHandler>(HttpMethods.Post, "/api/jobs");
        endpoints.MapHandler<GetJobHandler>(HttpMethods.Get, "/api/jobs/{id}");
        endpoints.MapHandler<JobReportHandler>(HttpMethods.Get, "/api/jobs/{id}/manuscripts/{index}/report");
        return endpoints;
    }

    /// <summary>Maps one route to an <see cref="ApiHandler"/>, executing the IActionResult it returns.</summary>
    public static IEndpointConventionBuilder MapHandler<THandler>(this IEndpointRouteBuilder endpoints, string method, string pattern)
        where THandler : ApiHandler =>
        endpoints.MapMethods(pattern, [method], async (HttpContext context) =>
        {
            var handler = context.RequestServices.GetRequiredService<THandler>();
            var result = await handler.HandleAsync(context.Request, context.RequestAborted);
            await result.WriteToAsync(context);
        });

    /// <summary>Turns anything that escapes a handler (or happens before one runs) into a problem+json 500, never a stack trace.</summary>
    public static IApplicationBuilder UseRepatriationProblems(this IApplicationBuilder app) =>
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var problem = Problems.Unexpected(context.Request);
            await problem.WriteToAsync(context);
        }));

    /// <summary>Executes a handler's or a guard's result on the response, as MVC would (these routes run outside MVC).</summary>
    internal static Task WriteToAsync(this IActionResult result, HttpContext context) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}
