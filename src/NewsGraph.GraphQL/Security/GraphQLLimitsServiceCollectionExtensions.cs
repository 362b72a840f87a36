using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Data.Paging;

namespace NewsGraph.GraphQL.Security;

/// <summary>Registers the request limits for the executor and configures GraphQL.NET's parser with them.</summary>
public static class GraphQLLimitsServiceCollectionExtensions
{
    /// <summary>
    /// The limits of the registered <see cref="GraphQLLimitsOptions"/> (and, for the cost estimate, the registered
    /// <see cref="PagingOptions"/>; Hot Chocolate's page sizes when none are). Call after <c>AddGraphQL</c>: the parser
    /// registered here replaces GraphQL.NET's default one.
    /// </summary>
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services, bool allowIntrospection)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(provider => new GraphQLRequestLimits(
            provider.GetRequiredService<GraphQLLimitsOptions>(), allowIntrospection, provider.GetService<PagingOptions>()));
        // Nesting beyond the parser's depth becomes a syntax error rather than a deep recursion.
        services.AddSingleton<IDocumentBuilder>(static provider =>
            new GraphQLDocumentBuilder { MaxDepth = provider.GetRequiredService<GraphQLLimitsOptions>().MaxParserDepth });
        return services;
    }

    /// <summary>The same with the given limits.</summary>
    /// <param name="paging">The connections' page sizes, which the cost estimate uses (Hot Chocolate's defaults when null).</param>
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services, GraphQLLimitsOptions options, bool allowIntrospection, PagingOptions? paging = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.AddSingleton(options);
        if (paging is not null)
        {
            services.TryAddSingleton(paging);
        }

        return services.AddGraphQLLimits(allowIntrospection);
    }
}
