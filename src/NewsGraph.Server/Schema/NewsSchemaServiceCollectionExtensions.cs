using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Errors;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Outbox;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Redis;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Security;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.GraphQL.Types;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Auth;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

public static class NewsSchemaServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL schema and what its features share (paging, limits, persisted operations, events); each feature
    /// registers its own fields, loaders and node resolvers (<c>AddArticles()</c>, ...).
    /// </summary>
    public static IServiceCollection AddNewsSchema(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var documentCache = configuration.GetSection(ValidatedDocumentCacheOptions.SectionName).Get<ValidatedDocumentCacheOptions>() ?? new ValidatedDocumentCacheOptions();
        services.AddGraphQL(graphQL => graphQL
            .AddSelfActivatingSchema<NewsSchema>()
            // A repeated document is neither parsed nor run through the spec rules again (GraphQL:DocumentCache);
            // limits, transport rules and authorization still run on every request.
            .UseValidatedDocumentCache(documentCache)
            // Subscription events run after the subscribing request's scope is gone: each event gets a scope of its own.
            // Subscribers with the same document, variables and user share one execution per event (fan-out).
            .AddSharedResultSubscriptionExecutionStrategy()
            // Fields marked AuthorizeWithRoles/AuthorizeWithPolicy/Authorize (mutations) are refused before execution.
            .AddAuthorizationRule()
            // Loaders and node resolvers see the viewer through the scope (drafts for editors only).
            .ConfigureExecution(async (options, next) =>
            {
                if (options.RequestServices?.GetService<RequestViewer>() is { } viewer)
                {
                    viewer.Identify(options.User);
                }

                return await next(options);
            })
            // Non-ASCII text (Zürich, São Paulo) goes out as UTF-8, not as \u escapes, like Hot Chocolate's.
            .AddSystemTextJson(json =>
            {
                json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
                // Accepts `id` (Hot Chocolate, Apollo) and `doc_id` (Relay) for persisted operations.
                json.Converters.Insert(0, new PersistedOperationRequestJsonConverter());
            })
            .AddErrorInfoProvider(new ClientErrorInfoProvider(new ErrorInfoProviderOptions
            {
                ExposeExceptionDetails = environment.IsDevelopment(),
                // Hot Chocolate sends one `code`; GraphQL.NET's extra `codes` array would only confuse its clients.
                ExposeCodes = false,
            })));

        var paging = configuration.GetSection("Paging").Get<PagingOptions>() ?? new PagingOptions();
        services.AddSingleton(paging);
        AddLimitsAndPersistedOperations(services, configuration, environment, paging);

        services.AddSingleton<ConnectionTypeRegistry>();
        // Hot Chocolate's DateTime: always UTC with milliseconds and a `Z`.
        services.AddSingleton<DateTimeGraphType, HotChocolateDateTimeGraphType>();

        AddEvents(services, configuration);
        return services;
    }

    /// <summary>
    /// The event bus behind the subscriptions: Redis when <c>Redis:Configuration</c> is set (several instances),
    /// otherwise in-process (one instance).
    /// </summary>
    private static void AddEvents(IServiceCollection services, IConfiguration configuration)
    {
        var hubOptions = configuration.GetSection("Subscriptions").Get<TopicEventBusOptions>() ?? new TopicEventBusOptions();
        var redis = configuration.GetSection(RedisTopicEventBusOptions.SectionName).Get<RedisTopicEventBusOptions>();
        if (!string.IsNullOrWhiteSpace(redis?.Configuration))
        {
            services.AddRedisTopicEventBus(redis, hubOptions);
        }
        else
        {
            services.AddInMemoryTopicEventBus(hubOptions);
        }

        services.TryAddSingleton(TimeProvider.System);
        // Publications go through the outbox: saved with the change, sent when the bus takes them (Outbox section).
        services.AddTopicEventOutbox<NewsDbContext>(outbox =>
        {
            configuration.GetSection("Outbox").Bind(outbox);
            outbox.AddTopic<ArticlePublished>(ArticleEvents.PublishedTopic)
                .AddTopic<ArticleUpdated>(ArticleEvents.UpdatedTopic);
        });
    }

    /// <summary>
    /// The request limits (<c>GraphQL:Limits</c>, <c>GraphQL:AllowIntrospection</c>) and trusted documents
    /// (<c>PersistedOperations</c>). Introspection is on in Development and off elsewhere unless configured.
    /// </summary>
    private static void AddLimitsAndPersistedOperations(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, PagingOptions paging)
    {
        var limits = configuration.GetSection(GraphQLLimitsOptions.SectionName).Get<GraphQLLimitsOptions>() ?? new GraphQLLimitsOptions();
        var allowIntrospection = configuration.GetValue<bool?>("GraphQL:AllowIntrospection") ?? environment.IsDevelopment();
        services.AddGraphQLLimits(limits, allowIntrospection, paging);

        var persisted = configuration.GetSection(PersistedOperationOptions.SectionName).Get<PersistedOperationOptions>() ?? new PersistedOperationOptions();
        services.AddPersistedOperations(persisted, ResolveOperationsDirectory(persisted.Directory));
    }

    /// <summary>
    /// A configured folder is taken relative to the working directory (where the operator started the server);
    /// by default the copy of the repository's schema/operations that the build puts next to the binaries,
    /// so the server finds it wherever it is started from.
    /// </summary>
    private static string? ResolveOperationsDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "schema", "operations");
        return Directory.Exists(besideBinaries) ? besideBinaries : null;
    }
}
