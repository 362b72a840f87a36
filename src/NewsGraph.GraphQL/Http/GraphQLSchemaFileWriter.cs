using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// <c>GET /graphql?sdl</c>: the schema as SDL, served the way Hot Chocolate serves it (media type
/// <c>application/graphql</c> and a <c>schema.graphql</c> download), so tooling written for HC fetches it unchanged.
/// </summary>
internal static class GraphQLSchemaFileWriter
{
    public const string ContentType = "application/graphql; charset=utf-8";
    public const string FileName = "schema.graphql";

    /// <summary>The <c>sdl</c> key needs no value (<c>?sdl</c>); the query collection matches it case-insensitively, like HC's <c>?SDL</c>.</summary>
    public static bool IsSchemaRequest(HttpRequest request) => request.Query.ContainsKey("sdl");

    public static async Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var schema = context.RequestServices.GetRequiredService<ISchema>();
        var sdl = schema.Print();
        if (!sdl.EndsWith('\n'))
        {
            // Same bytes as `schema export`, which ends the file with a newline.
            sdl += "\n";
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(sdl), cancellationToken);
    }
}
