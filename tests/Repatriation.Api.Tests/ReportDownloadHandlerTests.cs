using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Repatriation.Api.Handlers;
using Repatriation.Api.Tests.LanguageTool;
using Repatriation.Core.Checking;
using Repatriation.Core.Facts;

namespace Repatriation.Api.Tests;

public sealed class ReportDownloadHandlerTests
{
    /// <summary>What the client receives: the streamed report run as the host runs it.</summary>
    private sealed record Answer(int StatusCode, string? ContentType, string Content);

    private static async Task<(Answer Result, string Disposition)> Download(string format, object body, string contentType = "application/json")
    {
        var request = LtRequests.Raw("POST", "/api/report", contentType, JsonSerializer.SerializeToUtf8Bytes(body), "?format=" + format);
        var result = Assert.IsType<StreamedReportResult>(await LtRequests.Handler<ReportDownloadHandler>().HandleAsync(request));
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        var content = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal(request.HttpContext.Response.Headers.ContentDisposition.ToString(), context.Response.Headers.ContentDisposition.ToString());
        return (new Answer(context.Response.StatusCode, context.Response.ContentType, content), request.HttpContext.Response.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task HandleAsync_Sarif_OneResultPerFlaggedClaimAsAnAttachment()
    {
        var text = LanguageToolCheckHandlerTests.Sample;
        var flagged = new ClaimChecker().Check(new CheckRequest(text), FactSetLoader.LoadShipped()).Summary.Flagged;

        var (result, disposition) = await Download("sarif", new { text, name = "chapter 1.docx" });

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("application/sarif+json", result.ContentType);
        Assert.Equal("attachment; filename=\"chapter_1.sarif\"", disposition);
        using var sarif = JsonDocument.Parse(result.Content!);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.True(flagged > 0, "the sample has flagged claims");
        Assert.Equal(flagged, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task HandleAsync_Html_AStandalonePageWithTheTextEscaped()
    {
        var text = "<script>alert(1)</script> Between 1946 and 1948 several million civilians were forcibly repatriated.";

        var (result, disposition) = await Download("html", new { text });

        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Equal("attachment; filename=\"text.report.html\"", disposition);
        Assert.StartsWith("<!DOCTYPE html>", result.Content);
        Assert.DoesNotContain("<script>alert(1)</script>", result.Content);
        Assert.Contains("&lt;script&gt;", result.Content);
    }

    [Fact]
    public async Task HandleAsync_Json_TheCheckReport()
    {
        var (result, disposition) = await Download("json", new { text = "In 1946 several million were returned.", name = "a.txt" });

        Assert.StartsWith("application/json", result.ContentType);
        Assert.Equal("attachment; filename=\"a.report.json\"", disposition);
        using var report = JsonDocument.Parse(result.Content!);
        Assert.Equal("a.txt", report.RootElement.GetProperty("document").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("pdf", "application/json", "{\"text\":\"a\"}", 400, "format must be one of")]
    [InlineData("sarif", "text/plain", "a", 415, "application/json")]
    [InlineData("sarif", "application/json", "{\"name\":\"a\"}", 400, "\"text\"")]
    [InlineData("sarif", "application/json", "{oops", 400, "not valid JSON")]
    public async Task HandleAsync_BadRequests_ProblemWithTheReason(string format, string contentType, string body, int status, string expected)
    {
        var request = LtRequests.Raw("POST", "/api/report", contentType, Encoding.UTF8.GetBytes(body), "?format=" + format);

        var detail = LtRequests.AssertProblem(await LtRequests.Handler<ReportDownloadHandler>().HandleAsync(request), status);

        Assert.Contains(expected, detail);
    }

    [Theory]
    [InlineData(null, "text")]
    [InlineData("chapter 1.docx", "chapter_1")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("\"quoted\".md", "_quoted_")]
    [InlineData("...", "text")]
    public void FileStem_AnyName_IsASafeFileName(string? name, string expected)
    {
        Assert.Equal(expected, ReportDownloadHandler.FileStem(name));
    }
}
