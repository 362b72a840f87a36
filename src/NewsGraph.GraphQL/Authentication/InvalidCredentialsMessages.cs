namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// What a client is told about a rejected credential: which kind failed, never why in detail (a token validator's
/// message can name keys and claims an attacker should not learn about).
/// </summary>
internal static class InvalidCredentialsMessages
{
    public const string InvalidApiKey = "The API key is not valid.";

    public const string InvalidBearerToken = "The bearer token is not valid.";

    public const string ExpiredBearerToken = "The bearer token has expired.";

    public const string InvalidAuthorization = "The Authorization header is not valid: use \"Bearer <token>\" or \"ApiKey <key>\".";

    public const string SeveralCredentials = "Several credentials were sent: send exactly one.";
}
