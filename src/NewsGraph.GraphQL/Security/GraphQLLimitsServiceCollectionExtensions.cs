using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Paging;

namespace NewsGraph.GraphQL.Security;

/// <summary>Registers the request limits for the executor and configures GraphQL.NET's parser with them.</summary>
public static class GraphQLLimitsServiceCollectionExtensions
{
    /// <summary>Call after <c>AddGraphQL</c>: the parser registered here replaces GraphQL.NET's default one.</summary>
    /// <param name="paging">The connections' page sizes, which the cost estimate uses (Hot Chocolate's defaults when null).</param>
    public static IServiceCollection AddGraphQLLimits(this IServiceCollection services, GraphQLLimitsOptions options, bool allowIntrospection, PagingOptions? paging = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        services.AddSingleton(options);
        services.AddSingleton(new GraphQLRequestLimits(options, allowIntrospection, paging));
        // Nesting beyond the parser's depth becomes a syntax error rather than a deep recursion.
        services.AddSingleton<IDocumentBuilder>(new GraphQLDocumentBuilder { MaxDepth = options.MaxParserDepth });
        return services;
    }
}
