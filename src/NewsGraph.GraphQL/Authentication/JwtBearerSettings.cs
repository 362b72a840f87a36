namespace NewsGraph.GraphQL.Authentication;

/// <summary>Bearer tokens signed with a shared (HMAC) key; the issuer and audience tokens must carry.</summary>
public sealed class JwtBearerSettings
{
    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256 needs a key as long as its hash).</summary>
    public string? SigningKey { get; set; }

    /// <summary>Whether bearer tokens are accepted at all: a signing key is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningKey);
}
