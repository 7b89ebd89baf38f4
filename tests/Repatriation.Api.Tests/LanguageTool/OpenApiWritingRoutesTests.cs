using System.Text.Json;
using Repatriation.Api.Handlers;

namespace Repatriation.Api.Tests.LanguageTool;

public sealed class OpenApiWritingRoutesTests
{
    [Theory]
    [InlineData("/api/v2/check", "post")]
    [InlineData("/api/v2/check", "get")]
    [InlineData("/api/v2/languages", "get")]
    [InlineData("/api/ui", "get")]
    [InlineData("/api/documents/text", "post")]
    [InlineData("/api/report", "post")]
    public void OpenApi_WritingToolRoute_IsDescribed(string path, string method)
    {
        using var document = JsonDocument.Parse(OpenApiHandler.Json);

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public void OpenApi_LanguageToolForm_NamesEveryParameterTheHandlerReads()
    {
        using var document = JsonDocument.Parse(OpenApiHandler.Json);
        var properties = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("LanguageToolCheckForm").GetProperty("properties");

        foreach (var name in new[] { "text", "data", "language", "enabledRules", "enabledCategories", "disabledRules", "disabledCategories", "enabledOnly" })
        {
            Assert.True(properties.TryGetProperty(name, out _), name);
        }
    }
}
