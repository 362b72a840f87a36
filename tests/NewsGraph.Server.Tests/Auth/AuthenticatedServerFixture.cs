using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Auth;

/// <summary>One real server with the sample data and the test credentials configured, shared by a collection.</summary>
public sealed class AuthenticatedServerFixture : IAsyncLifetime
{
    private NewsGraphServer? _server;

    public NewsGraphServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await NewsGraphServer.StartAsync(TestCredentials.Settings);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>POSTs a GraphQL request as <paramref name="viewer"/>.</summary>
    public Task<GraphQLResponse> PostAsync(Viewer viewer, string query, object? variables = null) =>
        PostAsync(Server, request => viewer.Authorize(request.Headers), query, variables);

    public static Task<GraphQLResponse> PostAsync(NewsGraphServer server, Action<HttpRequestMessage> authorize, string query, object? variables = null) =>
        server.Http.PostJsonAsync(GraphQLHttp.Request(query, variables), configure: authorize);
}

[CollectionDefinition(Name)]
public sealed class AuthenticatedServer : ICollectionFixture<AuthenticatedServerFixture>
{
    public const string Name = "Server with sample data and credentials";
}
