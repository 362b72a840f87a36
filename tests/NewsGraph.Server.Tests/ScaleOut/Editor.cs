using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;

namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>The editor's requests to one instance (started with <see cref="EditorServer.Settings"/>).</summary>
public static class Editor
{
    /// <summary>Runs an operation as the editor and returns its data (asserting there is no GraphQL error).</summary>
    public static async Task<JsonNode> EditAsync(ServerProcess server, string query, object? variables = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var response = await server.Http.PostJsonAsync(GraphQLHttp.Request(query, variables), configure: r => r.Headers.Add("X-Api-Key", EditorServer.ApiKey));
        return response.SuccessfulData();
    }

    /// <summary>Creates an article by the first author in the first category and publishes it; its slug.</summary>
    public static async Task<string> PublishArticleAsync(ServerProcess server, string title)
    {
        var ids = await EditAsync(server, "{ authors(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } }");
        var created = (await EditAsync(
            server,
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version slug } } }",
            new { input = new { title, body = "Seen everywhere.", authorId = (string)ids["authors"]!["nodes"]![0]!["id"]!, categoryId = (string)ids["categories"]!["nodes"]![0]!["id"]! } }))
            ["createArticle"]!["article"]!;
        var published = await EditAsync(
            server,
            "mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { slug } errors { __typename } } }",
            new { input = new { id = (string)created["id"]!, version = (int)created["version"]! } });
        Assert.True(published["publishArticle"]!["errors"] is null, published.ToJsonString());
        return (string)created["slug"]!;
    }
}
