using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Repatriation.Core.Facts;
using static Repatriation.Functions.Tests.FunctionHost;

namespace Repatriation.Functions.Tests;

/// <summary>
/// The isolated worker cannot start on this machine, so each function is called as the worker would:
/// an HttpRequest in, an IActionResult out, with services from the same composition root.
/// </summary>
public sealed class FunctionTests
{
    private static readonly IServiceProvider Services = FunctionHost.BuildServices(new Dictionary<string, string?> { ["Api:MaxTextBytes"] = "2000" });

    private static T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    private static (int Status, string ContentType, JsonElement Body) Read(IActionResult result)
    {
        if (result is not ContentResult content)
        {
            // A streamed result (the check report): run it as the host would and read what it wrote.
            var context = new DefaultHttpContext();
            context.Response.Body = new MemoryStream();
            result.ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()))
                .GetAwaiter().GetResult();
            context.Response.Body.Position = 0;
            using var written = JsonDocument.Parse(context.Response.Body);
            return (context.Response.StatusCode, context.Response.ContentType!, written.RootElement.Clone());
        }

        using var document = JsonDocument.Parse(content.Content!);
        return (content.StatusCode ?? 200, content.ContentType!, document.RootElement.Clone());
    }

    public static TheoryData<Type, string, string, AuthorizationLevel> Routes => new()
    {
        { typeof(CheckFunction), "post", "check", AuthorizationLevel.Function },
        { typeof(FactSetFunction), "get", "factset", AuthorizationLevel.Function },
        { typeof(OpenApiFunction), "get", "openapi.json", AuthorizationLevel.Function },
        { typeof(HealthFunction), "get", "health", AuthorizationLevel.Anonymous },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Function_Trigger_MatchesTheContractRoute(Type type, string method, string route, AuthorizationLevel level)
    {
        var function = Assert.Single(type.GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null);
        Assert.Equal(function.Name, function.GetCustomAttribute<FunctionAttribute>()!.Name);
        var trigger = function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal(route, trigger.Route);
        Assert.Equal([method], trigger.Methods!);
        Assert.Equal(level, trigger.AuthLevel);
    }

    [Fact]
    public async Task Check_JsonBody_Returns200Report()
    {
        var (status, contentType, body) = Read(await Function<CheckFunction>().Check(
            Request("POST", "/api/check", "application/json", """{"text": "Repatriation from Lienz began on 1 June 1945.", "name": "n.txt"}"""), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType);
        Assert.Equal("n.txt", body.GetProperty("document").GetProperty("name").GetString());
        Assert.Equal(body.GetProperty("claims").GetArrayLength(), body.GetProperty("summary").GetProperty("claims").GetInt32());
    }

    [Theory]
    [InlineData("application/json", "{oops", 400)]
    [InlineData("application/json", """{"name": "x"}""", 400)]
    [InlineData("application/pdf", "%PDF", 415)]
    public async Task Check_BadRequests_ReturnProblems(string contentType, string body, int expected)
    {
        var (status, actualType, problem) = Read(await Function<CheckFunction>().Check(Request("POST", "/api/check", contentType, body), CancellationToken.None));

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", actualType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", problem.GetRawText());
    }

    [Fact]
    public async Task Check_TextOverTheConfiguredLimit_Returns413()
    {
        var (status, _, problem) = Read(await Function<CheckFunction>().Check(
            Request("POST", "/api/check", "text/plain", new string('a', 2500)), CancellationToken.None));

        Assert.Equal(413, status);
        Assert.Contains("2,000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_ShippedFactSet_Returns200()
    {
        var (status, _, body) = Read(await Function<HealthFunction>().Health(Request("GET", "/api/health"), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("state").GetString());
    }

    [Fact]
    public async Task FactSet_ShippedFactSet_ReportsItsIdAndCounts()
    {
        var shipped = FactSetLoader.LoadShipped().FactSet;

        var (status, _, body) = Read(await Function<FactSetFunction>().FactSet(Request("GET", "/api/factset"), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal(shipped.Id, body.GetProperty("id").GetString());
        Assert.Equal(shipped.Facts.Count, body.GetProperty("counts").GetProperty("facts").GetInt32());
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheCheckRoute()
    {
        var (status, _, body) = Read(await Function<OpenApiFunction>().OpenApi(Request("GET", "/api/openapi.json"), CancellationToken.None));

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("paths").TryGetProperty("/api/check", out _));
    }
}
