using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Sse;

/// <summary>Source-generated log messages of the server-sent events transport.</summary>
internal static partial class SseLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "GraphQL event-stream client too slow: {Capacity} events were waiting; aborting the request.")]
    public static partial void SendQueueFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Unhandled exception while streaming a GraphQL response.")]
    public static partial void UnhandledException(ILogger logger, Exception exception);
}
