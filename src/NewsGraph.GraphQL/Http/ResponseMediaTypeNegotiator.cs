using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Picks the response media type from <c>Accept</c> as the GraphQL-over-HTTP specification asks: entries in order of
/// their <c>q</c> weight (then of their position), the first acceptable one wins. Missing or unsatisfiable Accept falls
/// back to application/json rather than 406, because the graphql-http audits 47DE/80D8 expect application/json for
/// <c>*/*</c> and no Accept.
/// </summary>
internal static partial class ResponseMediaTypeNegotiator
{
    public static GraphQLResponseMediaType Select(HttpRequest request) => SelectJson(request) ?? GraphQLResponseMediaType.Json;

    /// <summary>
    /// The JSON media type the client prefers among those it accepts (<c>*/*</c> and <c>application/*</c> are
    /// application/json), or null when it accepts none: a client that accepts only an event stream.
    /// </summary>
    public static GraphQLResponseMediaType? SelectJson(HttpRequest request)
    {
        foreach (var entry in Preferences(request))
        {
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

        return StringValues.IsNullOrEmpty(request.Headers.Accept) ? GraphQLResponseMediaType.Json : null;
    }

    /// <summary>True when the client asks for a server-sent event stream (a later transport's job).</summary>
    public static bool AcceptsEventStream(HttpRequest request) =>
        Preferences(request).Any(e => e.MediaType.Equals(GraphQLHttpMediaTypes.EventStream, StringComparison.OrdinalIgnoreCase));

    // The acceptable entries (q above 0), the most wanted first; equal weights keep the client's order.
    private static IEnumerable<MediaTypeHeaderValue> Preferences(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var entries))
        {
            return [];
        }

        return entries.Where(e => e.Quality is not 0).OrderByDescending(e => e.Quality ?? 1);
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
