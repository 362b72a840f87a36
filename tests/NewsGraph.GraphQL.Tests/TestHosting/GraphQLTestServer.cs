using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Tests.TestHosting;

/// <summary>
/// A real Kestrel server on a free loopback port hosting a schema behind <c>MapGraphQLHttp</c>.
/// Tests talk to it with a real <see cref="HttpClient"/>.
/// </summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server with <see cref="TestSchema"/>.</summary>
    public static Task<GraphQLTestServer> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<GraphQLHttpOptions>? configureHttp = null,
        CancellationToken cancellationToken = default)
        => StartAsync<TestSchema>(configureServices, configureHttp, cancellationToken);

    public static async Task<GraphQLTestServer> StartAsync<TSchema>(
        Action<IServiceCollection>? configureServices = null,
        Action<GraphQLHttpOptions>? configureHttp = null,
        CancellationToken cancellationToken = default)
        where TSchema : class, ISchema
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("NewsGraph", LogLevel.Debug);

        builder.Services.AddGraphQL(b => b
            .AddSelfActivatingSchema<TSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
        builder.Services.AddGraphQLHttp(configureHttp);
        builder.Services.AddSingleton<TestCounter>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGraphQLHttp();
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new GraphQLTestServer(app, new Uri(addresses.First()), logs);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
