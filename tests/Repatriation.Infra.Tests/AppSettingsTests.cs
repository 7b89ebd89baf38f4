using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Repatriation.Storage;

namespace Repatriation.Infra.Tests;

/// <summary>
/// The function app's settings must be exactly the configuration keys the code binds, so renaming an option
/// property without updating infra/ (or the reverse) fails here rather than silently in Azure.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class AppSettingsTests(BicepFixture bicep)
{
    private const string StorageBlobEndpoint = $"{{reference({MainTemplateTests.StorageAccountType}).primaryEndpoints.blob}}";
    private const string IdentityClientId = $"{{reference({MainTemplateTests.IdentityType}).clientId}}";

    // Local development only: in Azure the managed identity and ServiceUri replace it.
    private static readonly HashSet<string> LocalOnlyProperties = [nameof(FactSetOptions.ConnectionString)];

    private static readonly (Type Options, string Section)[] BoundOptions =
    [
        (typeof(FactSetOptions), FactSetOptions.SectionName),
        (typeof(JobsOptions), JobsOptions.SectionName),
    ];

    public static TheoryData<string> ExpectedOptionSettings()
    {
        var data = new TheoryData<string>();
        foreach (var name in BoundProperties().Select(bound => bound.Setting))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedOptionSettings))]
    public void AppSetting_OptionsProperty_IsSetExactlyOnce(string setting) =>
        Assert.Single(AppSettings(), pair => pair.Name == setting);

    [Fact]
    public void AppSettings_OptionsSections_HaveNoSettingWithoutProperty()
    {
        var expected = BoundProperties().Select(bound => bound.Setting).ToHashSet(StringComparer.Ordinal);
        var sections = BoundOptions.Select(bound => bound.Section + "__").ToList();

        var stale = AppSettings()
            .Select(pair => pair.Name)
            .Where(name => sections.Any(section => name.StartsWith(section, StringComparison.Ordinal)) && !expected.Contains(name))
            .ToList();

        Assert.Empty(stale);
        // Guards against a vacuous pass: reflection must find settable properties in every bound section.
        Assert.All(sections, section => Assert.Contains(expected, name => name.StartsWith(section, StringComparison.Ordinal)));
    }

    [Fact]
    public void AppSettings_ConnectionStrings_AreNotUsedInAzure()
    {
        var names = AppSettings().Select(pair => pair.Name).ToList();

        Assert.DoesNotContain($"{FactSetOptions.SectionName}__{nameof(FactSetOptions.ConnectionString)}", names);
        Assert.DoesNotContain(JobsOptions.StorageConnectionKey, names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    // Azure uses the names the code defaults to (and the contract documents), so local runs and Azure agree.
    [Theory]
    [MemberData(nameof(ExpectedOptionSettings))]
    public void AppSetting_Value_ConvertsToPropertyTypeAndMatchesDefault(string setting)
    {
        var bound = BoundProperties().Single(candidate => candidate.Setting == setting);
        var value = Value(setting);

        if (bound.Property.Name == nameof(FactSetOptions.ServiceUri))
        {
            Assert.Equal(StorageBlobEndpoint, value);
            return;
        }

        var converter = TypeDescriptor.GetConverter(bound.Property.PropertyType);
        var converted = converter.ConvertFromInvariantString(value!);
        var defaults = Activator.CreateInstance(bound.Options);
        Assert.Equal(bound.Property.GetValue(defaults), converted);
    }

    [Fact]
    public void AppSettings_ContainerAndQueueNames_AreDeclaredResources()
    {
        var containers = bicep.Template.OfType(MainTemplateTests.ContainerType).Select(container => (string?)container.LeafName).ToHashSet();
        var queues = bicep.Template.OfType(MainTemplateTests.QueueType).Select(queue => (string?)queue.LeafName).ToHashSet();
        var (checkedContainers, checkedQueues) = (0, 0);

        foreach (var (_, property, setting) in BoundProperties())
        {
            if (property.Name.EndsWith("Container", StringComparison.Ordinal))
            {
                Assert.Contains(Value(setting), containers);
                checkedContainers++;
            }
            else if (property.Name.EndsWith("Queue", StringComparison.Ordinal))
            {
                Assert.Contains(Value(setting), queues);
                Assert.Contains(Value(setting) + "-poison", queues);
                checkedQueues++;
            }
        }

        Assert.True(checkedContainers > 0 && checkedQueues > 0, $"{checkedContainers} container and {checkedQueues} queue settings checked");
    }

    [Fact]
    public void AppSettings_HostStorage_UsesTheUserAssignedIdentity()
    {
        var prefix = JobsOptions.StorageConnectionKey;

        Assert.Equal(StorageBlobEndpoint, Value($"{prefix}__blobServiceUri"));
        Assert.Equal($"{{reference({MainTemplateTests.StorageAccountType}).primaryEndpoints.queue}}", Value($"{prefix}__queueServiceUri"));
        Assert.Equal("managedidentity", Value($"{prefix}__credential"));
        Assert.Equal(IdentityClientId, Value($"{prefix}__clientId"));
    }

    [Fact]
    public void AppSettings_AzureSdkAndTelemetry_UseTheUserAssignedIdentity()
    {
        Assert.Equal(IdentityClientId, Value(AzureCredentials.ClientIdVariable));
        Assert.Equal($"{{reference({MainTemplateTests.AppInsightsType}).ConnectionString}}", Value("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Equal($"ClientId={IdentityClientId};Authorization=AAD", Value("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }

    [Fact]
    public void AppSettings_GarbageCollector_BoundsGenerationZero()
    {
        // bench memory: a 5 MB POST /api/check peaks at 15-20 x its size with the default budget, 7-8.5 x with 8 MB.
        Assert.Equal("0x800000", Value("DOTNET_GCgen0size"));
    }

    [Fact]
    public void AppSettings_FlexConsumption_OmitsSettingsThePlatformOwns()
    {
        // Flex Consumption rejects these: runtime and deployment live in functionAppConfig instead.
        string[] rejected = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"];

        Assert.Empty(AppSettings().Select(pair => pair.Name).Intersect(rejected));
    }

    private string? Value(string setting) => Assert.Single(AppSettings(), pair => pair.Name == setting).Value;

    private List<(string Name, string? Value)> AppSettings()
    {
        var app = bicep.Template.Single("Microsoft.Web/sites");
        var settings = Assert.IsType<List<object?>>(app.Resolve("properties.siteConfig.appSettings"));
        return settings
            .Cast<Dictionary<string, object?>>()
            .Select(pair => ((string)pair["name"]!, ArmExpressions.Render(pair["value"])))
            .ToList();
    }

    private static IEnumerable<(Type Options, PropertyInfo Property, string Setting)> BoundProperties() =>
        from bound in BoundOptions
        from property in bound.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.SetMethod is { IsPublic: true } && !LocalOnlyProperties.Contains(property.Name)
        select (bound.Options, property, $"{bound.Section}__{property.Name}");
}
