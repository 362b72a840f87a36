using System.Net;
using System.Net.Http.Headers;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// Credentials over HTTP. A request without credentials is a reader; a PRESENTED credential that is not valid is
/// refused with 401 and a GraphQL error body — never served as anonymous, so a client learns its key is wrong.
/// </summary>
[Collection(AuthenticatedServer.Name)]
public sealed class AuthenticationTests(AuthenticatedServerFixture fixture)
{
    private const string Query = "{ articles(first: 1) { totalCount } }";

    public static TheoryData<string, string> InvalidCredentials => new()
    {
        { "X-Api-Key", "not-a-key" },
        { "X-Api-Key", "" },
        { "X-Api-Key", TestCredentials.EditorKey + "x" },
        { "X-Api-Key", TestCredentials.EditorKey.ToUpperInvariant() },
        { "Authorization", "ApiKey not-a-key" },
        { "Authorization", "ApiKey " },
        { "Authorization", "Bearer not.a.jwt" },
        { "Authorization", "Bearer " + TestCredentials.Jwt(["editor"], signingKey: Convert.ToBase64String(new byte[32])) },
        { "Authorization", "Bearer " + TestCredentials.Jwt(["editor"], issuer: "someone-else") },
        { "Authorization", "Bearer " + TestCredentials.Jwt(["editor"], lifetime: TimeSpan.FromMinutes(-30)) },
    };

    [Theory]
    [MemberData(nameof(InvalidCredentials))]
    public async Task A_presented_invalid_credential_is_401_with_a_GraphQL_error(string header, string value)
    {
        var response = await AuthenticatedServerFixture.PostAsync(
            fixture.Server, request => request.Headers.TryAddWithoutValidation(header, value), Query);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Data);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.SingleErrorCode());
        var message = (string?)response.Errors![0]!["message"];
        Assert.Matches("^The (API key|bearer token) (is not valid|has expired)\\.$", message);
    }

    [Fact]
    public async Task The_401_names_the_scheme_to_use()
    {
        using var apiKey = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}");
        apiKey.Headers.Add("X-Api-Key", "wrong");
        using var apiKeyResponse = await fixture.Server.Http.SendAsync(apiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, apiKeyResponse.StatusCode);
        Assert.Equal("ApiKey", apiKeyResponse.Headers.WwwAuthenticate.Single().Scheme);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var bearerResponse = await fixture.Server.Http.SendAsync(bearer);
        Assert.Equal(HttpStatusCode.Unauthorized, bearerResponse.StatusCode);
        Assert.Equal("Bearer", bearerResponse.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("apikey")]
    [InlineData("apikey-authorization")]
    [InlineData("jwt")]
    [InlineData("jwt-roles")]
    public async Task Valid_or_absent_credentials_are_served(string viewer)
    {
        var response = await fixture.PostAsync(Viewer.ByName(viewer), Query);
        Assert.True(response.SuccessfulData()["articles"]!["totalCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Keys_are_not_accepted_when_none_are_configured()
    {
        await using var server = await NewsGraphServer.StartAsync();
        var response = await AuthenticatedServerFixture.PostAsync(server, r => r.Headers.Add("X-Api-Key", TestCredentials.EditorKey), Query);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AUTH_NOT_AUTHENTICATED", response.SingleErrorCode());
    }
}
