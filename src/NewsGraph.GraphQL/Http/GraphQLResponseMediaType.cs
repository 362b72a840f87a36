namespace NewsGraph.GraphQL.Http;

/// <summary>The response media types the transport can produce.</summary>
public enum GraphQLResponseMediaType
{
    /// <summary><c>application/json</c>: legacy mode, 200 whenever a GraphQL response was produced.</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: 4xx when the document failed before execution.</summary>
    GraphQLResponseJson,
}
