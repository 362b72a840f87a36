using Microsoft.AspNetCore.Builder;

namespace NewsGraph.GraphQL.Multipart;

/// <summary>Adds the multipart HTTP subscriptions transport to a GraphQL endpoint's pipeline (see <c>MapGraphQLHttp</c>).</summary>
public static class GraphQLMultipartApplicationBuilderExtensions
{
    /// <summary>
    /// Place it before <c>UseGraphQLServerSentEvents</c>: it takes only the requests that prefer multipart to an event
    /// stream, while the event-stream transport takes any request that lists <c>text/event-stream</c>.
    /// </summary>
    public static IApplicationBuilder UseGraphQLMultipartSubscriptions(this IApplicationBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.UseMiddleware<GraphQLMultipartMiddleware>();
    }
}
