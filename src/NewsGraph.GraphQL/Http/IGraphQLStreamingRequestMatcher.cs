using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Tells <see cref="GraphQLHttpMiddleware"/> that a request belongs to a streaming transport behind it although it is
/// neither a WebSocket upgrade nor asks for an event stream (graphql-sse's single connection mode: <c>PUT</c>, and
/// requests carrying a stream token). Registered in DI by the transport; the HTTP transport passes such requests on.
/// </summary>
public interface IGraphQLStreamingRequestMatcher
{
    bool IsStreamingRequest(HttpRequest request);
}
