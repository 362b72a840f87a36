using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// The graphql-sse "distinct connections" events. <c>complete</c> carries an empty <c>data:</c> line because a browser's
/// EventSource does not dispatch an event without one.
/// </summary>
internal static class SseEventFormatter
{
    public static readonly ReadOnlyMemory<byte> Complete = Encoding.UTF8.GetBytes("event: complete\ndata:\n\n");

    /// <summary>A comment line: ignored by clients, keeps intermediaries from closing an idle stream.</summary>
    public static readonly ReadOnlyMemory<byte> KeepAlive = Encoding.UTF8.GetBytes(":\n\n");

    /// <param name="json">An execution result serialized on one line (System.Text.Json escapes line breaks in strings).</param>
    public static ReadOnlyMemory<byte> Next(string json) => Encoding.UTF8.GetBytes($"event: next\ndata: {json}\n\n");

    // In this mode an event carries no id, so the whole frame of a result shared by many subscribers is the same.
    private static readonly ConditionalWeakTable<ExecutionResult, byte[]> Frames = new();

    /// <summary>
    /// The <c>next</c> event of a result, built once per result instance (from its once-serialized UTF-8 JSON) and
    /// shared by every stream that sends it; read-only.
    /// </summary>
    public static ReadOnlyMemory<byte> Next(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        if (Frames.TryGetValue(result, out var cached))
        {
            return cached;
        }

        var frame = BuildNext(SerializedExecutionResults.GetUtf8(result, serializer));
        // Another stream may have built it meanwhile: either copy is the same bytes, the table keeps one.
        return Frames.GetValue(result, _ => frame);
    }

    private static byte[] BuildNext(ReadOnlySpan<byte> json)
    {
        ReadOnlySpan<byte> start = "event: next\ndata: "u8;
        ReadOnlySpan<byte> end = "\n\n"u8;
        var frame = new byte[start.Length + json.Length + end.Length];
        start.CopyTo(frame);
        json.CopyTo(frame.AsSpan(start.Length));
        end.CopyTo(frame.AsSpan(start.Length + json.Length));
        return frame;
    }
}
