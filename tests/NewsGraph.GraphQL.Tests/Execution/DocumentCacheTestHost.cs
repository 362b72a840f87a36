using System.Collections.Concurrent;
using System.Security.Claims;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>Counts the requests validated with the full rule set: it is registered for uncached documents only.</summary>
public sealed class FullValidationCounter : ValidationRuleBase
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        Interlocked.Increment(ref _count);
        return default;
    }
}

/// <summary>Records the document each execution ran with.</summary>
public sealed class ExecutedDocuments : DocumentExecutionListenerBase
{
    public ConcurrentQueue<GraphQLDocument> Documents { get; } = new();

    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        Documents.Enqueue(context.Document);
        return Task.CompletedTask;
    }
}

/// <summary>A subscription source that never sends: the tests only look at how the subscription was set up.</summary>
public sealed class SilentObservable : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer) => new Unsubscriber();

    private sealed class Unsubscriber : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>A field only editors may read, a non-null variable, an argument validator, a mutation and a subscription.</summary>
public sealed class DocumentCacheTestSchema : Schema
{
    public DocumentCacheTestSchema(IServiceProvider services)
        : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<StringGraphType>("hello").Resolve(_ => "world");
        query.Field<StringGraphType>("secret").AuthorizeWithRoles("editor").Resolve(_ => "for editors");
        query.Field<IntGraphType>("echo").Argument<NonNullGraphType<IntGraphType>>("n").Resolve(ctx => ctx.GetArgument<int>("n"));
        query.Field<IntGraphType>("positive")
            .Argument<IntGraphType>("n")
            .ValidateArguments(ctx =>
            {
                if (ctx.GetArgument<int>("n") < 0)
                {
                    throw new ValidationError("n must not be negative.");
                }
            })
            .Resolve(ctx => ctx.GetArgument<int>("n"));
        Query = query;

        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<IntGraphType>("touch").Resolve(_ => 1);
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription" };
        subscription.Field<StringGraphType>("ticks").ResolveStream(_ => new SilentObservable());
        Subscription = subscription;
    }
}

/// <summary>The real request executor over <see cref="DocumentCacheTestSchema"/>, with the document cache and the authorization rule.</summary>
public sealed class DocumentCacheTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public DocumentCacheTestHost(int maxEntries = 100)
    {
        var services = new ServiceCollection();
        services.AddSingleton<FullValidationCounter>();
        services.AddSingleton<ExecutedDocuments>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<DocumentCacheTestSchema>()
            .AddSystemTextJson()
            .AddAuthorizationRule()
            .AddValidationRule<FullValidationCounter>(useForCachedDocuments: false)
            .AddDocumentListener<ExecutedDocuments>()
            .UseValidatedDocumentCache(new ValidatedDocumentCacheOptions { MaxEntries = maxEntries }));
        _services = services.BuildServiceProvider();
    }

    public static ClaimsPrincipal Editor { get; } = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ed"), new Claim(ClaimTypes.Role, "editor")], "test"));

    public ValidatedDocumentCache Cache => _services.GetRequiredService<ValidatedDocumentCache>();

    public int FullValidations => _services.GetRequiredService<FullValidationCounter>().Count;

    public ExecutedDocuments Executed => _services.GetRequiredService<ExecutedDocuments>();

    public ISchema Schema => _services.GetRequiredService<ISchema>();

    /// <summary>Executes a fresh copy of <paramref name="query"/>, as a transport would hand over a newly read string.</summary>
    public Task<ExecutionResult> ExecuteAsync(string query, Inputs? variables = null, ClaimsPrincipal? user = null, IReadOnlyList<IValidationRule>? transportRules = null)
        => ActivatorUtilities.CreateInstance<GraphQLRequestExecutor>(_services).ExecuteAsync(
            new GraphQLRequest { Query = new string(query.AsSpan()), Variables = variables },
            new GraphQLRequestContext { RequestServices = _services, User = user, AdditionalValidationRules = transportRules ?? [] },
            CancellationToken.None);

    public string Serialize(ExecutionResult result) => _services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);

    public void Dispose() => _services.Dispose();
}
