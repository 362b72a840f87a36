namespace NewsGraph.GraphQL.Tests.TestHosting;

/// <summary>One <see cref="GraphQLTestServer"/> with <see cref="TestSchema"/> shared by a test class.</summary>
public sealed class GraphQLTestServerFixture : IAsyncLifetime
{
    private GraphQLTestServer? _server;

    public GraphQLTestServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await GraphQLTestServer.StartAsync();
        Client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Proves the server still answers a good request correctly (after a bad one).</summary>
    public async Task AssertStillServingAsync()
    {
        var response = await Client.PostQueryAsync("{ hello }");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (string?)response.Data!["hello"]);
    }
}
