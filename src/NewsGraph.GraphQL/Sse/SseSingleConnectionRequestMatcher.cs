using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// Claims graphql-sse's single connection mode requests for this transport: a reservation (<c>PUT</c>) and anything
/// carrying a stream token (operations and stops do not ask for an event stream).
/// </summary>
internal sealed class SseSingleConnectionRequestMatcher : IGraphQLStreamingRequestMatcher
{
    public bool IsStreamingRequest(HttpRequest request) => IsSingleConnectionRequest(request);

    public static bool IsSingleConnectionRequest(HttpRequest request)
        => HttpMethods.IsPut(request.Method) || SseStreamToken.Read(request) is not null;
}
