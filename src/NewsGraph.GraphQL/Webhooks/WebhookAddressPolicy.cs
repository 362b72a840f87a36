using System.Net;
using System.Net.Sockets;

namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// Which webhook URLs may be registered and which addresses may be connected to (server-side request forgery): only
/// absolute <c>https</c> URLs (<c>http</c> to loopback with <see cref="WebhookDeliveryOptions.AllowHttpLoopback"/>), and
/// only public addresses unless <see cref="WebhookDeliveryOptions.AllowPrivateNetworks"/>. Registration checks what
/// the host resolves to now; <see cref="WebhookHttpHandler"/> checks again the address it actually connects to, so a
/// host that resolves differently later (DNS rebinding) is still refused.
/// </summary>
public sealed class WebhookAddressPolicy(WebhookDeliveryOptions options)
{
    public const int MaxUrlLength = 2048;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The problem with <paramref name="url"/> as a webhook URL, judged by its text alone; null when there is none.</summary>
    public string? CheckSyntax(string url, out Uri? parsed)
    {
        parsed = null;
        if (url.Length > MaxUrlLength)
        {
            return $"is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return options.AllowHttpLoopback
                ? "must be an absolute https URL (or http to a loopback host)."
                : "must be an absolute https URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(options.AllowHttpLoopback && IsLoopbackHost(uri)))
        {
            return options.AllowHttpLoopback
                ? "must use https; http is allowed to loopback hosts only."
                : "must use https.";
        }

        if (uri.UserInfo.Length > 0)
        {
            // Credentials in the URL would be shown in the webhook list; the secret signs requests instead.
            return "must not contain a user name or password.";
        }

        parsed = uri;
        return null;
    }

    /// <summary>The problem with <paramref name="url"/> including where its host resolves to now; null when there is none.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (CheckSyntax(url, out var uri) is { } problem)
        {
            return problem;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri!.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"has a host that could not be resolved ({uri!.Host}).";
        }

        return addresses.FirstOrDefault(a => !IsAllowed(a)) is { } refused
            ? $"resolves to {refused}, a {Describe(refused)} address; only public addresses may be called."
            : null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Classify(address) switch
        {
            AddressKind.Public => true,
            AddressKind.Loopback => options.AllowHttpLoopback || options.AllowPrivateNetworks,
            _ => options.AllowPrivateNetworks,
        };
    }

    /// <summary>The addresses of <paramref name="host"/> (an IP literal is its own), within a bounded time.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        var addresses = await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static bool IsLoopbackHost(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && Classify(address) == AddressKind.Loopback);

    private static string Describe(IPAddress address) => Classify(address) switch
    {
        AddressKind.Loopback => "loopback",
        AddressKind.Private => "private",
        AddressKind.LinkLocal => "link-local",
        AddressKind.Multicast => "multicast",
        _ => "reserved",
    };

    private enum AddressKind
    {
        Public,
        Loopback,
        Private,
        LinkLocal,
        Multicast,
        Reserved,
    }

    private static AddressKind Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // IPv4 inside IPv6 (::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) reaches the IPv4 address.
            if (address.IsIPv4MappedToIPv6)
            {
                return Classify(address.MapToIPv4());
            }

            var bytes = address.GetAddressBytes();
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return Classify(new IPAddress(bytes.AsSpan(12, 4)));
            }

            if (bytes[0] == 0x20 && bytes[1] == 0x02)
            {
                return Classify(new IPAddress(bytes.AsSpan(2, 4)));
            }

            if (IPAddress.IsLoopback(address))
            {
                return AddressKind.Loopback;
            }

            if (address.Equals(IPAddress.IPv6None) || bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            {
                // :: and the deprecated IPv4-compatible ::a.b.c.d.
                return AddressKind.Reserved;
            }

            return bytes[0] switch
            {
                0xff => AddressKind.Multicast,
                0xfc or 0xfd => AddressKind.Private,
                0xfe when (bytes[1] & 0xc0) == 0x80 => AddressKind.LinkLocal,
                0xfe when (bytes[1] & 0xc0) == 0xc0 => AddressKind.Private, // site-local (deprecated)
                _ when bytes[0] == 0x01 && bytes[1] == 0x00 && bytes.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => AddressKind.Reserved, // 100::/64 discard
                _ => AddressKind.Public,
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return AddressKind.Reserved;
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            127 => AddressKind.Loopback,
            0 => AddressKind.Reserved,
            10 => AddressKind.Private,
            100 when (v4[1] & 0xc0) == 64 => AddressKind.Private, // 100.64.0.0/10, carrier-grade NAT
            169 when v4[1] == 254 => AddressKind.LinkLocal, // includes cloud metadata at 169.254.169.254
            172 when (v4[1] & 0xf0) == 16 => AddressKind.Private,
            192 when v4[1] == 168 => AddressKind.Private,
            192 when v4[1] == 0 && v4[2] == 0 => AddressKind.Reserved,
            198 when (v4[1] & 0xfe) == 18 => AddressKind.Reserved, // 198.18.0.0/15, benchmarking
            >= 224 and <= 239 => AddressKind.Multicast,
            >= 240 => AddressKind.Reserved,
            _ => AddressKind.Public,
        };
    }
}
