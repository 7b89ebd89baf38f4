using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Repatriation.Api.Handlers;
using Repatriation.Api.Tests.LanguageTool;

namespace Repatriation.Api.Tests;

public sealed partial class UiHandlerTests
{
    private static async Task<HttpResponse> Get()
    {
        var request = LtRequests.Raw("GET", "/api/ui", null, null);
        request.HttpContext.Response.Body = new MemoryStream();
        var result = await LtRequests.Handler<UiHandler>().HandleAsync(request);
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        return request.HttpContext.Response;
    }

    [Fact]
    public async Task HandleAsync_Get_ServesThePageWithAPolicyThatOnlyAllowsThisServer()
    {
        var response = await Get();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        var policy = response.Headers["Content-Security-Policy"].ToString();
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Equal("nosniff", response.Headers["X-Content-Type-Options"].ToString());
        response.Body.Position = 0;
        var html = await new StreamReader(response.Body).ReadToEndAsync();
        Assert.Equal(UiHandler.Html, html);
        Assert.Equal(response.ContentLength, response.Body.Length);
    }

    [Fact]
    public void Html_Page_ReferencesNothingOutsideItself()
    {
        var html = UiHandler.Html;

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("@font-face", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void Html_Page_PassesItsFunctionKeyOnInAHeaderNotTheUrl()
    {
        var html = UiHandler.Html;

        Assert.Contains("get('code')", html);
        Assert.Contains("'x-functions-key': key", html);
        Assert.DoesNotContain("'?code='", html);
    }

    [GeneratedRegex(@"(src|href|action)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
