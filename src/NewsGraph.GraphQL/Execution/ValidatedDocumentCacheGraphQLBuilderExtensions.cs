using GraphQL;
using GraphQL.DI;

namespace NewsGraph.GraphQL.Execution;

public static class ValidatedDocumentCacheGraphQLBuilderExtensions
{
    /// <summary>
    /// Caches parsed and validated documents (<see cref="ValidatedDocumentCache"/>): a repeated document skips parsing
    /// and the core validation rules; rules registered with <c>useForCachedDocuments: true</c> and the request's
    /// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> still run on every request.
    /// </summary>
    public static IGraphQLBuilder UseValidatedDocumentCache(this IGraphQLBuilder builder, ValidatedDocumentCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Register(new ValidatedDocumentCache(options ?? new ValidatedDocumentCacheOptions()), replace: true);
        return builder.ConfigureExecution<ValidatedDocumentCacheExecution>();
    }
}
