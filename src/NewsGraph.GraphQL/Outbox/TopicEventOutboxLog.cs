using Microsoft.Extensions.Logging;

namespace NewsGraph.GraphQL.Outbox;

internal static partial class TopicEventOutboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Sending the event outbox failed ({Failures} in a row); retrying in {Pause}.")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, int failures, TimeSpan pause);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Outbox message {Id} on topic '{Topic}' cannot be sent and is dropped: {Reason}.")]
    public static partial void Unsendable(ILogger logger, long id, string topic, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The event outbox stopped with {Count} message(s) of its batch unsent; they are released for another instance.")]
    public static partial void ReleasedOnStop(ILogger logger, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The event outbox's claim on {Count} unsent message(s) expired and another instance took them over; this instance stops sending them.")]
    public static partial void ClaimLost(ILogger logger, int count);
}
