using GraphQL.Transport;

namespace NewsGraph.GraphQL.Http;

/// <summary>Either a request to execute or the error explaining why the HTTP request is malformed.</summary>
internal readonly record struct GraphQLHttpRequestParseResult(GraphQLRequest? Request, GraphQLHttpRequestError? Error)
{
    public static GraphQLHttpRequestParseResult Success(GraphQLRequest request) => new(request, null);

    public static GraphQLHttpRequestParseResult Failure(GraphQLHttpRequestError error) => new(null, error);
}
