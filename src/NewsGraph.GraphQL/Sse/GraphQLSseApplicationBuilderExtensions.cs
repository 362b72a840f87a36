using Microsoft.AspNetCore.Builder;

namespace NewsGraph.GraphQL.Sse;

/// <summary>Adds the server-sent events transport to a GraphQL endpoint's pipeline (see <c>MapGraphQLHttp</c>).</summary>
public static class GraphQLSseApplicationBuilderExtensions
{
    public static IApplicationBuilder UseGraphQLServerSentEvents(this IApplicationBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.UseMiddleware<GraphQLSseMiddleware>();
    }
}
