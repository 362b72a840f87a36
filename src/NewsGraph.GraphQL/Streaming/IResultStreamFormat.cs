using GraphQL;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>
/// How a streaming HTTP transport frames a GraphQL response stream (<see cref="GraphQLHttpStreamHandler"/>): each
/// frame is written to the response body as it is. Frames of a result may be shared by every stream that sends it,
/// so they are read-only.
/// </summary>
internal interface IResultStreamFormat
{
    /// <summary>The response's <c>Content-Type</c>.</summary>
    string ContentType { get; }

    /// <summary>Written once, before the first result (may be empty).</summary>
    ReadOnlyMemory<byte> Start { get; }

    /// <summary>Written when nothing else was written for the keep-alive interval, so intermediaries keep the stream open.</summary>
    ReadOnlyMemory<byte> KeepAlive { get; }

    /// <summary>Ends a stream that completed.</summary>
    ReadOnlyMemory<byte> Complete { get; }

    /// <summary>One result of the stream.</summary>
    ReadOnlyMemory<byte> Next(ExecutionResult result, IGraphQLTextSerializer serializer);

    /// <summary>The stream failed with <paramref name="errors"/> (a result with errors only); <see cref="Complete"/> follows.</summary>
    ReadOnlyMemory<byte> Failure(ExecutionResult errors, IGraphQLTextSerializer serializer);

    /// <summary>
    /// Ends the stream of a live subscription when the server shuts down, after what was queued; empty when the stream
    /// just ends. Never a <see cref="Complete"/>: that would tell the client its subscription is over, not to open it again.
    /// </summary>
    ReadOnlyMemory<byte> ServerStopping { get; }
}
