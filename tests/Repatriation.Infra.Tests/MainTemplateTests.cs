namespace Repatriation.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class MainTemplateTests(BicepFixture bicep)
{
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string AppInsightsType = "Microsoft.Insights/components";
    public const string ContainerType = "Microsoft.Storage/storageAccounts/blobServices/containers";
    public const string QueueType = "Microsoft.Storage/storageAccounts/queueServices/queues";

    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmTemplate Template => bicep.Template;

    private ArmResource FunctionApp => Template.Single("Microsoft.Web/sites");

    [Fact]
    public void Plan_Sku_IsFlexConsumptionFc1()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Text("sku.name"));
        Assert.Equal("FlexConsumption", plan.Text("sku.tier"));
        Assert.Equal(true, plan.Resolve("properties.reserved"));
        Assert.Equal("{resourceId(Microsoft.Web/serverfarms)}", FunctionApp.Text("properties.serverFarmId"));
    }

    [Fact]
    public void FunctionApp_Runtime_IsDotnetIsolated10()
    {
        Assert.Equal("functionapp,linux", FunctionApp.Text("kind"));
        Assert.Equal("dotnet-isolated", FunctionApp.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", FunctionApp.Text("properties.functionAppConfig.runtime.version"));
        Assert.Equal(true, FunctionApp.Resolve("properties.httpsOnly"));
    }

    [Fact]
    public void FunctionApp_ScaleAndConcurrency_UsesParameterValues()
    {
        Assert.Equal(40L, FunctionApp.Resolve("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        Assert.Equal(2048L, FunctionApp.Resolve("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
    }

    [Fact]
    public void FunctionApp_Identity_IsOnlyTheUserAssignedIdentity()
    {
        Template.Single(IdentityType);

        Assert.Equal("UserAssigned", FunctionApp.Text("identity.type"));
        var identities = Assert.IsType<Dictionary<string, object?>>(FunctionApp.Resolve("identity.userAssignedIdentities"));
        Assert.Equal($"{{resourceId({IdentityType})}}", Assert.Single(identities).Key);
    }

    [Fact]
    public void FunctionApp_DeploymentStorage_IsDeclaredContainerReadWithIdentity()
    {
        var storage = "properties.functionAppConfig.deployment.storage";
        Assert.Equal("blobContainer", FunctionApp.Text($"{storage}.type"));
        Assert.Equal("UserAssignedIdentity", FunctionApp.Text($"{storage}.authentication.type"));
        Assert.Equal($"{{resourceId({IdentityType})}}", FunctionApp.Text($"{storage}.authentication.userAssignedIdentityResourceId"));

        const string blobEndpoint = $"{{reference({StorageAccountType}).primaryEndpoints.blob}}";
        var url = FunctionApp.Text($"{storage}.value")!;
        Assert.StartsWith(blobEndpoint, url, StringComparison.Ordinal);
        Assert.Contains(url[blobEndpoint.Length..], ContainerNames());
    }

    [Theory]
    [InlineData(StorageBlobDataOwner, StorageAccountType)]
    [InlineData(StorageQueueDataContributor, StorageAccountType)]
    [InlineData(MonitoringMetricsPublisher, AppInsightsType)]
    public void RoleAssignment_AppIdentity_HasRoleOnResource(string roleDefinitionGuid, string scopeType)
    {
        var assignment = Assert.Single(
            Template.OfType("Microsoft.Authorization/roleAssignments"),
            candidate => candidate.Text("properties.roleDefinitionId")!
                .Contains($"Microsoft.Authorization/roleDefinitions/{roleDefinitionGuid}", StringComparison.Ordinal));

        Assert.True(assignment.IsDeployedUnconditionally);
        Assert.Equal($"{{reference({IdentityType}).principalId}}", assignment.Text("properties.principalId"));
        Assert.Equal("ServicePrincipal", assignment.Text("properties.principalType"));
        Assert.Equal($"{{resourceId({scopeType})}}", assignment.Text("scope"));
    }

    [Fact]
    public void RoleAssignment_FactSetPublisher_OnlyWhenPrincipalGiven()
    {
        var conditional = Template.OfType("Microsoft.Authorization/roleAssignments").Where(assignment => !assignment.IsDeployedUnconditionally).ToList();

        var publisher = Assert.Single(conditional);
        Assert.Equal(false, Template.Expressions.Resolve(publisher.At("condition")));
    }

    [Fact]
    public void StorageAccount_Access_IdentityOnlyTls12NoPublicBlobs()
    {
        var storage = Template.Single(StorageAccountType);

        Assert.Equal(false, storage.Resolve("properties.allowSharedKeyAccess"));
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
        Assert.Equal(false, storage.Resolve("properties.allowBlobPublicAccess"));
        Assert.Equal(true, storage.Resolve("properties.supportsHttpsTrafficOnly"));
    }

    [Theory]
    [InlineData("factsets")]
    [InlineData("manuscripts")]
    [InlineData("reports")]
    [InlineData("jobs")]
    [InlineData("app-package")]
    public void BlobContainer_Name_IsDeclaredPrivate(string name)
    {
        var container = Assert.Single(Template.OfType(ContainerType), candidate => candidate.LeafName == name);

        Assert.Equal("None", container.Text("properties.publicAccess"));
        Assert.Contains("/default/", container.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manuscript-checks")]
    [InlineData("manuscript-checks-poison")]
    public void Queue_Name_IsDeclared(string name) =>
        Assert.Single(Template.OfType(QueueType), candidate => candidate.LeafName == name);

    [Fact]
    public void EventGridSystemTopic_Source_IsTheStorageAccount()
    {
        var topic = Template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Text("properties.topicType"));
        Assert.Equal($"{{resourceId({StorageAccountType})}}", topic.Text("properties.source"));
    }

    [Fact]
    public void ApplicationInsights_Workspace_IsLogAnalyticsWithLocalAuthDisabled()
    {
        Template.Single("Microsoft.OperationalInsights/workspaces");
        var insights = Template.Single(AppInsightsType);

        Assert.Equal("{resourceId(Microsoft.OperationalInsights/workspaces)}", insights.Text("properties.WorkspaceResourceId"));
        Assert.Equal(true, insights.Resolve("properties.DisableLocalAuth"));
    }

    [Theory]
    [InlineData("functionAppName", "func-repat-")]
    [InlineData("defaultHostName", "{reference(Microsoft.Web/sites).defaultHostName}")]
    [InlineData("storageAccountName", "strepat")]
    [InlineData("blobEndpoint", "{reference(Microsoft.Storage/storageAccounts).primaryEndpoints.blob}")]
    public void Output_Name_IsDeclaredString(string name, string expectedText)
    {
        var output = Template.Root.GetProperty("outputs").GetProperty(name);

        Assert.Equal("string", output.GetProperty("type").GetString());
        Assert.Contains(expectedText, Template.Expressions.ResolveText(output.GetProperty("value")), StringComparison.Ordinal);
    }

    private List<string> ContainerNames() => Template.OfType(ContainerType).Select(container => container.LeafName).ToList();
}
