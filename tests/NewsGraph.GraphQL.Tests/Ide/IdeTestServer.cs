using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Ide;

/// <summary>A real Kestrel server with the IDE in front of the GraphQL endpoint, as an application wires them.</summary>
public sealed class IdeTestServer : IAsyncDisposable
{
    private readonly LoopbackHost _host;

    private IdeTestServer(LoopbackHost host)
    {
        _host = host;
        Client = host.CreateClient(new HttpClientHandler { AllowAutoRedirect = false });
    }

    /// <summary>Does not follow redirects, so tests see the IDE's redirect itself.</summary>
    public HttpClient Client { get; }

    public static async Task<IdeTestServer> StartAsync(Action<BananaCakePopOptions>? configure = null, BananaCakePopAssets? assets = null)
    {
        var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddGraphQL(b => b.AddSelfActivatingSchema<TestSchema>().AddSystemTextJson());
                builder.Services.AddGraphQLHttp();
                builder.Services.AddSingleton<TestCounter>();
                builder.Services.AddBananaCakePop(configure);
                if (assets is not null)
                {
                    builder.Services.AddSingleton(assets);
                }
            },
            app =>
            {
                app.UseBananaCakePop("/graphql");
                app.MapGraphQLHttp("/graphql");
            });
        return new IdeTestServer(host);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
