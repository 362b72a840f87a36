using GraphQL.DataLoader;

namespace NewsGraph.Server.Schema;

/// <summary>
/// A value that is already in memory, in the shape of a loader result, so that one field resolver can return
/// either the preloaded value or a loader's deferred result.
/// </summary>
internal sealed class PreloadedResult<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
