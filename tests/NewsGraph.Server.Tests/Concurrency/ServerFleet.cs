using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// Several real servers on one database (on the provider under test), as instances behind a load balancer would be:
/// each has its own connection pools, its own outbox dispatcher and its own process-local locks, so together they are
/// that many instances' worth of concurrent writers. Editors reach them over HTTP with the editor API key.
/// </summary>
public sealed class ServerFleet : IAsyncDisposable
{
    private ServerFleet(NewsTestDatabase database, IReadOnlyList<NewsGraphServer> servers)
    {
        Database = database;
        Servers = servers;
    }

    public NewsTestDatabase Database { get; }

    public IReadOnlyList<NewsGraphServer> Servers { get; }

    public static async Task<ServerFleet> StartAsync(
        int size,
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var database = await NewsTestDatabase.CreateAsync();
        var servers = new List<NewsGraphServer>();
        try
        {
            // One after another: the first migrates and seeds, the others find it done.
            for (var i = 0; i < size; i++)
            {
                servers.Add(await NewsGraphServer.StartAsync(EditorServer.Settings(settings), configureServices, database));
            }
        }
        catch
        {
            await new ServerFleet(database, servers).DisposeAsync();
            throw;
        }

        return new ServerFleet(database, servers);
    }

    /// <summary>POSTs as the editor to the instance <paramref name="instance"/> picks (round robin over any number).</summary>
    public Task<GraphQLResponse> EditAsync(int instance, string query, object? variables = null) =>
        Servers[instance % Servers.Count].Http.PostJsonAsync(
            GraphQLHttp.Request(query, variables), configure: r => r.Headers.Add("X-Api-Key", EditorServer.ApiKey));

    /// <summary>Runs a mutation on one instance and returns its payload, asserting there is no GraphQL error (no 500s).</summary>
    public async Task<JsonObject> MutateAsync(int instance, string field, string inputType, object input, string selection)
    {
        var response = await EditAsync(instance, $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ {selection} }} }}", new { input });
        return response.SuccessfulData()[field]!.AsObject();
    }

    /// <summary>The GraphQL IDs of the first <paramref name="count"/> nodes of a root connection.</summary>
    public async Task<List<string>> IdsAsync(string connection, int count)
    {
        var response = await Servers[0].PostAsync($"{{ {connection}(first: {count}) {{ nodes {{ id }} }} }}");
        return [.. response.SuccessfulData()[connection]!["nodes"]!.AsArray().Select(node => (string)node!["id"]!)];
    }

    /// <summary>Creates a draft with the first author and category on one instance; its id and version.</summary>
    public async Task<(string Id, int Version)> CreateDraftAsync(int instance, string title)
    {
        var authorId = (await IdsAsync("authors", 1))[0];
        var categoryId = (await IdsAsync("categories", 1))[0];
        var created = await MutateAsync(instance, "createArticle", "CreateArticleInput",
            new { title, body = "Filed by many desks at once.", authorId, categoryId }, "article { id version } errors { __typename }");
        Assert.True(created["errors"] is null, created.ToJsonString());
        return ((string)created["article"]!["id"]!, (int)created["article"]!["version"]!);
    }

    /// <summary>
    /// Starts <paramref name="count"/> writers that wait for one another and then begin together, so their requests
    /// overlap as much as the machine allows; their results in order.
    /// </summary>
    public static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> writer)
    {
        using var start = new SemaphoreSlim(0, count);
        var writers = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await writer(i);
        })).ToArray();
        start.Release(count);
        return await Task.WhenAll(writers);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
