using System.Security.Claims;
using System.Text.Json;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Token issuers spell roles as <c>role</c> or <c>roles</c>, as a string or an array: everything ends up as single
/// <c>role</c> claims, so <see cref="ClaimsPrincipal.IsInRole"/> and the authorization rule see them either way.
/// </summary>
internal static class JwtRoleClaims
{
    public const string RolesClaimType = "roles";

    public static void Normalize(ClaimsIdentity identity)
    {
        foreach (var claim in identity.FindAll(c => c.Type is RolesClaimType or ApiKeyAuthenticationDefaults.RoleClaimType).ToList())
        {
            var roles = Split(claim.Value);
            if (claim.Type == ApiKeyAuthenticationDefaults.RoleClaimType && roles.Count == 1 && roles[0] == claim.Value)
            {
                continue;
            }

            identity.RemoveClaim(claim);
            foreach (var role in roles)
            {
                if (!identity.HasClaim(ApiKeyAuthenticationDefaults.RoleClaimType, role))
                {
                    identity.AddClaim(new Claim(ApiKeyAuthenticationDefaults.RoleClaimType, role, ClaimValueTypes.String, claim.Issuer));
                }
            }
        }
    }

    // A JSON array claim arrives as one claim per element from the JWT handler, but a space-separated or JSON-text
    // value (some issuers) is split here too.
    private static List<string> Split(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<string>>(trimmed)?.Where(r => !string.IsNullOrWhiteSpace(r)).ToList() ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }

        return [.. trimmed.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
