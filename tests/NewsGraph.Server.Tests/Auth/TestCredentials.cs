using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>The credentials an authenticated test server is configured with, and JWTs minted with its signing key.</summary>
internal static class TestCredentials
{
    public const string EditorKey = "test-editor-key-4f1c2a9e7b";
    public const string AdminKey = "test-admin-key-8d3e6f0a1c";
    public const string NoRoleKey = "test-norole-key-2b7c9d4e6f";
    public const string Issuer = "newsgraph";
    public const string Audience = "newsgraph";

    // 32 bytes, base64: the minimum the server accepts.
    public static readonly string SigningKey = Convert.ToBase64String("newsgraph-test-signing-key-32by!"u8.ToArray());

    /// <summary>The <c>Authentication</c> section in the documented format, as command-line settings.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Authentication:ApiKeys:0:Name", "cms"),
        new("Authentication:ApiKeys:0:Hash", ApiKeyHasher.Hash(EditorKey)),
        new("Authentication:ApiKeys:0:Roles:0", "editor"),
        new("Authentication:ApiKeys:1:Name", "ops"),
        new("Authentication:ApiKeys:1:Hash", ApiKeyHasher.Hash(AdminKey)),
        new("Authentication:ApiKeys:1:Roles:0", "admin"),
        new("Authentication:ApiKeys:2:Name", "newsletter"),
        new("Authentication:ApiKeys:2:Hash", ApiKeyHasher.Hash(NoRoleKey)),
        new("Authentication:Jwt:Issuer", Issuer),
        new("Authentication:Jwt:Audience", Audience),
        new("Authentication:Jwt:SigningKey", SigningKey),
    ];

    /// <summary>A token as an identity provider would issue it; <paramref name="rolesClaim"/> "role" or "roles".</summary>
    public static string Jwt(
        IReadOnlyList<string> roles,
        string rolesClaim = "role",
        string? signingKey = null,
        string issuer = Issuer,
        TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = "jane.editor" };
        if (roles.Count > 0)
        {
            claims[rolesClaim] = roles.Count == 1 && rolesClaim == "role" ? roles[0] : roles.ToArray();
        }

        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Claims = claims,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string EditorJwt() => Jwt(["editor"]);

    /// <summary>
    /// A valid token whose further claims are <paramref name="claimsJson"/> exactly as an issuer would write them (any
    /// JSON shape), signed with <paramref name="algorithm"/>.
    /// </summary>
    public static string JwtWithClaims(string claimsJson, string algorithm = SecurityAlgorithms.HmacSha256, string? signingKey = null)
    {
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(claimsJson)!.ToDictionary(c => c.Key, c => (object)c.Value);
        claims["sub"] = "jane.editor";
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey ?? SigningKey)), algorithm),
        });
    }
}
