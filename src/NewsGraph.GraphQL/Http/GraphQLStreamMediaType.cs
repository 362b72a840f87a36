namespace NewsGraph.GraphQL.Http;

/// <summary>The streamed responses a client may ask for in <c>Accept</c>, each served by a streaming transport.</summary>
public enum GraphQLStreamMediaType
{
    /// <summary><c>text/event-stream</c>: GraphQL over server-sent events.</summary>
    EventStream,

    /// <summary><c>multipart/mixed;subscriptionSpec=1.0</c>: Apollo's multipart HTTP subscriptions.</summary>
    MultipartSubscription,
}
