using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Sse;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.GraphQL.Tests.WebSockets;

/// <summary>Real Kestrel on loopback with <see cref="StreamingTestSchema"/> behind HTTP, WebSocket and SSE transports.</summary>
public sealed class StreamingTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StreamingTestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri WebSocketUri => new($"ws://{BaseAddress.Authority}/graphql");

    public IServiceProvider Services => _app.Services;

    public TestEventSource Events => Services.GetRequiredService<TestEventSource>();

    public static async Task<StreamingTestServer> StartAsync(
        Action<GraphQLWebSocketOptions>? webSockets = null,
        Action<GraphQLSseOptions>? sse = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQL(b => b
            .AddSelfActivatingSchema<StreamingTestSchema>()
            .AddScopedSubscriptionExecutionStrategy()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        builder.Services.AddGraphQLHttp();
        builder.Services.AddGraphQLWebSockets(webSockets);
        builder.Services.AddGraphQLServerSentEvents(sse);
        builder.Services.AddSingleton<TestEventSource>();
        builder.Services.AddSingleton<MutationCounter>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        app.MapGraphQLHttp("/graphql", streaming => streaming.UseGraphQLWebSockets().UseGraphQLServerSentEvents());
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StreamingTestServer(app, new Uri(address));
    }

    /// <summary>Opens a WebSocket offering <paramref name="subProtocols"/>.</summary>
    public Task<TestWebSocketClient> ConnectAsync(params string[] subProtocols) => TestWebSocketClient.ConnectAsync(WebSocketUri, subProtocols);

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
