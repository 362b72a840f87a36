using static NewsGraph.Server.Tests.Auth.CredentialOutcome;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// The credential table (README "Authentication"): every case runs on every <see cref="CredentialTransport"/> and must
/// get the same answer there.
/// </summary>
public static class CredentialCases
{
    private static readonly string EditorJwt = TestCredentials.EditorJwt();

    /// <summary>Against a server with API keys and a JWT signing key (<see cref="TestCredentials.Settings"/>).</summary>
    public static IReadOnlyList<CredentialCase> WithJwt { get; } =
    [
        new("nothing", null, null, Anonymous),

        new("X-Api-Key: editor key", null, TestCredentials.EditorKey, Editor),
        new("X-Api-Key: admin key", null, TestCredentials.AdminKey, Editor),
        new("Authorization: ApiKey editor key", "ApiKey " + TestCredentials.EditorKey, null, Editor),
        new("Authorization: apikey (any casing)", "apikey " + TestCredentials.EditorKey, null, Editor),
        new("Authorization: ApiKey, several spaces", "ApiKey   " + TestCredentials.EditorKey, null, Editor),
        new("Bearer editor JWT", "Bearer " + EditorJwt, null, Editor),
        new("bearer (any casing)", "bearer " + EditorJwt, null, Editor),
        new("BEARER (any casing)", "BEARER " + EditorJwt, null, Editor),
        new("Bearer JWT roles: [newsletter, editor]", "Bearer " + TestCredentials.Jwt(["newsletter", "editor"], "roles"), null, Editor),
        new("Bearer JWT role: [editor]", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": ["editor"] }"""), null, Editor),

        new("X-Api-Key: key without role", null, TestCredentials.NoRoleKey, NoRole),
        new("Bearer JWT without role", "Bearer " + TestCredentials.Jwt([]), null, NoRole),
        new("Bearer JWT role: 'guest editor'", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": "guest editor" }"""), null, NoRole),
        new("Bearer JWT role: 'reader,editor'", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": "reader,editor" }"""), null, NoRole),
        new("Bearer JWT roles: 'reader editor'", "Bearer " + TestCredentials.JwtWithClaims("""{ "roles": "reader editor" }"""), null, NoRole),
        new("Bearer JWT role: 'Editor'", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": "Editor" }"""), null, NoRole),
        new("Bearer JWT role: ' editor'", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": " editor" }"""), null, NoRole),
        new("Bearer JWT role: JSON text", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": "[\"editor\"]" }"""), null, NoRole),
        new("Bearer JWT role: [[editor]]", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": [["editor"]] }"""), null, NoRole),
        new("Bearer JWT role: [reader, [editor]]", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": ["reader", ["editor"]] }"""), null, NoRole),
        new("Bearer JWT roles: [editor, 1]", "Bearer " + TestCredentials.JwtWithClaims("""{ "roles": ["editor", 1] }"""), null, NoRole),
        new("Bearer JWT role: {name: editor}", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": { "name": "editor" } }"""), null, NoRole),
        new("Bearer JWT role: 1", "Bearer " + TestCredentials.JwtWithClaims("""{ "role": 1 }"""), null, NoRole),

        new("Authorization: (empty)", "", null, Refused),
        new("Authorization: (spaces)", "   ", null, Refused),
        new("Authorization: Bearer", "Bearer", null, Refused),
        new("Authorization: Bearer (trailing space)", "Bearer ", null, Refused),
        new("Authorization: Bearer<jwt> (no space)", "Bearer" + EditorJwt, null, Refused),
        new("Authorization: Bearer<tab><jwt>", "Bearer\t" + EditorJwt, null, Refused),
        new("Authorization: Basic", "Basic dXNlcjpwYXNz", null, Refused),
        new("Authorization: Api-Key editor key", "Api-Key " + TestCredentials.EditorKey, null, Refused),
        new("Authorization: garbage", "garbage", null, Refused),
        new("Authorization: ApiKey", "ApiKey", null, Refused),
        new("Authorization: ApiKey wrong", "ApiKey wrong", null, Refused),
        new("Authorization: ApiKey<key> (no space)", "ApiKey" + TestCredentials.EditorKey, null, Refused),
        new("Bearer not a JWT", "Bearer not.a.jwt", null, Refused),
        new("Bearer JWT signed with another key", "Bearer " + TestCredentials.Jwt(["editor"], signingKey: Convert.ToBase64String(new byte[32])), null, Refused),
        new("Bearer JWT of another issuer", "Bearer " + TestCredentials.Jwt(["editor"], issuer: "someone-else"), null, Refused),
        new("Bearer expired JWT", "Bearer " + TestCredentials.Jwt(["editor"], lifetime: TimeSpan.FromMinutes(-30)), null, Refused),
        new("X-Api-Key: (empty)", null, "", Refused),
        new("X-Api-Key: (spaces)", null, "   ", Refused),
        new("X-Api-Key: wrong", null, "wrong", Refused),
        new("X-Api-Key and Authorization: Bearer, both valid", "Bearer " + EditorJwt, TestCredentials.EditorKey, Refused),
        new("X-Api-Key valid, Authorization: Basic", "Basic dXNlcjpwYXNz", TestCredentials.EditorKey, Refused),
    ];

    /// <summary>Against a server with API keys but no JWT signing key: a bearer token can never be accepted.</summary>
    public static IReadOnlyList<CredentialCase> WithoutJwt { get; } =
    [
        new("nothing", null, null, Anonymous),
        new("X-Api-Key: editor key", null, TestCredentials.EditorKey, Editor),
        new("Authorization: ApiKey editor key", "ApiKey " + TestCredentials.EditorKey, null, Editor),
        new("Bearer editor JWT", "Bearer " + EditorJwt, null, Refused),
        new("Bearer not a JWT", "Bearer not.a.jwt", null, Refused),
        new("Authorization: Bearer", "Bearer", null, Refused),
        new("Authorization: Basic", "Basic dXNlcjpwYXNz", null, Refused),
    ];

    public static TheoryData<CredentialTransport, string> Table(IReadOnlyList<CredentialCase> cases)
    {
        var data = new TheoryData<CredentialTransport, string>();
        foreach (var transport in Enum.GetValues<CredentialTransport>())
        {
            foreach (var credential in cases)
            {
                data.Add(transport, credential.Name);
            }
        }

        return data;
    }

    public static CredentialCase Find(IReadOnlyList<CredentialCase> cases, string name) => cases.Single(c => c.Name == name);
}
