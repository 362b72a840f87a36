namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// <c>extensions.code</c> of the JSON errors single connection mode answers protocol requests with (graphql-sse's
/// reference server sends only a message; the codes are ours, for clients and logs to tell the cases apart).
/// </summary>
public static class SseErrorCodes
{
    /// <summary>404: no stream has this token (never reserved, expired, or its event stream has ended).</summary>
    public const string StreamNotFound = "SSE_STREAM_NOT_FOUND";

    /// <summary>403: the stream was reserved by another principal.</summary>
    public const string StreamForbidden = "SSE_STREAM_FORBIDDEN";

    /// <summary>409: the stream's event stream is already open (one per token).</summary>
    public const string StreamAlreadyOpen = "SSE_STREAM_ALREADY_OPEN";

    /// <summary>503: as many streams are reserved and not yet opened as the server holds, or it is shutting down.</summary>
    public const string ReservationRefused = "SSE_RESERVATION_REFUSED";

    /// <summary>400: an operation without <c>extensions.operationId</c> (or a stop without <c>operationId</c>).</summary>
    public const string OperationIdMissing = "SSE_OPERATION_ID_MISSING";

    /// <summary>400: a batch (a JSON array) sent with a stream token: each operation on a stream needs its own id.</summary>
    public const string BatchNotSupported = "SSE_BATCH_NOT_SUPPORTED";

    /// <summary>409: the stream already runs an operation with this id.</summary>
    public const string OperationIdInUse = "SSE_OPERATION_ID_IN_USE";

    /// <summary>406: the <c>Accept</c> header excludes what the answer is (text/plain for a reservation, JSON otherwise).</summary>
    public const string NotAcceptable = "SSE_NOT_ACCEPTABLE";
}
