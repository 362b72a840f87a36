using GraphQL.Types;

namespace NewsGraph.GraphQL.Composition;

/// <summary>
/// The fields one feature adds to the mutation root (Hot Chocolate's <c>[MutationType]</c> classes). Registered with
/// <see cref="RootFieldsServiceCollectionExtensions.AddMutationFields{TFields}"/>; the root adds them in registration order.
/// </summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
