namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// One accepted API key as configured: never the key itself, only the lowercase hex SHA-256 of it, so a leaked
/// configuration file does not leak a usable key.
/// </summary>
public sealed class ApiKeyDefinition
{
    /// <summary>Who the key belongs to (a system such as "cms"); becomes the user's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key's UTF-8 bytes, 64 hex digits.</summary>
    public string Hash { get; set; } = "";

    public IList<string> Roles { get; init; } = [];
}
