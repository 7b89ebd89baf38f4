using Azure.Identity;
using Repatriation.Storage;

namespace Repatriation.Storage.Tests;

public sealed class AzureCredentialsTests
{
    private const string ClientId = "5b1f3c2e-8d4a-4e6b-9c7d-0a1b2c3d4e5f";
    private const string IdentityEndpoint = "http://localhost:42356/msi/token";

    private static Func<string, string?> Environment(string? clientId, string? identityEndpoint) => name => name switch
    {
        AzureCredentials.ClientIdVariable => clientId,
        AzureCredentials.IdentityEndpointVariable => identityEndpoint,
        _ => null,
    };

    [Fact]
    public void ManagedIdentityClientId_InAzureWithClientId_IsTheClientId() =>
        Assert.Equal(ClientId, AzureCredentials.ManagedIdentityClientId(Environment(ClientId, IdentityEndpoint)));

    [Theory]
    [InlineData(ClientId, null)]
    [InlineData(ClientId, "")]
    [InlineData(null, IdentityEndpoint)]
    [InlineData(" ", IdentityEndpoint)]
    [InlineData(null, null)]
    public void ManagedIdentityClientId_OutsideAzureOrWithoutClientId_IsNull(string? clientId, string? identityEndpoint) =>
        Assert.Null(AzureCredentials.ManagedIdentityClientId(Environment(clientId, identityEndpoint)));

    [Fact]
    public void Create_InAzureWithClientId_IsManagedIdentityCredential() =>
        Assert.IsType<ManagedIdentityCredential>(AzureCredentials.Create(Environment(ClientId, IdentityEndpoint)));

    // A developer's machine with a service principal in AZURE_CLIENT_ID (and a secret) keeps DefaultAzureCredential.
    [Theory]
    [InlineData(ClientId, null)]
    [InlineData(null, null)]
    [InlineData(null, IdentityEndpoint)]
    public void Create_Elsewhere_IsDefaultAzureCredential(string? clientId, string? identityEndpoint) =>
        Assert.IsType<DefaultAzureCredential>(AzureCredentials.Create(Environment(clientId, identityEndpoint)));
}
