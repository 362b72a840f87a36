using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
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
    private readonly LoopbackHost _host;

    private GraphQLTestServer(LoopbackHost host) => _host = host;

    public Uri BaseAddress => _host.BaseAddress;

    public Uri GraphQLUri => new(BaseAddress, "/graphql");

    /// <summary>Warnings and above, and everything of NewsGraph's own categories.</summary>
    public CapturedLogs Logs => _host.Logs;

    public IServiceProvider Services => _host.Services;

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
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Logging.AddFilter("NewsGraph", LogLevel.Debug);
                builder.Services.AddGraphQL(b => b
                    .AddSelfActivatingSchema<TSchema>()
                    .AddSystemTextJson()
                    .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false));
                builder.Services.AddGraphQLHttp(configureHttp);
                builder.Services.AddSingleton<TestCounter>();
                configureServices?.Invoke(builder.Services);
            },
            app => app.MapGraphQLHttp(),
            cancellationToken);
        return new GraphQLTestServer(host);
    }

    public HttpClient CreateClient() => _host.CreateClient();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
