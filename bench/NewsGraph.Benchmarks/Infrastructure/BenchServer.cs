using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Hosting;
using Npgsql;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>
/// The real NewsGraph server (its composition root, Kestrel, the HTTP transport) on a free loopback port,
/// in this process, and an HTTP client that talks to it the way any client does.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private BenchServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
        // No proxy: the only traffic this benchmark sends is to the loopback endpoint above.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
    }

    public Uri Endpoint { get; }

    /// <summary>The same endpoint as <c>ws://</c>, for the WebSocket transports.</summary>
    public Uri WebSocketEndpoint => new UriBuilder(Endpoint) { Scheme = Endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;

    public IServiceProvider Services => _app.Services;

    public static Task<BenchServer> StartAsync(BenchDatabase database, IInterceptor interceptor, CancellationToken ct) =>
        StartAsync(database, interceptor, settings: [], configureServices: null, ct);

    /// <param name="settings">Extra configuration as <c>Key=Value</c> (e.g. <c>Redis:Configuration=127.0.0.1:6379</c>).</param>
    /// <param name="configureServices">Runs after the server's own registrations (decorators, probes).</param>
    public static Task<BenchServer> StartAsync(
        string databasePath, IInterceptor interceptor, IEnumerable<string> settings, Action<IServiceCollection>? configureServices, CancellationToken ct) =>
        StartAsync(BenchDatabase.Sqlite(databasePath), interceptor, settings, configureServices, ct);

    /// <inheritdoc cref="StartAsync(string, IInterceptor, IEnumerable{string}, Action{IServiceCollection}?, CancellationToken)"/>
    public static async Task<BenchServer> StartAsync(
        BenchDatabase database, IInterceptor interceptor, IEnumerable<string> settings, Action<IServiceCollection>? configureServices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Database:Provider={database.Provider}",
            $"--ConnectionStrings:News={database.ConnectionString}",
            "--Database:SeedSampleData=false",
            "--Logging:LogLevel:Default=Warning",
            .. settings.Select(s => "--" + s),
        ];
        WebApplication app = NewsGraphApplication.Build(args, services =>
        {
            services.AddSingleton(interceptor);
            configureServices?.Invoke(services);
        });
        await app.StartAsync(ct);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUri = new Uri(address);
        if (!IPAddress.TryParse(baseUri.Host, out IPAddress? ip) || !IPAddress.IsLoopback(ip))
        {
            await app.StopAsync(ct);
            throw new InvalidOperationException($"The server bound {address}, which is not a loopback address.");
        }

        return new BenchServer(app, new Uri(baseUri, "/graphql"));
    }

    /// <summary>A request body serialised once, so the timed loop does not measure JSON building.</summary>
    public static byte[] Body(string query, JsonObject? variables = null)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables };
        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    /// <summary>POSTs <paramref name="body"/>; returns the wall time from send to the last byte read, and the raw response.</summary>
    public async Task<(double Milliseconds, byte[] Response)> PostTimedAsync(byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        long start = Stopwatch.GetTimestamp();
        using HttpResponseMessage response = await _http.PostAsync(Endpoint, content, ct);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(ct);
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /graphql answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        }

        return (ms, bytes);
    }

    /// <summary>POSTs and returns <c>data</c>, failing on any GraphQL error so a broken query never gets timed.</summary>
    public async Task<JsonNode> PostAsync(byte[] body, CancellationToken ct)
    {
        (_, byte[] bytes) = await PostTimedAsync(body, ct);
        return DataOf(bytes);
    }

    public static JsonNode DataOf(byte[] response)
    {
        JsonObject root = JsonNode.Parse(response)!.AsObject();
        if (root["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"GraphQL errors: {errors.ToJsonString()}");
        }

        return root["data"] ?? throw new InvalidOperationException("Response without data.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }
}
