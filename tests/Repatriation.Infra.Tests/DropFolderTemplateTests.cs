using Repatriation.Storage;
using Repatriation.Storage.Jobs;

namespace Repatriation.Infra.Tests;

/// <summary>
/// infra/dropfolder.bicep, the Event Grid subscription that feeds the drop-folder blob trigger: it must deliver new
/// manuscripts of the drop folder and nothing else, job uploads (checked through the queue) included.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class DropFolderTemplateTests(BicepFixture bicep)
{
    private const string SubscriptionType = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    private ArmResource Subscription => bicep.DropFolder.Single(SubscriptionType);

    [Fact]
    public void Build_DropFolderTemplate_ExitsZeroWithoutWarnings() =>
        Assert.True(bicep.DropFolderBuild.IsClean, bicep.DropFolderBuild.ToString());

    [Fact]
    public void Lint_DropFolderTemplate_ReportsNothing() =>
        Assert.True(bicep.DropFolderLint.IsClean, bicep.DropFolderLint.ToString());

    [Fact]
    public void Subscription_Destination_IsTheBlobsExtensionWebhookOfDropFolderTrigger()
    {
        Assert.Equal("WebHook", Subscription.Text("properties.destination.endpointType"));
        Assert.Equal("EventGridSchema", Subscription.Text("properties.eventDeliverySchema"));
        var url = Subscription.Text("properties.destination.properties.endpointUrl")!;

        Assert.StartsWith("https://{reference(Microsoft.Web/sites).defaultHostName}/runtime/webhooks/blobs?", url, StringComparison.Ordinal);
        // The name of the function class in src/Repatriation.Functions (the host prefixes it with Host.Functions.).
        Assert.Contains("functionName=Host.Functions.DropFolderTrigger&", url, StringComparison.Ordinal);
        Assert.EndsWith("&code={listKeys({resourceId(Microsoft.Web/sites)}/host/default, 2024-04-01).systemKeys.blobs_extension}", url, StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_Source_IsTheMainTemplatesSystemTopic()
    {
        Assert.Equal("{parameters(systemTopicName)}/manuscripts-drop-folder", Subscription.Name);
        // The key is read at deployment and used in place; no output may carry it into the deployment history.
        Assert.DoesNotContain(bicep.DropFolder.Root.GetProperty("outputs").EnumerateObject(),
            output => output.Value.GetProperty("value").GetString()!.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Subscription_Defaults_MatchTheCodesNames()
    {
        var parameters = bicep.DropFolder.Root.GetProperty("parameters");

        Assert.Equal(JobsOptions.DefaultManuscriptsContainer, parameters.GetProperty("manuscriptsContainerName").GetProperty("defaultValue").GetString());
        Assert.Equal(new JobsOptions().ManuscriptsContainer, parameters.GetProperty("manuscriptsContainerName").GetProperty("defaultValue").GetString());
        Assert.Equal(ManuscriptProcessor.JobUploadPrefix, parameters.GetProperty("jobUploadPrefix").GetProperty("defaultValue").GetString());
    }

    public static TheoryData<string, string, bool> BlobEvents => new()
    {
        { "Microsoft.Storage.BlobCreated", "manuscripts/article.txt", true },
        { "Microsoft.Storage.BlobCreated", "manuscripts/editors/2025/lienz.docx", true },
        // A job upload, as JobService names it: the queue checks it, the drop folder must not even download it.
        { "Microsoft.Storage.BlobCreated", $"manuscripts/{ManuscriptProcessor.JobUploadPrefix}3f9c0a7e2b/01-article.txt", false },
        { "Microsoft.Storage.BlobCreated", "manuscripts/JOBS/3f9c0a7e2b/01-article.txt", false },
        // Only the folder named jobs/, not a drop-folder file whose name starts with "jobs".
        { "Microsoft.Storage.BlobCreated", "manuscripts/jobs-list.txt", true },
        { "Microsoft.Storage.BlobCreated", "reports/article.report.json", false },
        { "Microsoft.Storage.BlobCreated", "manuscripts-archive/article.txt", false },
        { "Microsoft.Storage.BlobCreated", "factsets/repatriation.json", false },
        { "Microsoft.Storage.BlobDeleted", "manuscripts/article.txt", false },
    };

    [Theory]
    [MemberData(nameof(BlobEvents))]
    public void Filter_BlobEvent_DeliveredOnlyForNewDropFolderManuscripts(string eventType, string containerAndBlob, bool delivered)
    {
        var slash = containerAndBlob.IndexOf('/');
        var subject = $"/blobServices/default/containers/{containerAndBlob[..slash]}/blobs/{containerAndBlob[(slash + 1)..]}";

        Assert.Equal(delivered, Delivers(Subscription, eventType, subject));
    }

    /// <summary>
    /// Event Grid's filtering, for the parts this subscription uses: event types, subjectBeginsWith/EndsWith
    /// (case-insensitive unless isSubjectCaseSensitive) and advanced filters on the subject, all of which must pass.
    /// </summary>
    private static bool Delivers(ArmResource subscription, string eventType, string subject)
    {
        var filter = Assert.IsType<Dictionary<string, object?>>(subscription.Resolve("properties.filter"));
        var types = Assert.IsType<List<object?>>(filter["includedEventTypes"]);
        var comparison = filter.TryGetValue("isSubjectCaseSensitive", out var sensitive) && sensitive is true
            ? StringComparison.Ordinal
            : StringComparison.OrdinalIgnoreCase;
        if (!types.Contains(eventType)
            || (filter.TryGetValue("subjectBeginsWith", out var begins) && !subject.StartsWith((string)begins!, comparison))
            || (filter.TryGetValue("subjectEndsWith", out var ends) && !subject.EndsWith((string)ends!, comparison)))
        {
            return false;
        }

        var advanced = filter.TryGetValue("advancedFilters", out var list) ? Assert.IsType<List<object?>>(list) : [];
        return advanced.Cast<Dictionary<string, object?>>().All(rule =>
        {
            Assert.Equal("subject", rule["key"]);
            var values = Assert.IsType<List<object?>>(rule["values"]).Cast<string>().ToList();
            // Advanced string filters are case-insensitive.
            return rule["operatorType"] switch
            {
                "StringNotBeginsWith" => !values.Any(value => subject.StartsWith(value, StringComparison.OrdinalIgnoreCase)),
                "StringBeginsWith" => values.Any(value => subject.StartsWith(value, StringComparison.OrdinalIgnoreCase)),
                var other => throw new NotSupportedException($"No evaluator for advanced filter {other}"),
            };
        });
    }
}
