namespace NewsGraph.Server.Tests.Auth;

/// <summary>
/// README "Authentication" as a table: every credential case gets the same answer over HTTP POST and GET, SSE, multipart HTTP, the
/// WebSocket upgrade request and the <c>connection_init</c> payload. A presented credential the server cannot accept
/// is refused everywhere, never served as anonymous.
/// </summary>
[Collection(AuthenticatedServer.Name)]
public sealed class CredentialTableTests(AuthenticatedServerFixture fixture)
{
    public static TheoryData<CredentialTransport, string> Cases => CredentialCases.Table(CredentialCases.WithJwt);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_credential_gets_the_same_answer_on_every_transport(CredentialTransport transport, string name)
    {
        var credential = CredentialCases.Find(CredentialCases.WithJwt, name);

        var outcome = await CredentialProbe.SendAsync(fixture.Server, transport, credential);

        Assert.Equal(Expected(credential, transport), outcome);
    }

    [Theory]
    [InlineData("garbage", "The Authorization header is not valid: use \"Bearer <token>\" or \"ApiKey <key>\".")]
    [InlineData("Bearer", "The bearer token is not valid.")]
    [InlineData("ApiKey", "The API key is not valid.")]
    public async Task An_unusable_Authorization_header_is_told_what_failed_and_which_schemes_to_use(string authorization, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await fixture.Server.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer", "ApiKey"], response.Headers.WwwAuthenticate.Select(c => c.Scheme));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(message, (string?)body["errors"]![0]!["message"]);
    }

    /// <summary>Over GET only a query runs, which cannot tell someone without a role from a reader.</summary>
    internal static CredentialOutcome Expected(CredentialCase credential, CredentialTransport transport) =>
        transport == CredentialTransport.HttpGet && credential.Outcome == CredentialOutcome.NoRole ? CredentialOutcome.Anonymous : credential.Outcome;
}
