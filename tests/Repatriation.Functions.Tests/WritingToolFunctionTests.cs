using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Repatriation.Functions.Tests;

/// <summary>The writing-tool functions (LanguageTool routes, the editor's page, document text), called as the worker would.</summary>
public sealed class WritingToolFunctionTests
{
    private static readonly IServiceProvider Services = FunctionHost.BuildServices();

    private static T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public static TheoryData<Type, string[], string> Routes => new()
    {
        { typeof(LanguageToolCheckFunction), ["post", "get"], "v2/check" },
        { typeof(LanguageToolLanguagesFunction), ["get"], "v2/languages" },
        { typeof(UiFunction), ["get"], "ui" },
        { typeof(DocumentTextFunction), ["post"], "documents/text" },
        { typeof(ReportDownloadFunction), ["post"], "report" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Function_Trigger_MatchesTheRouteServeMaps(Type type, string[] methods, string route)
    {
        var function = Assert.Single(type.GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null);
        Assert.Equal(function.Name, function.GetCustomAttribute<FunctionAttribute>()!.Name);
        var trigger = function.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal(route, trigger.Route);
        Assert.Equal(methods, trigger.Methods!);
        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
    }

    [Fact]
    public async Task LanguageToolCheck_Form_AnswersLanguageToolsShape()
    {
        var context = new DefaultHttpContext();
        var body = Encoding.UTF8.GetBytes("language=en-US&text=" + Uri.EscapeDataString("Between 1946 and 1948 several million civilians were repatriated."));
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;

        // The answer streams while the text is checked: run it as the host does and read what it wrote.
        var result = await Function<LanguageToolCheckFunction>().LanguageToolCheck(context.Request, CancellationToken.None);
        var answer = new DefaultHttpContext { Response = { Body = new MemoryStream() } };
        await result.ExecuteResultAsync(new ActionContext(answer, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(200, answer.Response.StatusCode);
        answer.Response.Body.Position = 0;
        using var json = JsonDocument.Parse(answer.Response.Body);
        Assert.Equal(1, json.RootElement.GetProperty("software").GetProperty("apiVersion").GetInt32());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("matches").ValueKind);
    }

    [Fact]
    public async Task LanguageToolLanguages_Get_ListsEnUs()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";

        var result = Assert.IsType<ContentResult>(await Function<LanguageToolLanguagesFunction>().LanguageToolLanguages(context.Request, CancellationToken.None));

        Assert.Contains("\"longCode\": \"en-US\"", result.Content);
    }

    [Fact]
    public async Task Ui_Get_WritesTheHtmlPage()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Response.Body = new MemoryStream();

        var result = await Function<UiFunction>().Ui(context.Request, CancellationToken.None);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        context.Response.Body.Position = 0;
        Assert.StartsWith("<!DOCTYPE html>", await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task DocumentText_NotMultipart_415Problem()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "text/plain";

        var result = Assert.IsType<ContentResult>(await Function<DocumentTextFunction>().DocumentText(context.Request, CancellationToken.None));

        Assert.Equal(415, result.StatusCode);
        Assert.Equal("application/problem+json", result.ContentType);
    }
}
