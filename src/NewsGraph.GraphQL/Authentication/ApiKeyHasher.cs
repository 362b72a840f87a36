using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>Creates keys and the hashes configuration stores for them.</summary>
public static class ApiKeyHasher
{
    /// <summary>Key length in random bytes: 256 bits, so a plain (unsalted) SHA-256 of it cannot be brute-forced.</summary>
    public const int KeyBytes = 32;

    /// <summary>A new random key, URL-safe base64 (no padding) so it fits a header and a shell without quoting.</summary>
    public static string CreateKey()
        => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 of the key's UTF-8 bytes as lowercase hex: the form configuration stores.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(HashBytes(key));
    }

    internal static byte[] HashBytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
