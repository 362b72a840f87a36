using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.Server.Auth;

/// <summary>
/// The <c>Authentication</c> configuration section: API keys (stored as hashes) and JWT bearer settings.
/// The shape is a contract with operators (README "Authentication"): change it only with the README.
/// </summary>
public sealed class AuthenticationSettings
{
    public const string SectionName = "Authentication";

    public IList<ApiKeyDefinition> ApiKeys { get; init; } = [];

    public JwtBearerSettings Jwt { get; init; } = new();
}
