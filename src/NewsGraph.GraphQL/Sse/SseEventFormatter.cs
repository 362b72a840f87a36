using System.Text;
using GraphQL;
using NewsGraph.GraphQL.Streaming;

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

    // In this mode an event carries no id, so the whole frame of a result shared by many subscribers is the same.
    private static readonly ResultFrames NextFrames = new("event: next\ndata: "u8.ToArray(), "\n\n"u8.ToArray());

    /// <summary>
    /// The <c>next</c> event of a result, built once per result instance (from its once-serialized UTF-8 JSON) and
    /// shared by every stream that sends it; read-only.
    /// </summary>
    public static ReadOnlyMemory<byte> Next(ExecutionResult result, IGraphQLTextSerializer serializer) => NextFrames.Get(result, serializer);
}
