using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Relay;

/// <summary>Hot Chocolate's <c>node</c> and <c>nodes</c> query fields over DI-registered <see cref="INodeResolver"/>s.</summary>
public static class NodeFieldsExtensions
{
    public static void AddNodeFields(this IObjectGraphType query, int maxBatchSize = 50)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);

        query.AddField(new FieldType
        {
            Name = "node",
            Description = "Fetches an object given its ID.",
            Type = typeof(NodeInterfaceType),
            Arguments = new QueryArguments(new QueryArgument(typeof(NonNullGraphType<IdGraphType>))
            {
                Name = "id",
                Description = "ID of the object.",
            }),
            Resolver = new FuncFieldResolver<object?>(context => new ValueTask<object?>(ResolveNodeAsync(context))),
        });

        query.AddField(new FieldType
        {
            Name = "nodes",
            Description = "Lookup nodes by a list of IDs.",
            Type = typeof(NonNullGraphType<ListGraphType<NodeInterfaceType>>),
            Arguments = new QueryArguments(new QueryArgument(typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>))
            {
                Name = "ids",
                Description = "The list of node IDs.",
            }),
            Resolver = new FuncFieldResolver<object?>(context => new ValueTask<object?>(ResolveNodesAsync(context, maxBatchSize))),
        });
    }

    private static async Task<object?> ResolveNodeAsync(IResolveFieldContext context)
    {
        var id = Decode(context.GetArgument<object>("id"));
        var resolved = await ResolveAsync(context, [id]).ConfigureAwait(false);
        return resolved[0];
    }

    private static async Task<object?> ResolveNodesAsync(IResolveFieldContext context, int maxBatchSize)
    {
        var values = context.GetArgument<List<object>>("ids") ?? [];
        if (values.Count > maxBatchSize)
        {
            throw new ExecutionError(
                $"The maximum number of nodes that can be fetched at once is {maxBatchSize}; {values.Count} were requested.")
            {
                Code = RelayErrorCodes.TooManyNodes,
            };
        }

        var ids = values.Select(Decode).ToList();
        return await ResolveAsync(context, ids).ConfigureAwait(false);
    }

    private static DecodedNodeId Decode(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (!NodeId.TryDecode(text, out var typeName, out var rawId))
        {
            throw new ExecutionError($"The ID `{text}` is not a valid node ID.") { Code = RelayErrorCodes.InvalidNodeId };
        }

        if (!int.TryParse(rawId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            throw new ExecutionError($"The ID `{text}` does not contain an integer key.") { Code = RelayErrorCodes.InvalidNodeId };
        }

        return new DecodedNodeId(typeName, id);
    }

    /// <summary>Calls each type's resolver once with all of its ids and returns the nodes in request order.</summary>
    private static async Task<object?[]> ResolveAsync(IResolveFieldContext context, IReadOnlyList<DecodedNodeId> ids)
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to resolve nodes.");
        var resolvers = services.GetServices<INodeResolver>().ToDictionary(r => r.TypeName, StringComparer.Ordinal);

        var loaded = new Dictionary<string, IReadOnlyDictionary<int, object>>(StringComparer.Ordinal);
        foreach (var group in ids.GroupBy(id => id.TypeName, StringComparer.Ordinal))
        {
            if (!resolvers.TryGetValue(group.Key, out var resolver))
            {
                throw new ExecutionError($"The type `{group.Key}` cannot be fetched as a node.") { Code = RelayErrorCodes.UnknownNodeType };
            }

            var keys = group.Select(id => id.Id).Distinct().ToList();
            loaded[group.Key] = await resolver.ResolveAsync(keys, services, context.CancellationToken).ConfigureAwait(false);
        }

        var result = new object?[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            result[i] = loaded[ids[i].TypeName].GetValueOrDefault(ids[i].Id);
        }

        return result;
    }

    private readonly record struct DecodedNodeId(string TypeName, int Id);
}
