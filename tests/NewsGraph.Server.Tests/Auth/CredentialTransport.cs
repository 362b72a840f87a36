namespace NewsGraph.Server.Tests.Auth;

/// <summary>Where a test credential travels.</summary>
public enum CredentialTransport
{
    /// <summary>Headers of <c>POST /graphql</c> (a mutation).</summary>
    HttpPost,

    /// <summary>Headers of <c>GET /graphql?query=…</c> (a query for a draft).</summary>
    HttpGet,

    /// <summary>Headers of <c>POST /graphql</c> with <c>Accept: text/event-stream</c> (a mutation).</summary>
    ServerSentEvents,

    /// <summary>Headers of <c>POST /graphql</c> with <c>Accept: multipart/mixed;subscriptionSpec=1.0</c> alone (a mutation, answered as one part).</summary>
    MultipartHttp,

    /// <summary>Headers of the WebSocket upgrade request (graphql-transport-ws, a mutation).</summary>
    WebSocketUpgrade,

    /// <summary>The graphql-transport-ws <c>connection_init</c> payload: <c>authorization</c> / <c>apiKey</c> fields.</summary>
    WebSocketInit,

    /// <summary>The same payload on the legacy graphql-ws sub-protocol.</summary>
    LegacyWebSocketInit,
}
