using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsGraph.TestSupport;

/// <summary>GraphQL-over-HTTP requests with a real <see cref="HttpClient"/>, with full control over body, Content-Type and Accept.</summary>
public static class GraphQLHttp
{
    public const string Path = "/graphql";

    public const string GraphQLResponseJson = "application/graphql-response+json";

    /// <summary>The request body <c>{query, variables, operationName}</c>; absent parts are left out.</summary>
    public static JsonObject Request(string query, object? variables = null, string? operationName = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables as JsonNode ?? JsonSerializer.SerializeToNode(variables);
        }

        if (operationName is not null)
        {
            body["operationName"] = operationName;
        }

        return body;
    }

    /// <summary>
    /// POSTs <paramref name="body"/> verbatim: the one POST of the tests. <paramref name="contentType"/> null sends no
    /// Content-Type, <paramref name="accept"/> null no Accept; <paramref name="configure"/> adds headers (credentials).
    /// </summary>
    public static async Task<GraphQLResponse> PostRawAsync(
        this HttpClient client,
        string? body,
        string? contentType = "application/json",
        string? accept = null,
        Action<HttpRequestMessage>? configure = null,
        CancellationToken cancellationToken = default)
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
        configure?.Invoke(request);
        using var response = await client.SendAsync(request, cancellationToken);
        return await GraphQLResponse.ReadAsync(response, cancellationToken);
    }

    /// <summary>POSTs a JSON request body, asking for <c>application/graphql-response+json</c> unless told otherwise.</summary>
    public static Task<GraphQLResponse> PostJsonAsync(
        this HttpClient client, JsonObject body, string? accept = GraphQLResponseJson, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return client.PostRawAsync(body.ToJsonString(), "application/json", accept, configure, cancellationToken);
    }

    /// <summary>POSTs a request object serialised as JSON (<c>new { query, variables, ... }</c>).</summary>
    public static Task<GraphQLResponse> PostGraphQLAsync(this HttpClient client, object request, string? accept = null, CancellationToken cancellationToken = default)
        => client.PostRawAsync(JsonSerializer.Serialize(request), "application/json", accept, cancellationToken: cancellationToken);

    public static Task<GraphQLResponse> PostQueryAsync(this HttpClient client, string query, string? accept = null, CancellationToken cancellationToken = default)
        => client.PostGraphQLAsync(new { query }, accept, cancellationToken);

    /// <summary>GETs with the given query-string parameters, URL-encoded.</summary>
    public static Task<GraphQLResponse> GetGraphQLAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> parameters, string? accept = null, CancellationToken cancellationToken = default)
        => client.SendGraphQLAsync(HttpMethod.Get, parameters, accept, cancellationToken);

    public static async Task<GraphQLResponse> SendGraphQLAsync(this HttpClient client, HttpMethod method, IEnumerable<KeyValuePair<string, string>> parameters, string? accept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var request = new HttpRequestMessage(method, query.Length == 0 ? Path : $"{Path}?{query}");
        AddAccept(request, accept);
        using var response = await client.SendAsync(request, cancellationToken);
        return await GraphQLResponse.ReadAsync(response, cancellationToken);
    }

    private static void AddAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }
}
