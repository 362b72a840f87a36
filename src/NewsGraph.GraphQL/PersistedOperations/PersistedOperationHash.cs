using System.Security.Cryptography;

namespace NewsGraph.GraphQL.PersistedOperations;

/// <summary>Lowercase hex digests, the id formats of trusted documents (MD5) and of APQ (SHA-256).</summary>
public static class PersistedOperationHash
{
    // MD5 is not used for security here: it is Hot Chocolate's and Relay's document id format, and ids are only
    // looked up among documents the server already trusts.
#pragma warning disable CA5351
    public static string Md5(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
