namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// The readable key and channel names (documented in the README, so other systems can publish):
/// <c>{prefix}:events:{topic}</c> is the stream of a topic and <c>{prefix}:doorbell:{topic}</c> the pub/sub channel
/// rung after each entry is added.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string Stream(string topic) => $"{Prefix}:events:{topic}";

    public string Doorbell(string topic) => $"{Prefix}:doorbell:{topic}";
}
