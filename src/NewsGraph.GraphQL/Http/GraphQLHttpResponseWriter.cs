using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Http;

/// <summary>Writes GraphQL responses straight to the response body stream (no intermediate string).</summary>
internal static class GraphQLHttpResponseWriter
{
    public static async Task WriteResultAsync(HttpContext context, IGraphQLSerializer serializer, ExecutionResult result, GraphQLResponseMediaType mediaType, int statusCode, string? allow, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = GraphQLHttpMediaTypes.ContentTypeOf(mediaType);
        if (allow is not null)
        {
            response.Headers.Allow = allow;
        }

        await serializer.WriteAsync(response.Body, result, cancellationToken);
    }

    public static Task WriteRequestErrorAsync(HttpContext context, IGraphQLSerializer serializer, GraphQLHttpRequestError error, GraphQLResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        // Executed stays false, so the serializer writes no "data" entry.
        var result = new ExecutionResult { Errors = [error] };
        return WriteResultAsync(context, serializer, result, mediaType, error.StatusCode, error.Allow, cancellationToken);
    }

    /// <summary>
    /// Last-resort 500 body written without the GraphQL serializer, which may itself be what failed
    /// (e.g. AddSystemTextJson was never called).
    /// </summary>
    public static async Task WriteInternalServerErrorAsync(HttpContext context, GraphQLResponseMediaType mediaType, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = GraphQLHttpMediaTypes.ContentTypeOf(mediaType);

        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", "An unexpected error occurred while processing the GraphQL request.");
        writer.WriteStartObject("extensions");
        writer.WriteString("code", "INTERNAL_SERVER_ERROR");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
