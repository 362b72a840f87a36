using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;

namespace NewsGraph.GraphQL.Streaming;

/// <summary>Source-generated log messages of the streaming HTTP transports (server-sent events, multipart).</summary>
internal static partial class HttpStreamLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "GraphQL {Transport} client too slow: {Capacity} results were waiting; aborting the request.")]
    public static partial void SendQueueFull(ILogger logger, GraphQLTransport transport, int capacity);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Unhandled exception while streaming a GraphQL response.")]
    public static partial void UnhandledException(ILogger logger, Exception exception);
}
