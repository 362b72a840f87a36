namespace NewsGraph.GraphQL.Authentication;

/// <summary>Bearer tokens signed with a shared (HMAC) key; the issuer and audience tokens must carry.</summary>
public sealed class JwtBearerSettings
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>
    /// Base64 of at least 32 random bytes; HS384 needs 48 and HS512 64 (<see cref="HmacSigningAlgorithms"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The accepted <c>alg</c>s (<c>HS256</c>, <c>HS384</c>, <c>HS512</c>); empty: every one the key is long enough for.
    /// Empty by default because configuration binding adds to a list rather than replacing it.
    /// </summary>
    public IList<string> Algorithms { get; init; } = [];

    /// <summary>Whether bearer tokens are accepted at all: a signing key is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);
}
