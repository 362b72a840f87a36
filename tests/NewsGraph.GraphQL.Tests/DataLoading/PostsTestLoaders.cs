using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.GraphQL.Tests.DataLoading;

public sealed class WriterByIdDataLoader(PostsTestData data) : BatchDataLoader<int, Writer>
{
    protected override Task<IReadOnlyDictionary<int, Writer>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        => data.FetchWritersAsync(keys, cancellationToken);
}

public sealed class LabelsByPostIdDataLoader(PostsTestData data) : GroupedDataLoader<int, Label>
{
    protected override Task<ILookup<int, Label>> LoadGroupsAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        => data.FetchLabelsAsync(keys, cancellationToken);
}
