using Azure.Core;
using Azure.Identity;

namespace Repatriation.Storage;

/// <summary>
/// The one place that decides how the service signs in to Azure. In Azure (the platform sets IDENTITY_ENDPOINT
/// when a managed identity is available) with AZURE_CLIENT_ID set, it is that user-assigned identity and nothing
/// else: DefaultAzureCredential would first try environment, workload and other credentials, each a wasted round
/// trip or a wrong identity. Anywhere else (a developer's az login, Visual Studio, a service principal in the
/// environment) DefaultAzureCredential finds what there is.
/// </summary>
public static class AzureCredentials
{
    /// <summary>The user-assigned identity's client id; infra/main.bicep sets it on the function app.</summary>
    public const string ClientIdVariable = "AZURE_CLIENT_ID";

    /// <summary>Set by App Service and Azure Functions when the app has a managed identity.</summary>
    public const string IdentityEndpointVariable = "IDENTITY_ENDPOINT";

    /// <summary>The client id of the managed identity to use, or null when DefaultAzureCredential should choose.</summary>
    public static string? ManagedIdentityClientId(Func<string, string?> environment)
    {
        var clientId = environment(ClientIdVariable);
        return string.IsNullOrWhiteSpace(environment(IdentityEndpointVariable)) || string.IsNullOrWhiteSpace(clientId)
            ? null
            : clientId.Trim();
    }

    public static TokenCredential Create() => Create(Environment.GetEnvironmentVariable);

    public static TokenCredential Create(Func<string, string?> environment) =>
        ManagedIdentityClientId(environment) is { } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
