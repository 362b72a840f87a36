namespace NewsGraph.GraphQL.Subscriptions;

/// <summary>
/// A message that arrived serialized (from another process). The hub hands it to subscribers of any message type:
/// it is deserialized once per type and the same object goes to every subscriber of that type.
/// </summary>
public interface ISerializedEventMessage
{
    /// <summary>The message as <typeparamref name="TMessage"/>, or false when it cannot be read as one.</summary>
    bool TryGetMessage<TMessage>(out TMessage message);
}
