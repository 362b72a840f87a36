using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>
/// A real server with one editor API key configured the way operators do (hashed), a client that sends it, and
/// direct database access for checking what was (not) written.
/// </summary>
public sealed class EditorServer : IAsyncDisposable
{
    public const string ApiKey = "ng-test-editor-key-8f3c1d";

    private EditorServer(NewsGraphServer server) => Server = server;

    public NewsGraphServer Server { get; }

    public static async Task<EditorServer> StartAsync(
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        NewsTestDatabase? database = null) =>
        new(await NewsGraphServer.StartAsync(Settings(settings), configureServices, database));

    public static Dictionary<string, string> Settings(IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Authentication:ApiKeys:0:Name"] = "cms",
            ["Authentication:ApiKeys:0:Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Authentication:ApiKeys:0:Roles:0"] = "editor",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>POSTs as the editor.</summary>
    public Task<GraphQLResponse> EditAsync(string query, object? variables = null) =>
        Server.Http.PostJsonAsync(GraphQLHttp.Request(query, variables), configure: r => r.Headers.Add("X-Api-Key", ApiKey));

    /// <summary>Runs a mutation as the editor and returns its payload (asserting there is no GraphQL error).</summary>
    public async Task<JsonObject> MutateAsync(string field, string inputType, object input, string selection)
    {
        var response = await EditAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} }} }}", new { input });
        return response.SuccessfulData()[field]!.AsObject();
    }

    /// <summary>An editor's view of the database (drafts included).</summary>
    public async Task<T> DatabaseAsync<T>(Func<NewsDbContext, Task<T>> read)
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        db.WithUnpublished();
        return await read(db);
    }

    /// <summary>
    /// Creates a draft by the first author in <paramref name="categoryId"/> (default: the first category) and publishes
    /// it; the published article's id, version and status.
    /// </summary>
    public async Task<JsonNode> CreateAndPublishAsync(string title, bool isBreaking, string? categoryId = null)
    {
        var authorId = await FirstIdAsync("authors");
        categoryId ??= await FirstIdAsync("categories");
        var created = await MutateAsync("createArticle", "CreateArticleInput",
            new { title, body = "It happens *now*.", authorId, categoryId }, "article { id version }");
        var published = await MutateAsync("publishArticle", "PublishArticleInput",
            new { id = (string)created["article"]!["id"]!, version = (int)created["article"]!["version"]!, isBreaking },
            "article { id version status } errors { __typename }");
        Assert.True(published["errors"] is null, published.ToJsonString());
        return published["article"]!;
    }

    public async Task<string> FirstIdAsync(string connection)
    {
        var response = await Server.PostAsync($"{{ {connection}(first: 1) {{ nodes {{ id }} }} }}");
        return (string)response.SuccessfulData()[connection]!["nodes"]![0]!["id"]!;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
