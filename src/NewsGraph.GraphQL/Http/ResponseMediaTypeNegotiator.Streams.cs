using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

internal static partial class ResponseMediaTypeNegotiator
{
    /// <summary>
    /// The streamed response the client prefers (by <c>q</c> weight, then position) among those a streaming transport
    /// serves, or null. <c>multipart/mixed</c> counts only with Apollo's <c>subscriptionSpec=1.0</c>: a bare one (urql
    /// lists it on every request) or another spec (<c>deferSpec</c>) asks for a format this server does not write.
    /// </summary>
    public static GraphQLStreamMediaType? SelectStream(HttpRequest request)
    {
        foreach (var entry in Preferences(request))
        {
            if (entry.MediaType.Equals(GraphQLHttpMediaTypes.EventStream, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLStreamMediaType.EventStream;
            }

            if (IsMultipartSubscription(entry))
            {
                return GraphQLStreamMediaType.MultipartSubscription;
            }
        }

        return null;
    }

    private static bool IsMultipartSubscription(MediaTypeHeaderValue entry)
    {
        if (!entry.MediaType.Equals("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var spec = entry.Parameters.FirstOrDefault(p => p.Name.Equals("subscriptionSpec", StringComparison.OrdinalIgnoreCase));
        return spec is not null && HeaderUtilities.RemoveQuotes(spec.Value).Equals("1.0", StringComparison.Ordinal);
    }
}
