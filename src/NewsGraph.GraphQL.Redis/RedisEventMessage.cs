using System.Collections.Concurrent;
using System.Text.Json;
using NewsGraph.GraphQL.Subscriptions;

namespace NewsGraph.GraphQL.Redis;

/// <summary>
/// One entry read from Redis, handed to the local hub as is: deserialized once per message type the subscribers
/// ask for, and the same object then goes to every subscriber of that type.
/// </summary>
internal sealed class RedisEventMessage(JsonElement body) : ISerializedEventMessage
{
    private readonly ConcurrentDictionary<Type, object?> _byType = new();

    public bool TryGetMessage<TMessage>(out TMessage message)
    {
        var value = _byType.GetOrAdd(typeof(TMessage), static (type, json) => Deserialize(json, type), body);
        if (value is TMessage typed)
        {
            message = typed;
            return true;
        }

        message = default!;
        return false;
    }

    private static object? Deserialize(JsonElement json, Type type)
    {
        try
        {
            return json.Deserialize(type, RedisEventEnvelope.JsonOptions);
        }
        catch (JsonException)
        {
            // A body that does not fit this type (another system's mistake) reaches no subscriber of the type,
            // rather than failing the subscriptions.
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
