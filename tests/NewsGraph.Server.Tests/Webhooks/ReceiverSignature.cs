using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.Server.Tests.Webhooks;

/// <summary>
/// The README's C# verification of <c>X-NewsGraph-Signature</c>, verbatim between the markers (a test compares them),
/// used by the tests' Kestrel receivers.
/// </summary>
internal static class ReceiverSignature
{
    // README:begin
    // body: the request body exactly as received, before any JSON parsing.
    public static bool IsValidNewsGraphSignature(byte[] body, string? header, string secret, TimeSpan tolerance)
    {
        var parts = (header ?? "").Split(',').Select(part => part.Split('=', 2)).Where(pair => pair.Length == 2).ToList();
        var t = parts.Find(pair => pair[0] == "t")?[1];
        var v1 = parts.Find(pair => pair[0] == "v1")?[1];

        if (!long.TryParse(t, out var seconds) || v1 is null
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(t + "."), .. body]);
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(v1));
    }

    // README:end
}
