using GraphQL.Transport;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Either a request to execute, a batch (a JSON array of requests, each a request or the error that makes it
/// unusable) or the error explaining why the HTTP request is malformed.
/// </summary>
internal readonly record struct GraphQLHttpRequestParseResult(GraphQLRequest? Request, GraphQLHttpRequestError? Error, IReadOnlyList<GraphQLHttpRequestParseResult>? Batch = null)
{
    public static GraphQLHttpRequestParseResult Success(GraphQLRequest request) => new(request, null);

    public static GraphQLHttpRequestParseResult Failure(GraphQLHttpRequestError error) => new(null, error);

    public static GraphQLHttpRequestParseResult Batched(IReadOnlyList<GraphQLHttpRequestParseResult> items) => new(null, null, items);
}
