using Microsoft.AspNetCore.Builder;

namespace NewsGraph.TestSupport;

/// <summary>
/// A real Kestrel host on a free loopback port, built by the test (services, middleware) and reached with real clients.
/// The test servers of the libraries wrap one; the NewsGraph server builds its own host the way production does.
/// </summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public Uri WebSocketUri => LoopbackServer.WebSocketUri(BaseAddress);

    public IServiceProvider Services => _app.Services;

    /// <summary>What the host logged (nothing unless <c>configureBuilder</c> lets a category through: the slim builder's default filters apply).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Builds the host with <paramref name="configureBuilder"/>, adds middleware and endpoints with <paramref name="configureApp"/>, and starts it.</summary>
    public static async Task<LoopbackHost> StartAsync(Action<WebApplicationBuilder> configureBuilder, Action<WebApplication> configureApp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureBuilder);
        ArgumentNullException.ThrowIfNull(configureApp);
        var logs = new CapturedLogs();
        var builder = LoopbackServer.CreateBuilder(logs);
        configureBuilder(builder);
        var app = builder.Build();
        try
        {
            configureApp(app);
            var address = await app.StartOnLoopbackAsync(cancellationToken);
            return new LoopbackHost(app, address, logs);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of this host; <paramref name="handler"/> (owned by the client) for special behaviour such as not following redirects.</summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new HttpClientHandler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Opens a WebSocket to <c>/graphql</c> offering <paramref name="subProtocols"/>.</summary>
    public Task<GraphQLWebSocketClient> ConnectWebSocketAsync(params string[] subProtocols) => GraphQLWebSocketClient.ConnectAsync(WebSocketUri, subProtocols);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
