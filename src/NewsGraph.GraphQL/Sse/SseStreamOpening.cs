namespace NewsGraph.GraphQL.Sse;

/// <summary>What became of a request to open a single-connection stream's event stream.</summary>
internal enum SseStreamOpening
{
    Opened,

    /// <summary>Its event stream is open already (409: one per token).</summary>
    AlreadyOpen,

    /// <summary>It expired or ended meanwhile (404).</summary>
    Closed,
}
