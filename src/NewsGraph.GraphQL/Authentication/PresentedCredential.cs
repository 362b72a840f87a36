namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// The one credential a request presents. <see cref="Value"/> is the key or token (never empty for those kinds);
/// for <see cref="PresentedCredentialKind.Unusable"/>, <see cref="Problem"/> is what the client is told.
/// </summary>
public sealed record PresentedCredential(PresentedCredentialKind Kind, string Value, string? Problem)
{
    public static PresentedCredential None { get; } = new(PresentedCredentialKind.None, "", null);

    public static PresentedCredential ApiKey(string key) => new(PresentedCredentialKind.ApiKey, key, null);

    public static PresentedCredential BearerToken(string token) => new(PresentedCredentialKind.BearerToken, token, null);

    public static PresentedCredential Unusable(string problem) => new(PresentedCredentialKind.Unusable, "", problem);
}
