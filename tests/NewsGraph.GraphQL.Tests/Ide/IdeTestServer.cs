using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Tests.TestHosting;

namespace NewsGraph.GraphQL.Tests.Ide;

/// <summary>A real Kestrel server with the IDE in front of the GraphQL endpoint, as an application wires them.</summary>
public sealed class IdeTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdeTestServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>Does not follow redirects, so tests see the IDE's redirect itself.</summary>
    public HttpClient Client { get; }

    public static async Task<IdeTestServer> StartAsync(Action<BananaCakePopOptions>? configure = null, BananaCakePopAssets? assets = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGraphQL(b => b.AddSelfActivatingSchema<TestSchema>().AddSystemTextJson());
        builder.Services.AddGraphQLHttp();
        builder.Services.AddSingleton<TestCounter>();
        builder.Services.AddBananaCakePop(configure);
        if (assets is not null)
        {
            builder.Services.AddSingleton(assets);
        }

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseBananaCakePop("/graphql");
        app.MapGraphQLHttp("/graphql");
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
#pragma warning disable CA2000 // the HttpClient owns the handler and the server owns the client
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
#pragma warning restore CA2000
        return new IdeTestServer(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
