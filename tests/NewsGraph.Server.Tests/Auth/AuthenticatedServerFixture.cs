using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    public static async Task<GraphQLResponse> PostAsync(NewsGraphServer server, Action<HttpRequestMessage> authorize, string query, object? variables = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        authorize(request);
        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(text)!.AsObject(), text);
    }
}

[CollectionDefinition(Name)]
public sealed class AuthenticatedServer : ICollectionFixture<AuthenticatedServerFixture>
{
    public const string Name = "Server with sample data and credentials";
}
