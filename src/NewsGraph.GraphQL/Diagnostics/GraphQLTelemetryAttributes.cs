namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>
/// Attribute (tag) names of the library's spans and metrics: the OpenTelemetry GraphQL semantic conventions where
/// they name one (<c>graphql.operation.*</c>), the same namespace otherwise.
/// </summary>
public static class GraphQLTelemetryAttributes
{
    /// <summary><c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
    public const string OperationType = "graphql.operation.type";

    /// <summary>The executed operation's name; absent for an anonymous operation.</summary>
    public const string OperationName = "graphql.operation.name";

    /// <summary>SHA-256 of the document text, lowercase hex (the APQ hash): identifies the document without exporting its text.</summary>
    public const string DocumentHash = "graphql.document.hash";

    /// <summary>The id of a persisted operation, when the request named one.</summary>
    public const string DocumentId = "graphql.document.id";

    /// <summary>An error's <c>extensions.code</c>.</summary>
    public const string ErrorCode = "graphql.error.code";

    /// <summary>The transport of a connection or subscription: <c>websocket</c> or <c>sse</c>.</summary>
    public const string Transport = "graphql.transport";

    /// <summary>The data loader of a batch span (its type name).</summary>
    public const string DataLoaderName = "graphql.dataloader.name";

    /// <summary>How many distinct keys a data loader batch fetched.</summary>
    public const string DataLoaderBatchSize = "graphql.dataloader.batch.size";
}
