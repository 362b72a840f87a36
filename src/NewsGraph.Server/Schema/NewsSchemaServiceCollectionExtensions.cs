using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Configuration;
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
using NewsGraph.Server.Auth;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Schema;

public static class NewsSchemaServiceCollectionExtensions
{
    /// <summary>
    /// The GraphQL schema and what its features share (paging, limits, persisted operations, events); each feature
    /// registers its own fields, loaders and node resolvers (<c>AddArticles(configuration)</c>, ...).
    /// </summary>
    public static IServiceCollection AddNewsSchema(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Every settings class is bound once, checked when the host starts and injected (AddSettings).
        services.AddSettings<ValidatedDocumentCacheOptions>(configuration.GetSection(ValidatedDocumentCacheOptions.SectionName));
        services.AddGraphQL(graphQL => graphQL
            .AddSelfActivatingSchema<NewsSchema>()
            // A repeated document is neither parsed nor run through the spec rules again (GraphQL:DocumentCache);
            // limits, transport rules and authorization still run on every request.
            .UseValidatedDocumentCache()
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

        services.AddSettings<PagingOptions>(configuration.GetSection("Paging"))
            .Validate(paging => paging.IsValid, "Paging:DefaultPageSize must not be larger than Paging:MaxPageSize.");
        AddLimitsAndPersistedOperations(services, configuration, environment);

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
        services.AddSettings<TopicEventBusOptions>(configuration.GetSection("Subscriptions"));
        // Whether Redis:Configuration is set decides which bus is registered; the Redis bus takes the bound section.
        var redis = configuration.GetSection(RedisTopicEventBusOptions.SectionName);
        if (!string.IsNullOrWhiteSpace(redis.GetValue<string?>(nameof(RedisTopicEventBusOptions.Configuration))))
        {
            services.AddSettings<RedisTopicEventBusOptions>(redis)
                .Validate(o => o.PollInterval > TimeSpan.Zero, "Redis:PollInterval must be positive.")
                .Validate(o => o.SendTimeout > TimeSpan.Zero, "Redis:SendTimeout must be positive.");
            services.AddRedisTopicEventBus();
        }
        else
        {
            services.AddInMemoryTopicEventBus();
        }

        services.TryAddSingleton(TimeProvider.System);
        // Publications go through the outbox: saved with the change, sent when the bus takes them (Outbox section).
        // Each feature declares the topics it publishes (AddTopicEventOutboxTopic).
        services.AddSettings<TopicEventOutboxOptions>(configuration.GetSection("Outbox"));
        services.AddTopicEventOutbox<NewsDbContext>();
    }

    /// <summary>
    /// The request limits (<c>GraphQL:Limits</c>, <c>GraphQL:AllowIntrospection</c>) and trusted documents
    /// (<c>PersistedOperations</c>). Introspection is on in Development and off elsewhere unless configured.
    /// </summary>
    private static void AddLimitsAndPersistedOperations(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSettings<GraphQLLimitsOptions>(configuration.GetSection(GraphQLLimitsOptions.SectionName))
            .Validate(limits => limits.HasValidExecutionTimeout, "GraphQL:Limits:ExecutionTimeout must be positive, or -00:00:00.001 (Timeout.InfiniteTimeSpan) for no timeout.");
        var allowIntrospection = configuration.GetValue<bool?>("GraphQL:AllowIntrospection") ?? environment.IsDevelopment();
        services.AddGraphQLLimits(allowIntrospection);

        // The folder is read once here: its documents are loaded (and a missing folder stops start-up) while registering.
        var persisted = configuration.GetSection(PersistedOperationOptions.SectionName);
        services.AddSettings<PersistedOperationOptions>(persisted);
        services.AddPersistedOperations(ResolveOperationsDirectory(persisted.GetValue<string?>(nameof(PersistedOperationOptions.Directory))));
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
