using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NewsGraph.GraphQL.Redis;

/// <summary>Source-generated log messages of the Redis event bus.</summary>
internal static partial class RedisTopicEventBusLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Reading Redis stream {StreamKey} failed; retrying at the next poll.")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string streamKey);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Skipped entry {EntryId} of Redis stream {StreamKey}: its envelope is not valid JSON with a body.")]
    public static partial void InvalidEnvelope(ILogger logger, string streamKey, string entryId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Sending to Redis stream {StreamKey} failed; retrying.")]
    public static partial void SendRetry(ILogger logger, Exception exception, string streamKey);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Redis connection restored ({ConnectionType}); re-reading every stream from its last-seen entry.")]
    public static partial void ConnectionRestored(ILogger logger, ConnectionType connectionType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Redis connection failed ({ConnectionType}, {FailureType}); events published meanwhile are read on reconnection.")]
    public static partial void ConnectionFailed(ILogger logger, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Events were probably lost: Redis stream {StreamKey} no longer holds the entries after {LastReadId}, the last this instance read (its oldest entry is {FirstEntryId}). Raise Redis:StreamMaxLength if instances are away this long.")]
    public static partial void EntriesTrimmedUnread(ILogger logger, string streamKey, string lastReadId, string firstEntryId);
}
