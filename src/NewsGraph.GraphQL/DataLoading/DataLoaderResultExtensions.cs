using GraphQL.DataLoader;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>Composes loader results without resolving them early (the batch still runs once for the level).</summary>
public static class DataLoaderResultExtensions
{
    /// <summary>A result that is <paramref name="selector"/> of <paramref name="result"/>'s value, once loaded.</summary>
    public static IDataLoaderResult<TResult> Select<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(selector);
        return new SelectedDataLoaderResult<T, TResult>(result, selector);
    }

    private sealed class SelectedDataLoaderResult<T, TResult>(IDataLoaderResult<T> source, Func<T, TResult> selector) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            selector(await source.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
