using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.GraphQL.Tests.Authentication;

/// <summary>
/// Roles from real tokens, read by the real token handler: one string is one role, an array of strings one role per
/// element, and anything else no role at all.
/// </summary>
public sealed class JwtRoleClaimsTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);

    public static TheoryData<string, string[]> Claims => new()
    {
        // The claims as JSON, the roles they grant.
        { """{ "role": "editor" }""", ["editor"] },
        { """{ "roles": "editor" }""", ["editor"] },
        { """{ "role": ["editor", "admin"] }""", ["editor", "admin"] },
        { """{ "roles": ["newsletter", "editor"] }""", ["newsletter", "editor"] },
        { """{ "role": "admin", "roles": ["editor"] }""", ["admin", "editor"] },
        { """{ "role": "guest editor" }""", ["guest editor"] },
        { """{ "role": "reader,editor" }""", ["reader,editor"] },
        { """{ "roles": "reader, editor admin" }""", ["reader, editor admin"] },
        { """{ "role": " editor" }""", [" editor"] },
        { """{ "role": "[\"editor\"]" }""", ["[\"editor\"]"] },
        { """{ "role": "" }""", [] },
        { """{ "role": [] }""", [] },
        { """{ "role": [["editor"]] }""", [] },
        { """{ "role": ["reader", ["editor"]] }""", [] },
        { """{ "role": ["editor", 1] }""", [] },
        { """{ "role": { "name": "editor" } }""", [] },
        { """{ "role": [{ "name": "editor" }] }""", [] },
        { """{ "role": 1 }""", [] },
        { """{ "role": true }""", [] },
        { """{ "role": null }""", [] },
        // A malformed claim grants nothing, and takes nothing from a well-formed one.
        { """{ "role": [["admin"]], "roles": ["editor"] }""", ["editor"] },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task A_role_claim_is_one_string_or_an_array_of_strings(string claims, string[] expectedRoles)
    {
        var identity = await ValidateAsync(claims);

        JwtRoleClaims.Normalize(identity);

        var roles = identity.FindAll(ApiKeyAuthenticationDefaults.RoleClaimType).Select(c => c.Value).ToList();
        Assert.Equal(expectedRoles.Order(StringComparer.Ordinal), roles.Order(StringComparer.Ordinal));
        Assert.Empty(identity.FindAll(JwtRoleClaims.RolesClaimType));
        var principal = new ClaimsPrincipal(identity);
        Assert.Equal(expectedRoles.Contains("editor"), principal.IsInRole("editor"));
        Assert.Equal(expectedRoles.Contains("admin"), principal.IsInRole("admin"));
    }

    private static async Task<ClaimsIdentity> ValidateAsync(string claimsJson)
    {
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(claimsJson)!
            .ToDictionary(c => c.Key, c => (object)c.Value);
        claims["sub"] = "jane";
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            IssuerSigningKey = Key,
            RoleClaimType = ApiKeyAuthenticationDefaults.RoleClaimType,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return result.ClaimsIdentity;
    }
}
