using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Source-generated log messages of the WebSocket transport.</summary>
internal static partial class WebSocketLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "WebSocket connection closed by the server with {CloseCode}: {Reason}.")]
    public static partial void Closing(ILogger logger, int closeCode, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Unexpected error on a GraphQL WebSocket connection; closing it with 4500.")]
    public static partial void UnexpectedError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "GraphQL WebSocket client too slow: {Capacity} messages were waiting; closing the connection.")]
    public static partial void SendQueueFull(ILogger logger, int capacity);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "GraphQL WebSocket connection ended abruptly.")]
    public static partial void ConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "GraphQL WebSocket operation {OperationId} refused: the connection already runs {MaxOperations} operations.")]
    public static partial void OperationRefused(ILogger logger, string operationId, int maxOperations);
}
