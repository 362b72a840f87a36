using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Sse;
using NewsGraph.GraphQL.Tests.WebSockets;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>An event object: one instance per event, handed to every subscriber (as a real feed does).</summary>
public sealed class ItemEvent(string name)
{
    public string Name { get; } = name;
}

/// <summary>Counts how often the selection set's resolvers ran.</summary>
public sealed class ResolverCalls
{
    private int _name;

    public int Name => Volatile.Read(ref _name);

    public void CountName() => Interlocked.Increment(ref _name);
}

/// <summary>
/// A subscription whose result depends on the variables (<c>prefix</c>) and on the user (<c>viewer</c>), with a counted
/// resolver, so tests can see how many executions an event cost.
/// </summary>
public sealed class SharedResultTestSchema : Schema
{
    public SharedResultTestSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello").Resolve(_ => "world");
        Query = query;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<NonNullGraphType<ItemType>>("items")
            .ResolveStream(ctx => ctx.RequestServices!.GetRequiredService<TestEventSource<ItemEvent>>());
        Subscription = subscription;
    }
}

/// <summary>The event as a GraphQL object.</summary>
public sealed class ItemType : ObjectGraphType<ItemEvent>
{
    public ItemType()
    {
        Name = "Item";
        Field<NonNullGraphType<StringGraphType>>("name")
            .Argument<StringGraphType>("prefix")
            .Resolve(ctx =>
            {
                ctx.RequestServices!.GetRequiredService<ResolverCalls>().CountName();
                return (ctx.GetArgument<string?>("prefix") ?? string.Empty) + ctx.Source.Name;
            });
        Field<StringGraphType>("viewer").Resolve(ctx => ctx.User?.Identity?.Name);
        Field<StringGraphType>("failing").Resolve(_ => throw new ExecutionError("This field always fails."));
    }
}

/// <summary>Accepts every connection; <c>{"user":"alice"}</c> authenticates as alice (roles from <c>roles</c>), none stays anonymous.</summary>
public sealed class UserFromPayloadInitializer : IWebSocketConnectionInitializer
{
    public ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken)
    {
        if (context.Payload is { } payload && payload.TryGetValue("user", out var user) && user is string name)
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, name) };
            if (payload.TryGetValue("role", out var role) && role is string r)
            {
                claims.Add(new Claim(ClaimTypes.Role, r));
            }

            context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        }

        return ValueTask.FromResult(WebSocketConnectionInitResult.Accept());
    }
}

/// <summary>Kestrel on loopback with <see cref="SharedResultTestSchema"/> and the shared-result subscription strategy.</summary>
public sealed class SharedResultTestServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private SharedResultTestServer(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public TestEventSource<ItemEvent> Events => _host.Services.GetRequiredService<TestEventSource<ItemEvent>>();

    public ResolverCalls Calls => _host.Services.GetRequiredService<ResolverCalls>();

    public static async Task<SharedResultTestServer> StartAsync()
    {
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddGraphQL(b => b
                    .AddSelfActivatingSchema<SharedResultTestSchema>()
                    .AddSharedResultSubscriptionExecutionStrategy()
                    .UseValidatedDocumentCache()
                    .AddSystemTextJson()
                    .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
                builder.Services.AddGraphQLHttp();
                builder.Services.AddGraphQLWebSockets(o => o.KeepAliveInterval = Timeout.InfiniteTimeSpan);
                builder.Services.AddGraphQLServerSentEvents();
                builder.Services.AddSingleton<IWebSocketConnectionInitializer, UserFromPayloadInitializer>();
                builder.Services.AddSingleton<TestEventSource<ItemEvent>>();
                builder.Services.AddSingleton<ResolverCalls>();
            },
            app =>
            {
                app.UseWebSockets();
                app.MapGraphQLHttp("/graphql", streaming => streaming.UseGraphQLWebSockets().UseGraphQLServerSentEvents());
            });
        return new SharedResultTestServer(host);
    }

    public Task<GraphQLWebSocketClient> ConnectAsync()
        => GraphQLWebSocketClient.ConnectAsync(_host.WebSocketUri, [WebSocketSubProtocols.GraphQLTransportWs]);

    public HttpClient CreateHttpClient() => _host.CreateClient();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
