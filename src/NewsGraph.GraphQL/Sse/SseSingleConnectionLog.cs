using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// Source-generated log messages of graphql-sse's single connection mode (what it shares with the other streaming
/// transports is logged by <see cref="Streaming.HttpStreamLog"/>). Stream tokens are secrets and never logged.
/// </summary>
internal static partial class SseSingleConnectionLog
{
    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "GraphQL event stream reservation refused: {MaxReservations} reserved streams are waiting to be opened.")]
    public static partial void ReservationRefused(ILogger logger, int maxReservations);

    [LoggerMessage(EventId = 204, Level = LogLevel.Debug, Message = "GraphQL event stream reservation expired: not opened within {Timeout}.")]
    public static partial void ReservationExpired(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 205, Level = LogLevel.Debug, Message = "GraphQL event stream operation {OperationId} refused: the stream already runs {MaxOperations} operations.")]
    public static partial void OperationRefused(ILogger logger, string operationId, int maxOperations);
}
