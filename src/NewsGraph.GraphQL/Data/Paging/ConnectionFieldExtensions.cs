using System.Linq.Expressions;
using System.Text.Json;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Data.Projection;
using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Data.Paging;

/// <summary>Declares HC-shaped connection fields and runs their standard resolver body.</summary>
public static class ConnectionFieldExtensions
{
    private static readonly PagingOptions DefaultOptions = new();

    /// <summary>
    /// Adds a nullable <c>{Field}Connection</c> field with HC's arguments in HC's order:
    /// <c>first, after, last, before</c>, then <c>where: TFilter</c> and <c>order: [TSort!]</c> when given.
    /// </summary>
    public static FieldType AddConnectionField<TNodeGraphType>(
        this IComplexGraphType parent,
        ConnectionTypeRegistry registry,
        string name,
        Func<IResolveFieldContext, Task<object?>> resolve,
        Type? filterInputType = null,
        Type? sortInputType = null,
        string? description = null)
        where TNodeGraphType : IGraphType
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resolve);

        var arguments = new QueryArguments(
            new QueryArgument(typeof(IntGraphType)) { Name = "first", Description = "Returns the first _n_ elements from the list." },
            new QueryArgument(typeof(StringGraphType)) { Name = "after", Description = "Returns the elements in the list that come after the specified cursor." },
            new QueryArgument(typeof(IntGraphType)) { Name = "last", Description = "Returns the last _n_ elements from the list." },
            new QueryArgument(typeof(StringGraphType)) { Name = "before", Description = "Returns the elements in the list that come before the specified cursor." });
        if (filterInputType is not null)
        {
            arguments.Add(new QueryArgument(filterInputType) { Name = "where" });
        }

        if (sortInputType is not null)
        {
            arguments.Add(new QueryArgument(typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(sortInputType)))
            {
                Name = "order",
            });
        }

        var field = new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = registry.GetConnectionType<TNodeGraphType>(name),
            Arguments = arguments,
            Resolver = new FuncFieldResolver<object?>(context => new ValueTask<object?>(resolve(context))),
        };
        parent.AddField(field);
        return field;
    }

    /// <summary>
    /// The standard resolver body: applies <c>where</c>, <c>order</c> (or <paramref name="defaultOrder"/>) plus
    /// <paramref name="uniqueKey"/> as final tie-breaker, pages with keyset cursors, and counts only when
    /// <c>totalCount</c> is selected. <see cref="PagingOptions"/> come from RequestServices when registered.
    /// Items of a projected type are read with just what the selection needs (<see cref="SelectionProjection"/>).
    /// </summary>
    public static Task<Connection<T>> ToConnectionAsync<T>(this IResolveFieldContext context, IQueryable<T> query, IReadOnlyList<SortKey<T>> defaultOrder, SortKey<T> uniqueKey)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = context.GetConnectionRequest(defaultOrder, uniqueKey);
        var filtered = request.Predicate is null ? query : query.Where(request.Predicate);
        return filtered.ToConnectionAsync(request, context.CancellationToken, SelectionProjection.ForConnectionNodes<T>(context));
    }

    /// <summary>Parses and validates the connection inputs without executing (for batching loaders of nested connections).</summary>
    public static ConnectionRequest<T> GetConnectionRequest<T>(this IResolveFieldContext context, IReadOnlyList<SortKey<T>> defaultOrder, SortKey<T> uniqueKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(defaultOrder);
        ArgumentNullException.ThrowIfNull(uniqueKey);

        var options = GetPagingOptions(context);
        var paging = GetPagingArguments(context);
        var window = PagingValidation.Validate(paging, options, $"{context.ParentType.Name}.{context.FieldDefinition.Name}");

        var where = ArgumentValue(context, "where");
        var predicate = GetFilterPredicate<T>(context);

        var orderValue = ArgumentValue(context, "order");
        var order = orderValue is null ? [] : ArgumentType<SortInputType<T>>(context, "order").BuildSortKeys(orderValue);
        if (order.Count == 0)
        {
            order = defaultOrder;
        }

        if (order.Count == 0 || order[^1].Name != uniqueKey.Name)
        {
            order = [.. order, uniqueKey];
        }

        var includeTotalCount = context.SelectsTotalCount();
        var key = JsonSerializer.Serialize(new object?[]
        {
            where,
            order.Select(k => k.Name + (k.Direction == SortDirection.Ascending ? "+" : "-")),
            paging,
            includeTotalCount,
        });
        return new ConnectionRequest<T>(predicate, order, paging, options, window, includeTotalCount, key);
    }

    /// <summary>Whether the connection's selection asks for <c>totalCount</c> (counted only then).</summary>
    public static bool SelectsTotalCount(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SubFields?.Values.Any(selection => selection.FieldType.Name == "totalCount") == true;
    }

    /// <summary>The paging options of the request's services, or the defaults.</summary>
    public static PagingOptions GetPagingOptions(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices?.GetService<PagingOptions>() ?? DefaultOptions;
    }

    /// <summary><c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> as given, not yet validated.</summary>
    public static PagingArguments GetPagingArguments(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PagingArguments(
            ArgumentValue(context, "first") is { } first ? Convert.ToInt32(first, System.Globalization.CultureInfo.InvariantCulture) : null,
            ArgumentValue(context, "after") as string,
            ArgumentValue(context, "last") is { } last ? Convert.ToInt32(last, System.Globalization.CultureInfo.InvariantCulture) : null,
            ArgumentValue(context, "before") as string);
    }

    /// <summary>
    /// The <c>where</c> argument as a predicate over <typeparamref name="T"/>, the type its filter input describes
    /// (which may differ from the connection's node type, e.g. search hits filtered by their article); null without one.
    /// </summary>
    public static Expression<Func<T, bool>>? GetFilterPredicate<T>(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var where = ArgumentValue(context, "where");
        return where is null ? null : ArgumentType<FilterInputType<T>>(context, "where").BuildPredicate(where);
    }

    private static object? ArgumentValue(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var value) ? value.Value : null;

    private static TGraphType ArgumentType<TGraphType>(IResolveFieldContext context, string name)
        where TGraphType : class
    {
        IGraphType? type = context.FieldDefinition.Arguments?.Find(name)?.ResolvedType;
        while (type is IProvideResolvedType wrapper)
        {
            type = wrapper.ResolvedType;
        }

        return type as TGraphType
            ?? throw new InvalidOperationException($"Argument `{name}` of `{context.FieldDefinition.Name}` is not a {typeof(TGraphType).Name}.");
    }
}
