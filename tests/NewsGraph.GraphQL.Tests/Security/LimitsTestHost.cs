using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.PersistedOperations;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Tests.Security;

/// <summary>The request executor with the limits (and optionally persisted operations) over <see cref="LimitsTestSchema"/>.</summary>
public sealed class LimitsTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public LimitsTestHost(GraphQLLimitsOptions limits, bool allowIntrospection = true, PersistedOperationOptions? persisted = null, string? operationsDirectory = null)
    {
        var services = new ServiceCollection();
        services.AddGraphQL(graphQL => graphQL.AddSchema<LimitsTestSchema>().AddSystemTextJson());
        services.AddGraphQLLimits(limits, allowIntrospection);
        if (persisted is not null)
        {
            services.AddPersistedOperations(persisted, operationsDirectory);
        }

        services.AddSingleton<SlowResolverProbe>();
        _services = services.BuildServiceProvider();
    }

    public SlowResolverProbe Probe => _services.GetRequiredService<SlowResolverProbe>();

    public Task<ExecutionResult> ExecuteAsync(string? query, Inputs? variables = null, string? documentId = null, Inputs? extensions = null)
        => ActivatorUtilities.CreateInstance<GraphQLRequestExecutor>(_services).ExecuteAsync(
            new GraphQLRequest { Query = query, Variables = variables, DocumentId = documentId, Extensions = extensions },
            new GraphQLRequestContext { RequestServices = _services },
            CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
