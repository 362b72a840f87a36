using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NewsGraph.GraphQL.Http;

/// <summary>Maps the GraphQL-over-HTTP endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET and POST GraphQL requests at <paramref name="pattern"/>. All methods are routed here so that
    /// unsupported ones get a GraphQL 405 with <c>Allow</c> instead of a bare routing 405/404.
    /// <paramref name="streaming"/> adds the streaming transports behind it (e.g. <c>UseGraphQLWebSockets</c>,
    /// <c>UseGraphQLServerSentEvents</c>), which receive the requests the HTTP transport passes on.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = "/graphql", Action<IApplicationBuilder>? streaming = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        // A small pipeline rather than a bare delegate, so requests this transport does not handle
        // (WebSocket, event stream) can fall through to middleware a later transport adds.
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseMiddleware<GraphQLHttpMiddleware>();
        streaming?.Invoke(pipeline);
        pipeline.Run(NotHandledAsync);

        return endpoints.Map(pattern, pipeline.Build()).WithDisplayName("GraphQL HTTP");
    }

    /// <summary>
    /// End of the endpoint's own pipeline: no transport took the request. Without this, ASP.NET Core
    /// throws because an endpoint pipeline must not fall through.
    /// </summary>
    private static Task NotHandledAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
