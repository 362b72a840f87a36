using GraphQL.DataLoader;

namespace NewsGraph.GraphQL.DataLoading;

/// <summary>
/// A value already in memory, in the shape of a loader result, so that one field resolver can return either that
/// value (a preloaded navigation, a missing foreign key) or a loader's deferred result.
/// </summary>
public sealed class CompletedDataLoaderResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
