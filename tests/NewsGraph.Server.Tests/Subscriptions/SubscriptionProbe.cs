using System.Text.Json.Nodes;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Tests.Subscriptions;

/// <summary>
/// A subscriber at the executor level: the operation runs through GraphQL.NET's DocumentExecuter against the
/// server's real schema and services, the way a transport runs it (request scope disposed after subscribing), and
/// every event result is kept as the JSON a client would receive.
/// </summary>
internal sealed class SubscriptionProbe : IObserver<ExecutionResult>, IDisposable
{
    private readonly Channel<JsonObject> _results = Channel.CreateUnbounded<JsonObject>();
    private readonly IGraphQLTextSerializer _serializer;
    private IDisposable? _subscription;

    private SubscriptionProbe(IGraphQLTextSerializer serializer) => _serializer = serializer;

    public static async Task<SubscriptionProbe> StartAsync(IServiceProvider services, string query, Inputs? variables = null)
    {
        var probe = new SubscriptionProbe(services.GetRequiredService<IGraphQLTextSerializer>());
        ExecutionResult result;
        using (var scope = services.CreateScope())
        {
            result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
            {
                Schema = services.GetRequiredService<ISchema>(),
                Query = query,
                Variables = variables,
                RequestServices = scope.ServiceProvider,
            });
        }

        Assert.True(result.Errors is null or { Count: 0 }, probe._serializer.Serialize(result));
        var stream = Assert.Single(result.Streams!).Value;
        probe._subscription = stream.Subscribe(probe);
        return probe;
    }

    /// <summary>The errors of a subscription that could not start.</summary>
    public static async Task<JsonObject> FailAsync(IServiceProvider services, string query)
    {
        using var scope = services.CreateScope();
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = query,
            RequestServices = scope.ServiceProvider,
        });
        Assert.Null(result.Streams);
        return JsonNode.Parse(services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result))!.AsObject();
    }

    /// <summary>The next event's result (<c>{"data": {...}}</c>).</summary>
    public async Task<JsonObject> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _results.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The article of the next event, without errors.</summary>
    public async Task<JsonObject> NextArticleAsync(string field, TimeSpan? timeout = null)
    {
        var result = await NextAsync(timeout);
        Assert.False(result.ContainsKey("errors"), result.ToJsonString());
        return result["data"]![field]!.AsObject();
    }

    public bool TryPeek(out JsonObject? result)
    {
        var found = _results.Reader.TryPeek(out var value);
        result = value;
        return found;
    }

    public void OnCompleted() => _results.Writer.TryComplete();

    public void OnError(Exception error) => _results.Writer.TryComplete(error);

    public void OnNext(ExecutionResult value) =>
        _results.Writer.TryWrite(JsonNode.Parse(_serializer.Serialize(value))!.AsObject());

    public void Dispose() => _subscription?.Dispose();

    /// <summary>An article's id by slug, whatever its status.</summary>
    public static async Task<int> ArticleIdAsync(IServiceProvider services, string slug)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<NewsDbContext>>().CreateDbContextAsync();
        db.WithUnpublished();
        return await db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync();
    }
}
