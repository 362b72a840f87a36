using System.Text;
using System.Text.Json;
using GraphQL;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// The graphql-sse events. Distinct connections mode: <c>next</c> carries the result, <c>complete</c> an empty
/// <c>data:</c> line because a browser's EventSource does not dispatch an event without one. Single connection mode:
/// <c>next</c> carries <c>{"id":…,"payload":result}</c> and <c>complete</c> <c>{"id":…}</c>.
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

    /// <summary>
    /// <c>event: next\ndata: {"id":"…","payload":</c> for one operation of a single-connection stream, escaped once per
    /// operation (kept in <see cref="Execution.StreamingOperation.ResultPrefix"/>).
    /// </summary>
    public static byte[] OperationNextPrefix(string operationId)
        => Encoding.UTF8.GetBytes($"event: next\ndata: {{\"id\":\"{JsonEncodedText.Encode(operationId)}\",\"payload\":");

    /// <summary>A result of an operation: its prefix, the result's shared once-serialized JSON, the closing brace.</summary>
    public static ReadOnlyMemory<byte> OperationNext(byte[] prefix, ReadOnlySpan<byte> json) => ResultFrames.Frame(prefix, json, "}\n\n"u8);

    public static ReadOnlyMemory<byte> OperationComplete(string operationId)
        => Encoding.UTF8.GetBytes($"event: complete\ndata: {{\"id\":\"{JsonEncodedText.Encode(operationId)}\"}}\n\n");
}
