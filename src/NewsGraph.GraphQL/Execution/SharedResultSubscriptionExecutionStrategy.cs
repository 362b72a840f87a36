using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using Microsoft.Extensions.DependencyInjection;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// GraphQL.NET's scoped subscription strategy (a DI scope per event), except that subscribers whose requests are
/// interchangeable (<see cref="SubscriptionResultKey"/>: same document, operation, variables, extensions and user)
/// share ONE execution of the selection set per source event: the first to process an event executes it, the others
/// await that execution and get the very same <see cref="ExecutionResult"/> instance, which the transports serialize
/// once (<see cref="SerializedExecutionResults"/>). Without this, N subscribers of one query cost N executions of the
/// same selection on the same object.
/// <para>
/// Contract with the event sources: an event is identified by its object. A source that hands the same object to all
/// its subscribers (the normal fan-out) gets the sharing; one that publishes the same mutable object again after
/// changing it would, within <see cref="SharingWindow"/>, get the earlier result — publish a new object per event.
/// Per-subscriber ordering is unchanged (each subscriber still processes its events one by one); errors of the shared
/// execution reach every sharer, as each would have got them. The shared execution is not cancelled when the first
/// subscriber leaves, since others wait for it. Document listeners run once per shared execution.
/// </para>
/// </summary>
public class SharedResultSubscriptionExecutionStrategy : ScopedSubscriptionExecutionStrategy
{
    /// <summary>How long the result of an event object is reused; long enough for a large fan-out to finish.</summary>
    public static readonly TimeSpan SharingWindow = TimeSpan.FromSeconds(10);

    // Per subscription (its root field node is created once per subscribe): its key, computed once.
    private readonly ConditionalWeakTable<ExecutionNode, KeyHolder> _keys = new();
    // Per source event object: the executions started for it, per key. Weak: gone with the event.
    private readonly ConditionalWeakTable<object, EventExecutions> _events = new();

    public SharedResultSubscriptionExecutionStrategy(IServiceScopeFactory serviceScopeFactory, IExecutionStrategy baseExecutionStrategy)
        : base(serviceScopeFactory, baseExecutionStrategy)
    {
    }

    /// <summary>Executions actually run (for tests and diagnostics): one per event per distinct key when shared.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    private long _executions;

    protected override async Task<IObservable<ExecutionResult>?> ResolveResponseStreamAsync(ExecutionContext context, ExecutionNode node)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(node);
        // Computed while the subscribing request's context is complete (user, variables); kept as long as the node.
        _keys.AddOrUpdate(node, new KeyHolder(SubscriptionResultKey.Create(context)));
        return await base.ResolveResponseStreamAsync(context, node).ConfigureAwait(false);
    }

    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (value is null || !_keys.TryGetValue(node, out var holder) || holder.Key is not { } key)
        {
            Interlocked.Increment(ref _executions);
            return await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
        }

        var executions = GetExecutions(value);
        var mine = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = executions.Results.GetOrAdd(key, mine);
        if (!ReferenceEquals(shared, mine))
        {
            return await shared.Task.ConfigureAwait(false);
        }

        try
        {
            // Not this subscriber's token: the others wait for this execution even if this subscriber leaves.
            context.CancellationToken = CancellationToken.None;
            Interlocked.Increment(ref _executions);
            var result = await base.ProcessDataAsync(context, node, value).ConfigureAwait(false);
            mine.SetResult(result);
            return result;
        }
        catch (Exception ex)
        {
            // The base strategy turns failures into results; should anything still escape, nobody may hang on it.
            executions.Results.TryRemove(new KeyValuePair<SubscriptionResultKey, TaskCompletionSource<ExecutionResult>>(key, mine));
            mine.TrySetException(ex);
            throw;
        }
    }

    private EventExecutions GetExecutions(object value)
    {
        var now = Environment.TickCount64;
        if (_events.TryGetValue(value, out var existing) && now - existing.Started < (long)SharingWindow.TotalMilliseconds)
        {
            return existing;
        }

        // First subscriber of this event (or the same object published again after the window): a fresh set.
        // Racing first subscribers may each create one; GetOrAdd keeps the first one stored, unless it is stale.
        var created = new EventExecutions(now);
        var stored = _events.GetValue(value, _ => created);
        if (now - stored.Started >= (long)SharingWindow.TotalMilliseconds)
        {
            _events.AddOrUpdate(value, created);
            return created;
        }

        return stored;
    }

    private sealed record KeyHolder(SubscriptionResultKey? Key);

    private sealed class EventExecutions(long started)
    {
        public long Started { get; } = started;

        public ConcurrentDictionary<SubscriptionResultKey, TaskCompletionSource<ExecutionResult>> Results { get; } = new();
    }
}
