using Microsoft.AspNetCore.Server.Kestrel.Core;
using NewsGraph.GraphQL.Authentication;
using NewsGraph.GraphQL.Configuration;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Ide;
using NewsGraph.GraphQL.Memory;
using NewsGraph.GraphQL.Multipart;
using NewsGraph.GraphQL.Security;
using NewsGraph.GraphQL.Sse;
using NewsGraph.GraphQL.WebSockets;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;
using NewsGraph.Server.Feeds;
using NewsGraph.Server.Health;
using NewsGraph.Server.Previews;
using NewsGraph.Server.RelatedArticles;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Search;
using NewsGraph.Server.Seo;
using NewsGraph.Server.Site;
using NewsGraph.Server.Tags;
using NewsGraph.Server.Webhooks;

namespace NewsGraph.Server.Hosting;

/// <summary>The composition root: every service and endpoint of the server, shared by Program and the tests.</summary>
public static class NewsGraphApplication
{
    public static WebApplication Build(string[] args) => Build(args, configureServices: null);

    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices)
    {
        // The content root is where the binaries and appsettings.json are, not the working directory: `dotnet run
        // --project src/NewsGraph.Server` from the repository root must still read appsettings.json. Relative paths in
        // settings meant for the user (the SQLite file) keep meaning the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The body limit belongs to Kestrel: it refuses a larger body (413) before anything reads it.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<GraphQLLimitsOptions>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodySize);
        // SIGTERM: Kestrel stops accepting and lets in-flight requests finish, WebSocket and SSE clients are told to go
        // elsewhere, the outbox finishes its batch; whatever still runs after Shutdown:Timeout is abandoned.
        builder.Services.AddSettings<ShutdownSettings>(builder.Configuration.GetSection(ShutdownSettings.SectionName));
        builder.Services.AddOptions<HostOptions>()
            .Configure<ShutdownSettings>((host, shutdown) => host.ShutdownTimeout = shutdown.Timeout);
        // Kestrel's buffers come from a pool that gives back what a fan-out burst borrowed (MemoryPool section).
        builder.Services.AddTrimmingMemoryPool(builder.Configuration.GetSection("MemoryPool"));

        builder.Services.AddNewsData(builder.Configuration);
        builder.Services.AddHostedService<DatabaseInitializationService>();
        builder.Services.AddNewsSchema(builder.Configuration, builder.Environment);
        // Each feature registers its root fields, loaders and node resolvers; this order is the order of the root fields.
        builder.Services.AddArticles(builder.Configuration).AddAuthors().AddCategories().AddTags().AddSearch(builder.Configuration).AddSite(builder.Configuration)
            .AddWebhooks(builder.Configuration);
        builder.Services.AddPreviews(builder.Configuration).AddSeo().AddRelatedArticles();
        builder.Services.AddNewsHealthChecks(builder.Configuration);
        // RSS, Atom and JSON feeds and the sitemaps, beside /graphql (Feeds section).
        builder.Services.AddFeeds(builder.Configuration);
        builder.Services.AddGraphQLHttp();
        builder.Services.AddSettings<GraphQLHttpOptions>(builder.Configuration.GetSection("Http"));
        // Subscriptions (and any operation) over WebSocket (both sub-protocols), server-sent events and multipart HTTP on /graphql.
        builder.Services.AddGraphQLWebSockets();
        builder.Services.AddSettings<GraphQLWebSocketOptions>(builder.Configuration.GetSection("WebSockets"));
        // Editors: API keys or JWT bearer tokens (Authentication section), also in WebSocket connection_init payloads.
        builder.Services.AddNewsAuthentication(builder.Configuration);
        builder.Services.AddGraphQLServerSentEvents();
        builder.Services.AddSettings<GraphQLSseOptions>(builder.Configuration.GetSection("ServerSentEvents"));
        // Apollo's multipart HTTP subscriptions (HttpLink, Apollo iOS and Kotlin subscribe without a WebSocket).
        builder.Services.AddGraphQLMultipartSubscriptions();
        builder.Services.AddSettings<GraphQLMultipartOptions>(builder.Configuration.GetSection("Multipart"));
        // Browsers of frontend developers call the API from other origins: any origin in development unless
        // configured, none in production unless configured.
        builder.Services.AddGraphQLCors(
            builder.Configuration.GetSection("Cors"),
            allowAnyOriginWhenUnconfigured: builder.Environment.IsDevelopment());
        builder.Services.AddBananaCakePop();
        builder.Services.AddSettings<BananaCakePopOptions>(builder.Configuration.GetSection("Ide"));
        // Traces, metrics and logs over OTLP, only when an OTEL_EXPORTER_OTLP_*ENDPOINT is set.
        builder.Services.AddNewsTelemetry(builder.Configuration);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseCors();
        // Before everything that serves a request: a presented but invalid credential is 401, whatever the endpoint.
        app.UseCredentialAuthentication();
        app.UseBananaCakePop("/graphql");
        app.MapNewsHealthChecks();
        app.MapFeeds();
        app.UseWebSockets();
        app.MapGraphQLHttp("/graphql", streaming => streaming.UseGraphQLWebSockets().UseGraphQLMultipartSubscriptions().UseGraphQLServerSentEvents())
            .RequireCors(GraphQLCorsServiceCollectionExtensions.PolicyName);
        return app;
    }
}
