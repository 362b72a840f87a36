using System.Collections.Concurrent;

namespace NewsGraph.GraphQL.Tests.DataLoading;

public sealed record Post(int Id, string Title, int WriterId);

public sealed record Writer(int Id, string Name);

public sealed record Label(int PostId, string Name);

/// <summary>In-memory "database" that records every batch fetch, so tests can count round trips.</summary>
public sealed class PostsTestData
{
    public const int PostCount = 50;
    public const int WriterCount = 10;

    public IReadOnlyList<Post> Posts { get; } =
        [.. Enumerable.Range(1, PostCount).Select(i => new Post(i, $"Post {i}", WriterId: ((i - 1) % WriterCount) + 1))];

    public ConcurrentQueue<IReadOnlyList<int>> WriterFetches { get; } = new();

    public ConcurrentQueue<IReadOnlyList<int>> LabelFetches { get; } = new();

    /// <summary>When set, writer fetches throw this message.</summary>
    public string? WriterFailure { get; set; }

    /// <summary>Simulated I/O latency, so concurrent loads really overlap.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(5);

    public async Task<IReadOnlyDictionary<int, Writer>> FetchWritersAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        WriterFetches.Enqueue([.. ids]);
        await Task.Delay(Latency, cancellationToken);
        if (WriterFailure is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        // Writer 0 does not exist: a missing key.
        return ids.Where(id => id is > 0 and <= WriterCount).ToDictionary(id => id, id => new Writer(id, $"Writer {id}"));
    }

    public async Task<ILookup<int, Label>> FetchLabelsAsync(IReadOnlyList<int> postIds, CancellationToken cancellationToken)
    {
        LabelFetches.Enqueue([.. postIds]);
        await Task.Delay(Latency, cancellationToken);

        // Post n has n % 3 labels, so some posts have none.
        return postIds.SelectMany(id => Enumerable.Range(1, id % 3).Select(n => new Label(id, $"label-{id}-{n}")))
            .ToLookup(l => l.PostId);
    }
}
