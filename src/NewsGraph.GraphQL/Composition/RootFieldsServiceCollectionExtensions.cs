using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsGraph.GraphQL.Composition;

/// <summary>
/// Lets each feature register the root fields it owns, so that the root types are put together from what was
/// registered instead of naming every feature. The roots take the fields in registration order, which is the order
/// of the fields in the schema; registering the same class twice adds its fields once.
/// </summary>
public static class RootFieldsServiceCollectionExtensions
{
    public static IServiceCollection AddQueryFields<TFields>(this IServiceCollection services)
        where TFields : class, IQueryFields
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQueryFields, TFields>());
        return services;
    }

    public static IServiceCollection AddMutationFields<TFields>(this IServiceCollection services)
        where TFields : class, IMutationFields
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutationFields, TFields>());
        return services;
    }

    public static IServiceCollection AddSubscriptionFields<TFields>(this IServiceCollection services)
        where TFields : class, ISubscriptionFields
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISubscriptionFields, TFields>());
        return services;
    }
}
