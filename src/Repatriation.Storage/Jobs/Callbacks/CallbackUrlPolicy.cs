using System.Net;
using System.Net.Sockets;

namespace Repatriation.Storage.Jobs.Callbacks;

/// <summary>
/// Which callback URLs a job may name. Everywhere: absolute https URLs, no user info. The function app
/// (<see cref="PublicOnly"/>) resolves the host and refuses loopback, private, link-local and other non-public
/// addresses, at submission and again when connecting (a name may resolve elsewhere later). `serve`
/// (<see cref="LocalService"/>) runs on the user's machine: it also takes http to a loopback address.
/// </summary>
public sealed class CallbackUrlPolicy
{
    private CallbackUrlPolicy(bool allowLoopbackHttp, bool publicAddressesOnly)
    {
        AllowLoopbackHttp = allowLoopbackHttp;
        PublicAddressesOnly = publicAddressesOnly;
    }

    /// <summary>The deployed function app.</summary>
    public static CallbackUrlPolicy PublicOnly { get; } = new(allowLoopbackHttp: false, publicAddressesOnly: true);

    /// <summary>`serve`.</summary>
    public static CallbackUrlPolicy LocalService { get; } = new(allowLoopbackHttp: true, publicAddressesOnly: false);

    public bool AllowLoopbackHttp { get; }

    public bool PublicAddressesOnly { get; }

    /// <summary>Null when the URL may be used, else why not, in a sentence for a 400's detail.</summary>
    public async Task<string?> RefusalAsync(string? url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"callbackUrl must be an absolute https URL, not '{url}'.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "callbackUrl must not carry a user name or password; the callback is signed with the service's secret instead.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(AllowLoopbackHttp && IsLoopbackHost(uri)))
        {
            return AllowLoopbackHttp
                ? $"callbackUrl must use https, or http to a loopback address (127.0.0.1, [::1], localhost); '{uri.Host}' is neither."
                : "callbackUrl must use https.";
        }

        if (!PublicAddressesOnly)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException e)
        {
            return $"callbackUrl's host '{uri.Host}' cannot be resolved ({e.SocketErrorCode}).";
        }

        if (addresses.Length == 0)
        {
            return $"callbackUrl's host '{uri.Host}' has no address.";
        }

        var refused = addresses.FirstOrDefault(a => !IsPublic(a));
        return refused is null
            ? null
            : $"callbackUrl's host '{uri.Host}' resolves to {refused}, a loopback, private, link-local or otherwise non-public address; callbacks go only to public addresses.";
    }

    public static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>False for loopback, private (RFC 1918, fc00::/7), link-local, carrier-grade NAT, unspecified, multicast and documentation ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 192 && b[1] == 0 && b[2] == 2)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113)
                || b[0] >= 224);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8));
        }

        return false;
    }
}
