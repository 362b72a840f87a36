namespace NewsGraph.GraphQL.Authentication;

/// <summary>What a request (or a WebSocket <c>connection_init</c> payload) presents to authenticate with.</summary>
public enum PresentedCredentialKind
{
    /// <summary>Nothing at all: an anonymous reader.</summary>
    None,

    /// <summary><c>X-Api-Key: key</c>, <c>Authorization: ApiKey key</c> or <c>{"apiKey": "key"}</c>.</summary>
    ApiKey,

    /// <summary><c>Authorization: Bearer token</c>.</summary>
    BearerToken,

    /// <summary>
    /// Something that is meant as a credential but can never be one: an empty value, an unknown scheme, two
    /// credentials at once. Refused like a wrong key, never served as anonymous.
    /// </summary>
    Unusable,
}
