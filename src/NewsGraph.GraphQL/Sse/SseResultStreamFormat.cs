using GraphQL;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// graphql-sse's events as a stream format: <c>next</c> per result (a failing stream's errors too), <c>complete</c> at
/// the end, a comment line as keep-alive, and nothing on shutdown (the stream just ends, so the client opens it again).
/// </summary>
internal sealed class SseResultStreamFormat : IResultStreamFormat
{
    private SseResultStreamFormat()
    {
    }

    public static SseResultStreamFormat Instance { get; } = new();

    public string ContentType => GraphQLHttpMediaTypes.EventStream;

    public ReadOnlyMemory<byte> Start => ReadOnlyMemory<byte>.Empty;

    public ReadOnlyMemory<byte> KeepAlive => SseEventFormatter.KeepAlive;

    public ReadOnlyMemory<byte> Complete => SseEventFormatter.Complete;

    public ReadOnlyMemory<byte> ServerStopping => ReadOnlyMemory<byte>.Empty;

    public ReadOnlyMemory<byte> Next(ExecutionResult result, IGraphQLTextSerializer serializer) => SseEventFormatter.Next(result, serializer);

    public ReadOnlyMemory<byte> Failure(ExecutionResult errors, IGraphQLTextSerializer serializer) => SseEventFormatter.Next(errors, serializer);
}
