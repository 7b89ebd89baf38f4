using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Repatriation.Api.Handlers;

namespace Repatriation.Api.Tests;

public sealed class OpenApiHandlerTests
{
    public static TheoryData<string, string> ContractRoutes => new()
    {
        { "/api/check", "post" },
        { "/api/v2/check", "post" },
        { "/api/v2/languages", "get" },
        { "/api/jobs", "post" },
        { "/api/jobs/{id}", "get" },
        { "/api/ui", "get" },
        { "/api/openapi.json", "get" },
        { "/api/factset", "get" },
        { "/api/health", "get" },
    };

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public async Task HandleAsync_Document_DescribesEveryContractRoute(string path, string method)
    {
        var handler = TestHost.Build().Services.GetRequiredService<OpenApiHandler>();

        var (status, _, body) = TestHost.Read(await handler.HandleAsync(TestHost.Request("GET", "/api/openapi.json")));

        Assert.Equal(200, status);
        Assert.StartsWith("3.0", body.GetProperty("openapi").GetString());
        var operation = body.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.TryGetProperty("responses", out var responses));
        Assert.NotEmpty(responses.EnumerateObject());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
    }

    [Fact]
    public async Task HandleAsync_Document_ResolvesEverySchemaReference()
    {
        var handler = TestHost.Build().Services.GetRequiredService<OpenApiHandler>();
        var (_, _, body) = TestHost.Read(await handler.HandleAsync(TestHost.Request("GET", "/api/openapi.json")));
        var schemas = body.GetProperty("components").GetProperty("schemas");

        var references = System.Text.RegularExpressions.Regex.Matches(body.GetRawText(), "\"\\$ref\":\\s*\"#/components/schemas/([A-Za-z0-9]+)\"");

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(schemas.TryGetProperty(r.Groups[1].Value, out _), $"missing schema {r.Groups[1].Value}"));
    }

    [Fact]
    public void Document_ReadByOpenApiNet_HasNoErrorsAndValidates()
    {
        var result = OpenApiDocument.Parse(OpenApiHandler.Json, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic!.SpecificationVersion);
        var document = Assert.IsType<OpenApiDocument>(result.Document);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        // Every contract route, and any route beyond the contract (e.g. /api/documents/text for the editor's page).
        Assert.All(ContractRoutes, route => Assert.Contains((string)route[0], document.Paths.Keys));
    }
}
