using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Picks the response media type from <c>Accept</c>, first acceptable entry wins (graphql-http's reference
/// handler ignores q-weights too). Missing or unsatisfiable Accept falls back to application/json rather
/// than 406, because the graphql-http audits 47DE/80D8 expect application/json for <c>*/*</c> and no Accept.
/// </summary>
internal static class ResponseMediaTypeNegotiator
{
    public static GraphQLResponseMediaType Select(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var entries))
        {
            return GraphQLResponseMediaType.Json;
        }

        foreach (var entry in entries)
        {
            if (entry.Quality is 0)
            {
                continue;
            }

            var mediaType = entry.MediaType;
            if (mediaType.Equals(GraphQLHttpMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)
                && IsUtf8OrAbsent(entry.Charset))
            {
                return GraphQLResponseMediaType.GraphQLResponseJson;
            }

            if (mediaType.Equals(GraphQLHttpMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseMediaType.Json;
            }
        }

        return GraphQLResponseMediaType.Json;
    }

    /// <summary>True when the client asks for a server-sent event stream (a later transport's job).</summary>
    public static bool AcceptsEventStream(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var entries))
        {
            return false;
        }

        return entries.Any(e => e.Quality is not 0
            && e.MediaType.Equals(GraphQLHttpMediaTypes.EventStream, StringComparison.OrdinalIgnoreCase));
    }

    internal static bool IsUtf8OrAbsent(StringSegment charset)
    {
        if (StringSegment.IsNullOrEmpty(charset))
        {
            return true;
        }

        var value = HeaderUtilities.RemoveQuotes(charset);
        return value.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || value.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
