using GraphQL.Types;

namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// Relay's <c>Node</c> interface. Implementing object types call <c>Interface&lt;NodeInterfaceType&gt;()</c> and
/// resolve <c>id</c> with <see cref="NodeId.Encode"/>; <c>ObjectGraphType&lt;TSource&gt;</c> supplies the
/// <c>IsTypeOf</c> check that maps a resolved object to its graph type.
/// </summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
