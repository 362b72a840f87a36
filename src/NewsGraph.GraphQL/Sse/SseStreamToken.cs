using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// The token of a single-connection stream: 256 random bits from the cryptographic generator (base64url), so holding
/// one is the only way to use a stream. Clients send it in the <c>x-graphql-event-stream-token</c> header or the
/// <c>token</c> query parameter (graphql-sse's PROTOCOL.md).
/// </summary>
internal static class SseStreamToken
{
    public const string HeaderName = "x-graphql-event-stream-token";

    public const string QueryParameterName = "token";

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The token the request carries (the header first), or null.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var query = request.Query[QueryParameterName].ToString();
        return query.Length > 0 ? query : null;
    }
}
