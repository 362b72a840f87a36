using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Resolvers;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>
/// Resolve a field with a loader result. The engine recognises <see cref="IDataLoaderResult"/> and defers it
/// until the rest of the level has run, which is what lets the keys of a level share one batch.
/// </summary>
public static class DataLoaderFieldBuilderExtensions
{
    /// <summary>1:1 fields, nullable or not: <c>ctx =&gt; loader.LoadAsync(ctx.Source.AuthorId)</c>.</summary>
    public static FieldBuilder<TSource, TReturn> ResolveAsync<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder,
        Func<IResolveFieldContext<TSource>, IDataLoaderResult<TReturn?>> resolve)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolve);
        return builder.Resolve(new FuncFieldResolver<TSource, IDataLoaderResult<TReturn?>>(resolve));
    }

    /// <summary>1:n fields declared as <see cref="IReadOnlyList{T}"/>: <c>ctx =&gt; groups.LoadAsync(ctx.Source.Id)</c>.</summary>
    public static FieldBuilder<TSource, IReadOnlyList<TElement>> ResolveAsync<TSource, TElement>(
        this FieldBuilder<TSource, IReadOnlyList<TElement>> builder,
        Func<IResolveFieldContext<TSource>, IDataLoaderResult<IReadOnlyList<TElement>>> resolve)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolve);
        return builder.Resolve(new FuncFieldResolver<TSource, IDataLoaderResult<IReadOnlyList<TElement>>>(resolve));
    }

    /// <summary>1:n fields declared as <see cref="IEnumerable{T}"/>.</summary>
    public static FieldBuilder<TSource, IEnumerable<TElement>> ResolveAsync<TSource, TElement>(
        this FieldBuilder<TSource, IEnumerable<TElement>> builder,
        Func<IResolveFieldContext<TSource>, IDataLoaderResult<IReadOnlyList<TElement>>> resolve)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolve);
        return builder.Resolve(new FuncFieldResolver<TSource, IDataLoaderResult<IReadOnlyList<TElement>>>(resolve));
    }
}
