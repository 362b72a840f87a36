using System.Text;
using System.Text.Json;

namespace NewsGraph.GraphQL.Tests.TestHosting;

/// <summary>Raw GraphQL-over-HTTP requests, with full control over body, Content-Type and Accept.</summary>
public static class GraphQLHttpClientExtensions
{
    public const string Path = "/graphql";

    /// <summary>POSTs <paramref name="body"/> verbatim; <paramref name="contentType"/> null sends no Content-Type.</summary>
    public static async Task<GraphQLTestResponse> PostRawAsync(this HttpClient client, string? body, string? contentType = "application/json", string? accept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path);
        var content = new ByteArrayContent(body is null ? [] : Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = null;
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Content = content;
        AddAccept(request, accept);
        using var response = await client.SendAsync(request, cancellationToken);
        return await GraphQLTestResponse.ReadAsync(response);
    }

    /// <summary>POSTs a request object serialised as JSON (<c>{query, variables, ...}</c>).</summary>
    public static Task<GraphQLTestResponse> PostGraphQLAsync(this HttpClient client, object request, string? accept = null, CancellationToken cancellationToken = default)
        => client.PostRawAsync(JsonSerializer.Serialize(request), "application/json", accept, cancellationToken);

    public static Task<GraphQLTestResponse> PostQueryAsync(this HttpClient client, string query, string? accept = null, CancellationToken cancellationToken = default)
        => client.PostGraphQLAsync(new { query }, accept, cancellationToken);

    /// <summary>GETs with the given query-string parameters, URL-encoded.</summary>
    public static Task<GraphQLTestResponse> GetGraphQLAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> parameters, string? accept = null, CancellationToken cancellationToken = default)
        => client.SendGraphQLAsync(HttpMethod.Get, parameters, accept, cancellationToken);

    public static async Task<GraphQLTestResponse> SendGraphQLAsync(this HttpClient client, HttpMethod method, IEnumerable<KeyValuePair<string, string>> parameters, string? accept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var request = new HttpRequestMessage(method, query.Length == 0 ? Path : $"{Path}?{query}");
        AddAccept(request, accept);
        using var response = await client.SendAsync(request, cancellationToken);
        return await GraphQLTestResponse.ReadAsync(response);
    }

    private static void AddAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }
}
