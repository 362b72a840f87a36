using System.Security.Claims;
using System.Security.Cryptography;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Checks presented keys against the configured hashes. Shared by the HTTP authentication handler and by
/// transports that receive a key elsewhere (a WebSocket <c>connection_init</c> payload).
/// </summary>
public sealed class ApiKeyValidator
{
    private readonly List<(ApiKeyDefinition Definition, byte[] Hash)> _keys;

    /// <exception cref="ArgumentException">A definition without a name or whose hash is not 64 hex digits: refused at
    /// startup, because a typo there would otherwise lock a client out without saying why.</exception>
    public ApiKeyValidator(IEnumerable<ApiKeyDefinition> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var parsed = new List<(ApiKeyDefinition Definition, byte[] Hash)>();
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                throw new ArgumentException("Every configured API key needs a Name.", nameof(keys));
            }

            if (key.Hash is not { Length: 64 } || !key.Hash.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException(
                    $"The API key '{key.Name}' must have a Hash of 64 hex digits (the SHA-256 of the key; see `apikey create`).", nameof(keys));
            }

            parsed.Add((key, Convert.FromHexString(key.Hash)));
        }

        _keys = parsed;
    }

    public bool HasKeys => _keys.Count > 0;

    /// <summary>The identity of <paramref name="presentedKey"/>, or null when no configured key matches.</summary>
    public ClaimsPrincipal? Validate(string presentedKey, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        var presented = ApiKeyHasher.HashBytes(presentedKey);
        ApiKeyDefinition? match = null;
        // Every configured hash is compared, in constant time, whatever matched before: neither the timing of one
        // comparison nor the number of comparisons tells an attacker how close a guess was or which key it hit.
        // (Comparing hashes rather than keys also keeps the key's length out of the timing.)
        foreach (var (definition, hash) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match ??= definition;
            }
        }

        return match is null ? null : CreatePrincipal(match, authenticationType);
    }

    private static ClaimsPrincipal CreatePrincipal(ApiKeyDefinition key, string authenticationType)
    {
        var identity = new ClaimsIdentity(
            authenticationType, ApiKeyAuthenticationDefaults.NameClaimType, ApiKeyAuthenticationDefaults.RoleClaimType);
        identity.AddClaim(new Claim(ApiKeyAuthenticationDefaults.NameClaimType, key.Name));
        foreach (var role in key.Roles.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ApiKeyAuthenticationDefaults.RoleClaimType, role));
        }

        return new ClaimsPrincipal(identity);
    }
}
