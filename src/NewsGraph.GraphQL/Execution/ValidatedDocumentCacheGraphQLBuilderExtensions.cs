using GraphQL;
using GraphQL.DI;

namespace NewsGraph.GraphQL.Execution;

public static class ValidatedDocumentCacheGraphQLBuilderExtensions
{
    /// <summary>
    /// Caches parsed and validated documents (<see cref="ValidatedDocumentCache"/>): a repeated document skips parsing
    /// and the core validation rules; rules registered with <c>useForCachedDocuments: true</c> and the request's
    /// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> still run on every request. Bounded by
    /// <paramref name="options"/>, else by the registered <see cref="ValidatedDocumentCacheOptions"/>, else by the defaults.
    /// </summary>
    public static IGraphQLBuilder UseValidatedDocumentCache(this IGraphQLBuilder builder, ValidatedDocumentCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Register(
            provider => new ValidatedDocumentCache(options ?? (ValidatedDocumentCacheOptions?)provider.GetService(typeof(ValidatedDocumentCacheOptions)) ?? new ValidatedDocumentCacheOptions()),
            ServiceLifetime.Singleton,
            replace: true);
        return builder.ConfigureExecution<ValidatedDocumentCacheExecution>();
    }
}
