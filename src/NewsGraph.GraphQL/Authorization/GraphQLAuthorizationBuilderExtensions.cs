using GraphQL;
using GraphQL.DI;

namespace NewsGraph.GraphQL.Authorization;

public static class GraphQLAuthorizationBuilderExtensions
{
    /// <summary>
    /// Enforces the schema's authorization metadata on every execution, cached documents included (the user
    /// changes from one request to the next even when the document does not).
    /// </summary>
    public static IGraphQLBuilder AddAuthorizationRule(this IGraphQLBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddValidationRule<AuthorizationValidationRule>(useForCachedDocuments: true);
    }
}
