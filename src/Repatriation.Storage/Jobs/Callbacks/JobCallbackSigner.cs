using System.Security.Cryptography;
using System.Text;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>The callback's signature: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body, keyed by Jobs__CallbackSecret.</summary>
public static class JobCallbackSigner
{
    public const string SignatureHeader = "X-Repatriation-Signature";
    public const string DeliveryHeader = "X-Repatriation-Delivery";
    public const string EventHeader = "X-Repatriation-Event";
    public const string CompletedEvent = "job.completed";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));
}
