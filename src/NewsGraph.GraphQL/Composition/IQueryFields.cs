using GraphQL.Types;

namespace NewsGraph.GraphQL.Composition;

/// <summary>
/// The fields one feature adds to the query root (Hot Chocolate's <c>[QueryType]</c> classes). Registered with
/// <see cref="RootFieldsServiceCollectionExtensions.AddQueryFields{TFields}"/>; the root adds them in registration order.
/// </summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
