namespace NewsGraph.GraphQL.Authentication;

/// <summary>Names of the API-key scheme and where a request carries its key.</summary>
public static class ApiKeyAuthenticationDefaults
{
    public const string AuthenticationScheme = "ApiKey";

    /// <summary><c>X-Api-Key: &lt;key&gt;</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary><c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public const string AuthorizationScheme = "ApiKey";

    /// <summary>The claim type roles are issued under (the same as in JWTs, so one check serves both).</summary>
    public const string RoleClaimType = "role";

    /// <summary>The claim type the key's name is issued under.</summary>
    public const string NameClaimType = "name";
}
