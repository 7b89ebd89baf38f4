using System.Text.Json;
using Repatriation.Api.Handlers;

namespace Repatriation.Api.Tests.LanguageTool;

public sealed class LanguageToolLanguagesHandlerTests
{
    [Fact]
    public async Task HandleAsync_Get_ListsEnglishVariantsInLanguageToolsShape()
    {
        var (status, _, body) = LtRequests.Read(await LtRequests.Handler<LanguageToolLanguagesHandler>()
            .HandleAsync(LtRequests.Raw("GET", "/api/v2/languages", null, null)));

        Assert.Equal(200, status);
        var entries = body.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == "English (US)" && e.GetProperty("longCode").GetString() == "en-US");
        Assert.Contains(entries, e => e.GetProperty("longCode").GetString() == "en-GB");
        Assert.All(entries, e => Assert.Equal("en", e.GetProperty("code").GetString()));
        Assert.All(entries, e => Assert.Equal(JsonValueKind.String, e.GetProperty("name").ValueKind));
    }
}
