using Microsoft.AspNetCore.Builder;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>Adds the WebSocket transport to a GraphQL endpoint's pipeline (see <c>MapGraphQLHttp</c>).</summary>
public static class GraphQLWebSocketApplicationBuilderExtensions
{
    /// <summary>Needs <c>app.UseWebSockets()</c> earlier in the application's pipeline.</summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.UseMiddleware<GraphQLWebSocketMiddleware>();
    }
}
