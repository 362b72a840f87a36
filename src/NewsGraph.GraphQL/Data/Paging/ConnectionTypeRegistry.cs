using System.Collections.Concurrent;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>
/// Builds HC's field-named connection types (<c>books</c> → <c>BooksConnection</c> + <c>BooksEdge</c>) once per
/// name, so every field with the same name shares one instance (GraphQL.NET rejects two instances of one name).
/// Register as a singleton next to the schema.
/// </summary>
public sealed class ConnectionTypeRegistry
{
    private readonly ConcurrentDictionary<string, (Type NodeType, IGraphType Connection)> _types = new(StringComparer.Ordinal);

    public IGraphType GetConnectionType<TNodeGraphType>(string fieldName)
        where TNodeGraphType : IGraphType
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        var prefix = char.ToUpperInvariant(fieldName[0]) + fieldName[1..];
        var entry = _types.GetOrAdd(prefix, _ => (typeof(TNodeGraphType), CreateConnection<TNodeGraphType>(prefix)));
        if (entry.NodeType != typeof(TNodeGraphType))
        {
            throw new InvalidOperationException(
                $"`{prefix}Connection` already exists for {entry.NodeType.Name}; name the field differently for {typeof(TNodeGraphType).Name}.");
        }

        return entry.Connection;
    }

    private static ObjectGraphType CreateConnection<TNodeGraphType>(string prefix)
        where TNodeGraphType : IGraphType
    {
        var edge = new ObjectGraphType { Name = prefix + "Edge", Description = "An edge in a connection." };
        edge.AddField(new FieldType
        {
            Name = "cursor",
            Description = "A cursor for use in pagination.",
            Type = typeof(NonNullGraphType<StringGraphType>),
            Resolver = new FuncFieldResolver<object?>(context => ((IEdge)context.Source!).Cursor),
        });
        edge.AddField(new FieldType
        {
            Name = "node",
            Description = "The item at the end of the edge.",
            Type = typeof(NonNullGraphType<TNodeGraphType>),
            Resolver = new FuncFieldResolver<object?>(context => ((IEdge)context.Source!).Node),
        });

        var connection = new ObjectGraphType { Name = prefix + "Connection", Description = "A connection to a list of items." };
        connection.AddField(new FieldType
        {
            Name = "pageInfo",
            Description = "Information to aid in pagination.",
            Type = typeof(NonNullGraphType<PageInfoGraphType>),
            Resolver = new FuncFieldResolver<object?>(context => ((IConnection)context.Source!).PageInfo),
        });
        connection.AddField(new FieldType
        {
            Name = "edges",
            Description = "A list of edges.",
            ResolvedType = new ListGraphType(new NonNullGraphType(edge)),
            Resolver = new FuncFieldResolver<object?>(context => ((IConnection)context.Source!).Edges),
        });
        connection.AddField(new FieldType
        {
            Name = "nodes",
            Description = "A flattened list of the nodes.",
            Type = typeof(ListGraphType<NonNullGraphType<TNodeGraphType>>),
            Resolver = new FuncFieldResolver<object?>(context => ((IConnection)context.Source!).Nodes),
        });
        connection.AddField(new FieldType
        {
            Name = "totalCount",
            Description = "Identifies the total count of items in the connection.",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = new FuncFieldResolver<object?>(context => ((IConnection)context.Source!).TotalCount),
        });
        return connection;
    }
}
