namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// A global ID taken from an input and decoded: the key it names, and the ID exactly as the client sent it, because
/// errors about it (a <c>NotFoundError</c>'s <c>id</c>) must quote what the client sent, legacy formats included.
/// </summary>
public readonly record struct NodeReference(string GlobalId, int Id)
{
    /// <summary>Decodes <paramref name="globalId"/> as an ID of <paramref name="typeName"/>; a GraphQL error otherwise (<see cref="NodeId.DecodeInt"/>).</summary>
    public static NodeReference Decode(string globalId, string typeName) => new(globalId, NodeId.DecodeInt(globalId, typeName));

    /// <summary>Null stays null: an optional ID field that was not given.</summary>
    public static NodeReference? DecodeOptional(string? globalId, string typeName) =>
        globalId is null ? null : Decode(globalId, typeName);

    /// <summary>Every ID of a list field, in order; null stays null.</summary>
    public static IReadOnlyList<NodeReference>? DecodeAll(IEnumerable<string>? globalIds, string typeName) =>
        globalIds?.Select(id => Decode(id, typeName)).ToList();

    /// <summary>The reference to a key the server already has (its ID in the current format).</summary>
    public static NodeReference For(string typeName, int id) => new(NodeId.Encode(typeName, id), id);
}
