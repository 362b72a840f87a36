using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Categories;

/// <summary>
/// The category tree held in memory for the subscription filter "this category and everything under it", matched per
/// event and subscriber without a database read. It follows the tree as it changes: a category this instance does not
/// know yet (created after the snapshot, here or on another instance) makes the next event reload it; this instance's
/// category mutations invalidate it; and a snapshot older than <see cref="MaxAge"/> is reloaded before the next event,
/// which bounds how long a category moved on another instance is matched by its old place. Each reload is one small
/// query (the table is a navigation menu).
/// </summary>
public sealed class CategoryHierarchy(IDbContextFactory<NewsDbContext> databases, TimeProvider clock) : IDisposable
{
    /// <summary>How long a snapshot is trusted for categories moved on other instances.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Snapshot? _current;
    // Bumped by Invalidate: a snapshot of an older generation is stale, even one whose load was still running.
    private int _generation;

    /// <summary>Whether the article's category is <paramref name="slug"/> or under it, by the current snapshot.</summary>
    public bool IsWithin(int categoryId, string slug) => _current?.Tree.IsWithin(categoryId, slug) ?? false;

    /// <summary>Called by subscribers that filter by category: loads the tree unless a fresh one is there.</summary>
    public ValueTask EnsureLoadedAsync(CancellationToken cancellationToken) =>
        _current is { } snapshot && IsFresh(snapshot) ? ValueTask.CompletedTask : new ValueTask(ReloadAsync(cancellationToken));

    /// <summary>
    /// Called before an article event is handed to subscribers: reloads the tree if it is in use and either does not
    /// know the article's category or is stale. Costs nothing while nobody filters by category.
    /// </summary>
    public ValueTask EnsureCurrentAsync(int categoryId, CancellationToken cancellationToken) =>
        _current is not { } snapshot || (snapshot.Tree.Contains(categoryId) && IsFresh(snapshot))
            ? ValueTask.CompletedTask
            : new ValueTask(ReloadAsync(cancellationToken));

    /// <summary>The tree changed on this instance: the next event (or subscriber) reloads it.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.Generation == Volatile.Read(ref _generation) && clock.GetUtcNow() - snapshot.LoadedAt < MaxAge;

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var requested = clock.GetUtcNow();
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.LoadedAt >= requested && IsFresh(loaded))
            {
                return; // another caller reloaded while this one waited
            }

            var generation = Volatile.Read(ref _generation);
            var loadedAt = clock.GetUtcNow();
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            _current = new Snapshot(await CategoryTree.LoadAsync(db, cancellationToken), loadedAt, generation);
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose() => _reloading.Dispose();

    private sealed record Snapshot(CategoryTree Tree, DateTimeOffset LoadedAt, int Generation);
}
