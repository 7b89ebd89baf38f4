using System.Text.Json;

namespace Repatriation.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class BicepCliTests(BicepFixture bicep)
{
    [Fact]
    public void Build_MainTemplate_ExitsZeroWithoutWarnings() => AssertClean(bicep.Build);

    [Fact]
    public void Lint_MainTemplate_ReportsNothing() => AssertClean(bicep.LintTemplate);

    [Fact]
    public void Lint_MainParameters_ReportsNothing() => AssertClean(bicep.LintParameters);

    [Fact]
    public void BuildParams_MainParameters_ExitsZeroWithoutWarnings()
    {
        AssertClean(bicep.BuildParams);
        var parameters = JsonDocument.Parse(BicepFixture.ParametersJson(bicep.BuildParams)).RootElement.GetProperty("parameters");
        Assert.Equal("", parameters.GetProperty("factSetPublisherPrincipalId").GetProperty("value").GetString());
    }

    [Fact]
    public void Build_NoRegistryModules_TemplateIsSelfContained()
    {
        var source = File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, BicepFixture.MainTemplate));
        Assert.DoesNotContain("br/public:", source, StringComparison.Ordinal);
        Assert.DoesNotContain("br:", source, StringComparison.Ordinal);
        Assert.Empty(bicep.Template.OfType("Microsoft.Resources/deployments"));
    }

    [Fact]
    public async Task BuildParams_PublisherFromEnvironment_ReachesParameters()
    {
        const string principal = "7c3d0d4e-61b4-4f8e-9f49-1a6bb0c2f7a1";
        var result = await BicepCli.RunAsync(
            ["build-params", BicepFixture.MainParameters, "--stdout"],
            new Dictionary<string, string?> { ["FACTSET_PUBLISHER_PRINCIPAL_ID"] = principal });

        AssertClean(result);
        var template = new ArmTemplate(bicep.Build.StandardOutput, BicepFixture.ParametersJson(result));
        var publisher = template.OfType("Microsoft.Authorization/roleAssignments")
            .Single(assignment => assignment.Text("properties.principalId") == principal);
        Assert.Equal(true, template.Expressions.Resolve(publisher.At("condition")));
        Assert.Equal("User", publisher.Text("properties.principalType"));
        Assert.Contains("Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe", publisher.Text("properties.roleDefinitionId"), StringComparison.Ordinal);
    }

    // Bicep prints type errors and lint findings as warnings and still exits 0; the check above must see them.
    [Theory]
    [InlineData("lint", "param unused string = 'x'\n", "no-unused-params")]
    [InlineData("build", "resource s 'Microsoft.Storage/storageAccounts@2024-01-01' = {\n  name: 'stcheck'\n  location: 'westeurope'\n  kind: 'StorageV2'\n  sku: { name: 'Standard_LRS' }\n  properties: { minimumTlsVersion: 'TLS1_2', noSuchProperty: true }\n}\n", "BCP037")]
    public async Task Run_TemplateWithProblem_IsNotClean(string command, string bicepSource, string expectedCode)
    {
        var directory = Directory.CreateTempSubdirectory("infra-tests-");
        try
        {
            var file = Path.Combine(directory.FullName, "problem.bicep");
            await File.WriteAllTextAsync(file, bicepSource);
            string[] arguments = command == "build" ? ["build", file, "--stdout"] : [command, file];

            var result = await BicepCli.RunAsync(arguments);

            Assert.Equal(0, result.ExitCode);
            Assert.False(result.IsClean, result.ToString());
            Assert.Contains(result.Diagnostics, line => line.Contains(expectedCode, StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void AssertClean(BicepResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Diagnostics.Count == 0, result.ToString());
        Assert.True(result.IsClean, result.ToString());
    }
}
