namespace NewsGraph.GraphQL.Authentication;

public static class ApiKeyOrBearerDefaults
{
    /// <summary>The default scheme: forwards to the API-key or the JWT bearer scheme depending on the request.</summary>
    public const string AuthenticationScheme = "ApiKeyOrBearer";
}
