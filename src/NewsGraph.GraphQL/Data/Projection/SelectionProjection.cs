using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Data.Projection;

/// <summary>
/// Builds <c>x =&gt; new T { A = x.A, Ref = x.Ref == null ? null : new R { … } }</c> from the fields a request selects
/// on a list's items or a look-up's object (<see cref="Shape"/>), so the database returns only those columns and joins
/// the references they show (an article's author, its category and that category's parent) instead of a loader query
/// each. Unselected members keep their defaults: only types that declared what every field reads
/// (<see cref="ProjectionMetadata"/>) are projected, and any field the projection cannot account for loads the whole
/// object as before. Hand-written: GraphQL.NET has no projection, and Hot Chocolate's cannot be installed here.
/// </summary>
public static class SelectionProjection
{
    private const int MaxCachedProjections = 1024;
    private static readonly ConcurrentDictionary<(Type Type, string Shape), LambdaExpression> Cache = new();

    // A field of a document always projects the same way, and cached documents repeat the same AST nodes: each is
    // worked out once (weakly keyed, so it goes with its document).
    private static readonly ConditionalWeakTable<GraphQLField, Memo> ByField = [];

    /// <summary>
    /// The projection of a connection field's items (<c>nodes</c> and <c>edges.node</c>), or null when the item type
    /// is not projected or the selection asks for something the projection cannot account for.
    /// </summary>
    public static Expression<Func<T, T>>? ForConnectionNodes<T>(IResolveFieldContext context) =>
        Memoized(context, ConnectionNodes<T>);

    /// <summary>
    /// The projection of a field that returns one object (a look-up such as <c>articleBySlug</c>), or null when its
    /// type is not projected or the selection asks for something the projection cannot account for.
    /// </summary>
    public static Expression<Func<T, T>>? ForSelection<T>(IResolveFieldContext context) =>
        Memoized(context, Selection<T>);

    private static Expression<Func<T, T>>? Memoized<T>(IResolveFieldContext context, Func<IResolveFieldContext, Expression<Func<T, T>>?> project)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ByField.TryGetValue(context.FieldAst, out var memo))
        {
            return (Expression<Func<T, T>>?)memo.Projection;
        }

        var projection = project(context);
        ByField.AddOrUpdate(context.FieldAst, new Memo(projection));
        return projection;
    }

    private static Expression<Func<T, T>>? ConnectionNodes<T>(IResolveFieldContext context)
    {
        if (context.SubFields is not { } subFields
            || Unwrap(context.FieldDefinition.ResolvedType) is not IObjectGraphType connectionType
            || Unwrap(connectionType.GetField("nodes")?.ResolvedType) is not IObjectGraphType nodeType)
        {
            return null;
        }

        var nodeFields = new List<GraphQLField>();
        foreach (var (field, definition) in subFields.Values)
        {
            if (definition.Name == "nodes")
            {
                if (!SelectedFields.TryCollect(field.SelectionSet, nodeType, context.Schema, context.Document, nodeFields))
                {
                    return null;
                }
            }
            else if (definition.Name == "edges" && Unwrap(definition.ResolvedType) is IObjectGraphType edgeType)
            {
                var edgeFields = new List<GraphQLField>();
                if (!SelectedFields.TryCollect(field.SelectionSet, edgeType, context.Schema, context.Document, edgeFields))
                {
                    return null;
                }

                foreach (var node in edgeFields.Where(f => f.Name.StringValue == "node"))
                {
                    if (!SelectedFields.TryCollect(node.SelectionSet, nodeType, context.Schema, context.Document, nodeFields))
                    {
                        return null;
                    }
                }
            }
        }

        return Build<T>(Shape.Of(typeof(T), nodeType, nodeFields, context));
    }

    private static Expression<Func<T, T>>? Selection<T>(IResolveFieldContext context)
    {
        var fields = new List<GraphQLField>();
        return Unwrap(context.FieldDefinition.ResolvedType) is not IObjectGraphType type
            || !SelectedFields.TryCollect(context.FieldAst.SelectionSet, type, context.Schema, context.Document, fields)
            ? null
            : Build<T>(Shape.Of(typeof(T), type, fields, context));
    }

    private static Expression<Func<T, T>>? Build<T>(Shape? shape)
    {
        if (shape is null)
        {
            return null;
        }

        var key = (typeof(T), shape.Key);
        if (Cache.TryGetValue(key, out var cached))
        {
            return (Expression<Func<T, T>>)cached;
        }

        var source = Expression.Parameter(typeof(T), "x");
        var projection = Expression.Lambda<Func<T, T>>(shape.Initializer(source), source);
        // Distinct selections are few in practice; a client inventing new ones only stops adding to the cache.
        if (Cache.Count < MaxCachedProjections)
        {
            Cache.TryAdd(key, projection);
        }

        return projection;
    }

    internal static IGraphType? Unwrap(IGraphType? type)
    {
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType;
        }

        return type;
    }

    private sealed class Memo(LambdaExpression? projection)
    {
        public LambdaExpression? Projection { get; } = projection;
    }
}
