namespace NewsGraph.GraphQL.Http;

/// <summary>Media type strings used by the transport.</summary>
public static class GraphQLHttpMediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string EventStream = "text/event-stream";

    public const string JsonUtf8 = Json + "; charset=utf-8";
    public const string GraphQLResponseJsonUtf8 = GraphQLResponseJson + "; charset=utf-8";

    public static string ContentTypeOf(GraphQLResponseMediaType mediaType)
        => mediaType == GraphQLResponseMediaType.GraphQLResponseJson ? GraphQLResponseJsonUtf8 : JsonUtf8;
}
