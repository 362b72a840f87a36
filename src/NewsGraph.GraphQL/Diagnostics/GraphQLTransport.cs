namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>The streaming transports whose connections and subscriptions <see cref="GraphQLMetrics"/> counts.</summary>
public enum GraphQLTransport
{
    /// <summary>graphql-ws or the legacy subscriptions-transport-ws.</summary>
    WebSocket,

    /// <summary>graphql-sse (distinct connections).</summary>
    ServerSentEvents,

    /// <summary>Apollo's multipart HTTP subscriptions.</summary>
    MultipartHttp,
}
