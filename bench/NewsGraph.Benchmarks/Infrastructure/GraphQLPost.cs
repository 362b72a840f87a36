using System.Net.Http.Headers;

namespace NewsGraph.Benchmarks.Infrastructure;

/// <summary>A GraphQL POST as a GraphQL-over-HTTP client sends it: a JSON body, asking for <c>application/graphql-response+json</c>.</summary>
internal static class GraphQLPost
{
    public static HttpRequestMessage Create(Uri endpoint, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    }
}
