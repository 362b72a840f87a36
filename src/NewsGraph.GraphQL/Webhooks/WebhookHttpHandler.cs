using System.Net;
using System.Net.Sockets;

namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// The connection policy of webhook requests: no proxy, no redirects (a 3xx is a failed attempt; following it could
/// lead anywhere), and every connection made to an address <see cref="WebhookAddressPolicy"/> allows — checked on the
/// address actually connected to, after resolving, so DNS rebinding cannot turn a registered public name into a
/// private address.
/// </summary>
public static class WebhookHttpHandler
{
    public static SocketsHttpHandler Create(WebhookAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxResponseHeadersLength = 16,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookAddressPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = await WebhookAddressPolicy.ResolveAsync(endPoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.FirstOrDefault(a => !policy.IsAllowed(a)) is { } refused)
        {
            // All or nothing: a name that resolves to a private address among public ones is refused whole.
            throw new WebhookAddressRefusedException($"{endPoint.Host} resolves to {refused}, which webhooks may not call.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A webhook endpoint's host resolved to an address that may not be called.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
        : base("The webhook's address may not be called.")
    {
    }

    public WebhookAddressRefusedException(string message)
        : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
