using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Multipart;
using NewsGraph.GraphQL.Sse;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>Real Kestrel on loopback with <see cref="StreamingTestSchema"/> behind HTTP, WebSocket, multipart and SSE transports.</summary>
public sealed class StreamingTestServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private StreamingTestServer(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public Uri WebSocketUri => _host.WebSocketUri;

    public IServiceProvider Services => _host.Services;

    public TestEventSource<string> Events => Services.GetRequiredService<TestEventSource<string>>();

    public static async Task<StreamingTestServer> StartAsync(
        Action<GraphQLWebSocketOptions>? webSockets = null,
        Action<GraphQLSseOptions>? sse = null,
        Action<IServiceCollection>? configureServices = null,
        Action<GraphQLMultipartOptions>? multipart = null,
        Action<WebApplication>? configureApp = null)
    {
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddGraphQL(b => b
                    .AddSelfActivatingSchema<StreamingTestSchema>()
                    .AddScopedSubscriptionExecutionStrategy()
                    .AddSystemTextJson()
                    .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
                builder.Services.AddGraphQLHttp();
                builder.Services.AddGraphQLWebSockets(webSockets);
                builder.Services.AddGraphQLServerSentEvents(sse);
                builder.Services.AddGraphQLMultipartSubscriptions(multipart);
                builder.Services.AddSingleton<TestEventSource<string>>();
                builder.Services.AddSingleton<MutationCounter>();
                configureServices?.Invoke(builder.Services);
            },
            app =>
            {
                app.UseWebSockets();
                configureApp?.Invoke(app);
                app.MapGraphQLHttp("/graphql", streaming => streaming.UseGraphQLWebSockets().UseGraphQLMultipartSubscriptions().UseGraphQLServerSentEvents());
            });
        return new StreamingTestServer(host);
    }

    /// <summary>Opens a WebSocket offering <paramref name="subProtocols"/>.</summary>
    public Task<GraphQLWebSocketClient> ConnectAsync(params string[] subProtocols) => GraphQLWebSocketClient.ConnectAsync(WebSocketUri, subProtocols);

    public HttpClient CreateHttpClient() => _host.CreateClient();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
