using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.GraphQL.Webhooks;

/// <summary>
/// The signature of a webhook request, in Stripe's documented scheme so receivers know it: the header value
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;" keyed with the secret&gt;</c>. The timestamp is
/// signed with the body, so a receiver that refuses old timestamps also refuses replays.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header value for <paramref name="body"/> (the exact bytes sent) at <paramref name="timestamp"/>.</summary>
    public static string Create(ReadOnlySpan<byte> body, string secret, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(seconds + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={seconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
