using System.Security.Claims;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Reads roles from a token's <c>role</c> and <c>roles</c> claims into single <c>role</c> claims, which
/// <see cref="ClaimsPrincipal.IsInRole"/> and the authorization rule check. Each claim is either one string, which is
/// exactly one role (never split on spaces or commas, never parsed as JSON), or an array of strings, each exactly one
/// role. Anything else (a number, an object, an array holding anything but strings) grants no role at all: a claim the
/// issuer did not shape as we expect is not guessed at.
/// </summary>
internal static class JwtRoleClaims
{
    public const string RolesClaimType = "roles";

    public static void Normalize(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var roles = new List<(string Role, string Issuer)>();
        foreach (var claimType in new[] { ApiKeyAuthenticationDefaults.RoleClaimType, RolesClaimType })
        {
            // The token handler turns a JSON array into one claim per element, typed by the element's JSON kind; a
            // nested array or an object becomes a claim of a JSON value type, a number one of a numeric type.
            var claims = identity.FindAll(claimType).ToList();
            foreach (var claim in claims)
            {
                identity.RemoveClaim(claim);
            }

            if (claims.All(c => c.ValueType == ClaimValueTypes.String))
            {
                roles.AddRange(claims.Where(c => c.Value.Length > 0).Select(c => (c.Value, c.Issuer)));
            }
        }

        foreach (var (role, issuer) in roles.DistinctBy(r => r.Role, StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ApiKeyAuthenticationDefaults.RoleClaimType, role, ClaimValueTypes.String, issuer));
        }
    }
}
