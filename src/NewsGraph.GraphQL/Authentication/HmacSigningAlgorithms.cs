using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// The HMAC algorithms bearer tokens may be signed with, and the key each needs: RFC 7518 §3.2 requires a key at least
/// as long as the hash, and the token handler refuses a shorter one (a 32-byte key cannot verify HS384 or HS512).
/// </summary>
public static class HmacSigningAlgorithms
{
    /// <summary>Algorithm name (the JWT <c>alg</c>) and the shortest key it accepts, in bytes.</summary>
    public static IReadOnlyList<(string Name, int MinimumKeyBytes)> All { get; } =
    [
        (SecurityAlgorithms.HmacSha256, 32),
        (SecurityAlgorithms.HmacSha384, 48),
        (SecurityAlgorithms.HmacSha512, 64),
    ];

    /// <summary>
    /// The algorithms to accept with a key of <paramref name="keyBytes"/>: the <paramref name="configured"/> ones, or,
    /// when none are configured, every one the key is long enough for.
    /// </summary>
    /// <exception cref="InvalidOperationException">An unknown algorithm, or one the key is too short for: a server that
    /// could never verify the tokens it is configured for must not start.</exception>
    public static IReadOnlyList<string> Select(IEnumerable<string> configured, int keyBytes)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var names = configured.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        if (names.Count == 0)
        {
            return [.. All.Where(a => a.MinimumKeyBytes <= keyBytes).Select(a => a.Name)];
        }

        foreach (var name in names)
        {
            var algorithm = All.FirstOrDefault(a => a.Name.Equals(name, StringComparison.Ordinal));
            if (algorithm.Name is null)
            {
                throw new InvalidOperationException(
                    $"Authentication:Jwt:Algorithms: '{name}' is not supported; use {string.Join(", ", All.Select(a => a.Name))}.");
            }

            if (algorithm.MinimumKeyBytes > keyBytes)
            {
                throw new InvalidOperationException(
                    $"Authentication:Jwt:SigningKey has {keyBytes} bytes, but {name} needs at least {algorithm.MinimumKeyBytes} " +
                    $"(create one with `openssl rand 64 | openssl base64 -A`).");
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }
}
