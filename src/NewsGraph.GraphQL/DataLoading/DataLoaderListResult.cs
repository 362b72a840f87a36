using GraphQL.DataLoader;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>Combines the deferred results of several keys into one deferred list, in key order.</summary>
internal sealed class DataLoaderListResult<T>(IReadOnlyList<IDataLoaderResult<T>> items) : IDataLoaderResult<IReadOnlyList<T>>
{
    public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var values = new T[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            // The first await dispatches the batch; the others then complete from the same fetch.
            values[i] = await items[i].GetResultAsync(cancellationToken);
        }

        return values;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        => await GetResultAsync(cancellationToken);
}
