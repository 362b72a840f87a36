using System.ComponentModel.DataAnnotations;

namespace NewsGraph.GraphQL.Redis;

/// <summary>Settings of the Redis event bus (configuration section <c>Redis</c>).</summary>
public sealed class RedisTopicEventBusOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. Required.</summary>
    public string? Configuration { get; set; }

    /// <summary>The first segment of every key and channel, so that several applications can share one Redis.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "newsgraph";

    /// <summary>
    /// Entries kept per topic stream (trimmed approximately, which Redis does cheaply). This is how far behind an
    /// instance may fall while disconnected and still receive everything.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long StreamMaxLength { get; set; } = 10_000;

    /// <summary>
    /// How often each instance looks for new entries even without a doorbell ring: the doorbell is plain pub/sub
    /// and can be missed while a connection is down, the stream cannot.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Entries read per round trip.</summary>
    [Range(1, int.MaxValue)]
    public int ReadBatchSize { get; set; } = 256;

    /// <summary>How long a send keeps retrying while Redis is unreachable before it gives up with an exception.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Envelope ids remembered per topic to drop an entry a retried send wrote twice; 0 remembers none.</summary>
    [Range(0, int.MaxValue)]
    public int DeduplicationWindow { get; set; } = 4096;
}
