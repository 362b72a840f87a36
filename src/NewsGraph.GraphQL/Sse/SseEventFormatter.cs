using System.Text;

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
}
