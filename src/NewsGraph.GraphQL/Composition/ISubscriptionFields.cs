using GraphQL.Types;

namespace NewsGraph.GraphQL.Composition;

/// <summary>
/// The fields one feature adds to the subscription root (Hot Chocolate's <c>[SubscriptionType]</c> classes). Registered
/// with <see cref="RootFieldsServiceCollectionExtensions.AddSubscriptionFields{TFields}"/>; the root adds them in
/// registration order.
/// </summary>
public interface ISubscriptionFields
{
    void AddTo(ObjectGraphType subscription);
}
