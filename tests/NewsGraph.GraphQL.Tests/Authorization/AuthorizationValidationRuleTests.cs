using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.GraphQL.Tests.Authorization;

/// <summary>
/// The authorization rule over real HTTP: refused operations get a clear error with Hot Chocolate's code, HTTP 400
/// (a validation error under application/graphql-response+json), and no resolver runs.
/// </summary>
public sealed class AuthorizationValidationRuleTests(AuthorizationTestServer server) : IClassFixture<AuthorizationTestServer>
{
    private static readonly Action<HttpRequestHeaders> Anonymous = _ => { };

    private static Action<HttpRequestHeaders> Key(string key) => h => h.Add("X-Api-Key", key);

    private static Action<HttpRequestHeaders> Bearer(params string[] roles) => h => h.Authorization = new AuthenticationHeaderValue("Bearer",
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "tests",
            Audience = "tests",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "jwt-user", ["roles"] = roles },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(AuthorizationTestServer.SigningKey)), SecurityAlgorithms.HmacSha256),
        }));

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(Action<HttpRequestHeaders> authorize, string query, string? operationName = null)
    {
        var response = await server.Http.PostJsonAsync(GraphQLHttp.Request(query, operationName: operationName), configure: r => authorize(r.Headers));
        using var body = JsonDocument.Parse(response.Text);
        return (response.StatusCode, body.RootElement.Clone());
    }

    private static string[] Codes(JsonElement body) =>
        [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!)];

    [Fact]
    public async Task An_anonymous_mutation_is_refused_before_anything_executes()
    {
        var before = server.Runs.Total;

        var (status, body) = await PostAsync(Anonymous, "mutation { write }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("AUTH_NOT_AUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(
            "The current user is not authorized to access this resource: the type 'Mutation' requires an authenticated user. Send credentials with the request.",
            error.GetProperty("message").GetString());
        Assert.Equal(before, server.Runs.Total);
    }

    [Fact]
    public async Task A_refused_field_stops_the_whole_operation_including_allowed_fields()
    {
        var before = server.Runs.Total;

        var (status, body) = await PostAsync(Anonymous, "{ public editorial }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes(body));
        Assert.Contains("the field 'Query.editorial'", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, server.Runs.Total);
    }

    [Fact]
    public async Task An_authenticated_user_without_the_role_is_not_authorized()
    {
        var (status, body) = await PostAsync(Key(AuthorizationTestServer.CmsKey), "mutation { write }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(body));
        Assert.Equal(
            "The current user is not authorized to access this resource: the field 'Mutation.write' requires one of the roles 'editor', 'admin'.",
            body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(AuthorizationTestServer.EditorKey)]
    [InlineData(AuthorizationTestServer.AdminKey)]
    public async Task Either_role_may_mutate(string key)
    {
        var runs = server.Runs.Count("write");
        var (status, body) = await PostAsync(Key(key), "mutation { write }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("write", body.GetProperty("data").GetProperty("write").GetString());
        Assert.Equal(runs + 1, server.Runs.Count("write"));
    }

    [Fact]
    public async Task Jwt_roles_array_is_honoured()
    {
        var (status, body) = await PostAsync(Bearer("viewer", "editor"), "mutation { write } ");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("write", body.GetProperty("data").GetProperty("write").GetString());

        var (refused, refusal) = await PostAsync(Bearer("viewer"), "mutation { write }");
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(refusal));
    }

    [Fact]
    public async Task AllowAnonymous_lifts_the_root_type_requirement_only_for_that_field()
    {
        var (status, body) = await PostAsync(Anonymous, "mutation { ping }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ping", body.GetProperty("data").GetProperty("ping").GetString());
    }

    [Fact]
    public async Task Authorize_requires_any_authenticated_user()
    {
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes((await PostAsync(Anonymous, "{ signedIn }")).Body));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Key(AuthorizationTestServer.CmsKey), "{ signedIn }")).Status);
    }

    [Fact]
    public async Task Policies_are_evaluated_by_ASP_NET_Core_authorization()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Key(AuthorizationTestServer.CmsKey), "{ policy }")).Status);
        var (status, body) = await PostAsync(Key(AuthorizationTestServer.EditorKey), "{ policy }");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(body));
        Assert.Contains("the policy 'HasNameCms'", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protected_types_are_checked_through_fragments_and_reported_once()
    {
        var (status, body) = await PostAsync(Key(AuthorizationTestServer.EditorKey), """
            query { secret { ...S code } again: secret { code } }
            fragment S on Secret { code }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], Codes(body));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Key(AuthorizationTestServer.AdminKey), "{ secret { ...S } } fragment S on Secret { code }")).Status);
    }

    [Fact]
    public async Task Only_the_executed_operation_is_checked()
    {
        const string Document = "query Read { public } mutation Write { write }";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Anonymous, Document, "Read")).Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes((await PostAsync(Anonymous, Document, "Write")).Body));
    }

    [Fact]
    public async Task The_same_document_is_checked_again_for_every_user()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Key(AuthorizationTestServer.EditorKey), "{ editorial }")).Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], Codes((await PostAsync(Anonymous, "{ editorial }")).Body));
    }

    [Fact]
    public async Task Introspection_and_typename_need_no_credentials()
    {
        var (status, _) = await PostAsync(Anonymous, "{ __typename __schema { queryType { name } } }");
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
