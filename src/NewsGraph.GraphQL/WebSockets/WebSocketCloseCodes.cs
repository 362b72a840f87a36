namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// Close codes of the graphql-ws protocol (its <c>CloseCode</c> enum), used for the legacy protocol too so a client
/// sees the same reason whichever protocol it picked, plus the standard codes the server uses.
/// </summary>
public static class WebSocketCloseCodes
{
    public const int NormalClosure = 1000;

    /// <summary>The server is shutting down.</summary>
    public const int GoingAway = 1001;

    /// <summary>The client does not read fast enough: its bounded send queue filled up.</summary>
    public const int PolicyViolation = 1008;

    /// <summary>A message larger than <see cref="GraphQLWebSocketOptions.MaxMessageSize"/>.</summary>
    public const int MessageTooBig = 1009;

    /// <summary>Invalid JSON, unknown message type, missing id, malformed payload.</summary>
    public const int BadRequest = 4400;

    /// <summary>An operation before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The connection initializer (authentication hook) refused <c>connection_init</c>.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client offered no sub-protocol the server speaks.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No <c>connection_init</c> within the initialization timeout.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation that is still active.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>An unexpected server error while handling a message.</summary>
    public const int InternalServerError = 4500;
}
