using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>The same table against a server with API keys but no JWT signing key: bearer tokens are refused everywhere.</summary>
public sealed class CredentialTableWithoutJwtTests(CredentialTableWithoutJwtTests.Fixture fixture) : IClassFixture<CredentialTableWithoutJwtTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private NewsGraphServer? _server;

        public NewsGraphServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

        public async Task InitializeAsync() =>
            _server = await NewsGraphServer.StartAsync(TestCredentials.Settings.Where(s => !s.Key.StartsWith("Authentication:Jwt:", StringComparison.Ordinal)));

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }

    public static TheoryData<CredentialTransport, string> Cases => CredentialCases.Table(CredentialCases.WithoutJwt);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_credential_gets_the_same_answer_on_every_transport(CredentialTransport transport, string name)
    {
        var credential = CredentialCases.Find(CredentialCases.WithoutJwt, name);

        var outcome = await CredentialProbe.SendAsync(fixture.Server, transport, credential);

        Assert.Equal(CredentialTableTests.Expected(credential, transport), outcome);
    }

    [Fact]
    public async Task A_bearer_token_is_told_to_use_an_API_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query={__typename}");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestCredentials.EditorJwt());
        using var response = await fixture.Server.Http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["ApiKey"], response.Headers.WwwAuthenticate.Select(c => c.Scheme));
    }
}
