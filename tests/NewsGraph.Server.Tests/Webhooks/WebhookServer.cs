using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Auth;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Webhooks;

/// <summary>
/// A real server with the test credentials (an editor and an admin API key), webhook delivery made quick (short retry
/// pauses, a short poll) and, unless told otherwise, http to loopback allowed so that receivers on this machine can
/// be registered.
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    public const string Secret = "whsec-test-0123456789abcdef";

    private WebhookServer(NewsGraphServer server) => Server = server;

    public NewsGraphServer Server { get; }

    public static async Task<WebhookServer> StartAsync(bool allowHttpLoopback = true, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var all = new Dictionary<string, string>(TestCredentials.Settings)
        {
            ["Webhooks:AllowHttpLoopback"] = allowHttpLoopback ? "true" : "false",
            ["Webhooks:RetryDelays:0"] = "00:00:00.2",
            ["Webhooks:RetryDelays:1"] = "00:00:00.3",
            ["Webhooks:RetryDelays:2"] = "00:00:00.5",
            ["Webhooks:RetryDelays:3"] = "00:00:00.5",
            ["Webhooks:RetryDelays:4"] = "00:00:00.5",
            ["Webhooks:PollInterval"] = "00:00:00.1",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new WebhookServer(await NewsGraphServer.StartAsync(all));
    }

    public Task<GraphQLResponse> AsAdminAsync(string query, object? variables = null) => AsAsync(TestCredentials.AdminKey, query, variables);

    public Task<GraphQLResponse> AsEditorAsync(string query, object? variables = null) => AsAsync(TestCredentials.EditorKey, query, variables);

    public Task<GraphQLResponse> AsAsync(string? apiKey, string query, object? variables = null) =>
        Server.Http.PostJsonAsync(GraphQLHttp.Request(query, variables), configure: request =>
        {
            if (apiKey is not null)
            {
                request.Headers.Add("X-Api-Key", apiKey);
            }
        });

    /// <summary>Registers a webhook as the admin; its payload (<c>webhook { id url events }</c> and <c>errors</c>).</summary>
    public async Task<JsonObject> CreateWebhookAsync(string url, string[] events, string secret = Secret)
    {
        var response = await AsAdminAsync(
            "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id url events } errors { __typename ... on Error { message } ... on ValidationError { field } } } }",
            new { input = new { url, events, secret } });
        return response.SuccessfulData()["createWebhook"]!.AsObject();
    }

    /// <summary>Runs an article mutation as the editor and returns its <c>article { id version status }</c>.</summary>
    public async Task<JsonNode> ArticleAsync(string field, object input)
    {
        var inputType = char.ToUpperInvariant(field[0]) + field[1..] + "Input";
        var response = await AsEditorAsync(
            $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ article {{ id version status slug }} errors {{ __typename }} }} }}",
            new { input });
        var payload = response.SuccessfulData()[field]!;
        Assert.True(payload["errors"] is null, response.Text);
        return payload["article"]!;
    }

    public async Task<JsonNode> CreateDraftAsync(string title)
    {
        var authors = await Server.PostAsync("{ authors(first: 1) { nodes { id } } categories(first: 1) { nodes { id } } }");
        var data = authors.SuccessfulData();
        return await ArticleAsync("createArticle", new
        {
            title,
            body = "Body.",
            authorId = (string)data["authors"]!["nodes"]![0]!["id"]!,
            categoryId = (string)data["categories"]!["nodes"]![0]!["id"]!,
        });
    }

    /// <summary>The delivery log of every webhook, as the admin reads it.</summary>
    public async Task<JsonArray> WebhooksWithDeliveriesAsync()
    {
        var response = await AsAdminAsync(
            "{ webhooks(first: 50) { nodes { id url events deliveries(first: 50) { nodes { id eventType status attempts lastError lastAttemptAt nextAttemptAt responseStatusCode } } } } }");
        return response.SuccessfulData()["webhooks"]!["nodes"]!.AsArray();
    }

    public async Task<T> DatabaseAsync<T>(Func<NewsDbContext, Task<T>> read)
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        return await read(db.WithUnpublished());
    }

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
