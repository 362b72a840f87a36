namespace NewsGraph.GraphQL.Relay;

/// <summary>
/// Loads the nodes of one GraphQL type for <c>node</c>/<c>nodes</c>. Register one per node type in DI.
/// Omit ids that do not exist or that the caller may not see; they resolve to <c>null</c>.
/// </summary>
public interface INodeResolver
{
    /// <summary>The GraphQL type name encoded in the IDs this resolver handles.</summary>
    string TypeName { get; }

    Task<IReadOnlyDictionary<int, object>> ResolveAsync(IReadOnlyList<int> ids, IServiceProvider services, CancellationToken cancellationToken);
}
