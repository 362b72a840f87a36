using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// The UTF-8 JSON of an execution result, serialized once per result instance and serializer. Subscribers that share
/// a result (<see cref="SharedResultSubscriptionExecutionStrategy"/>) then cost one serialization per event, not one
/// per subscriber; the transports only wrap these bytes. The bytes must be treated as read-only.
/// </summary>
internal static class SerializedExecutionResults
{
    private static readonly ConditionalWeakTable<ExecutionResult, Entry> Cache = new();

    public static byte[] GetUtf8(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        // Lazy: the table may run the factory on several threads at once; only the stored entry serializes.
        var entry = Cache.GetValue(result, r => new Entry(serializer, r));
        return ReferenceEquals(entry.Serializer, serializer)
            ? entry.Utf8.Value
            : Encoding.UTF8.GetBytes(serializer.Serialize(result)); // another serializer: its own output, uncached
    }

    private sealed class Entry(IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        public IGraphQLTextSerializer Serializer { get; } = serializer;

        public Lazy<byte[]> Utf8 { get; } = new(() => Encoding.UTF8.GetBytes(serializer.Serialize(result)), LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
