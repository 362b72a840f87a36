using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Reads the credential a request presents, by one set of rules for every transport (HTTP, SSE, the WebSocket
/// upgrade and its <c>connection_init</c> payload), so that the same value gets the same answer everywhere.
/// Anything that is there but is not exactly one well-formed <c>X-Api-Key</c>, <c>ApiKey</c> or <c>Bearer</c>
/// credential is <see cref="PresentedCredentialKind.Unusable"/>: a client that sends a credential means to be
/// someone, and must hear that it is not rather than be served as an anonymous reader.
/// </summary>
public static class PresentedCredentials
{
    /// <summary><c>Authorization: Bearer &lt;jwt&gt;</c>.</summary>
    public const string BearerScheme = "Bearer";

    public static PresentedCredential FromRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiKeys = request.Headers[ApiKeyAuthenticationDefaults.HeaderName];
        var authorization = request.Headers.Authorization;
        if (apiKeys.Count == 0 && authorization.Count == 0)
        {
            return PresentedCredential.None;
        }

        // Two credentials (two headers, or one header twice) are ambiguous: refuse rather than pick one, so an
        // invalid one can never hide behind a valid one.
        if (apiKeys.Count + authorization.Count > 1)
        {
            return PresentedCredential.Unusable(InvalidCredentialsMessages.SeveralCredentials);
        }

        return apiKeys.Count == 1 ? FromApiKey(apiKeys[0]) : FromAuthorization(authorization[0]);
    }

    /// <summary>An API key given on its own (<c>X-Api-Key</c>, <c>{"apiKey": …}</c>); surrounding whitespace is not part of it.</summary>
    public static PresentedCredential FromApiKey(string? key) =>
        string.IsNullOrWhiteSpace(key)
            ? PresentedCredential.Unusable(InvalidCredentialsMessages.InvalidApiKey)
            : PresentedCredential.ApiKey(key.Trim());

    /// <summary>
    /// An <c>Authorization</c> value: <c>scheme 1*SP parameter</c> (RFC 9110 §11.4), the scheme <c>Bearer</c> or
    /// <c>ApiKey</c> in any casing, the parameter not empty. Anything else, including an empty value, a scheme glued
    /// to its parameter (<c>Bearer&lt;jwt&gt;</c>) or another scheme (<c>Basic</c>), is unusable.
    /// </summary>
    public static PresentedCredential FromAuthorization(string? authorization)
    {
        var value = authorization?.Trim() ?? "";
        if (value.Length == 0)
        {
            return PresentedCredential.Unusable(InvalidCredentialsMessages.InvalidAuthorization);
        }

        var separator = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = separator < 0 ? value : value[..separator];
        var parameter = separator < 0 ? "" : value[(separator + 1)..].TrimStart(' ');
        if (scheme.Equals(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return parameter.Length == 0
                ? PresentedCredential.Unusable(InvalidCredentialsMessages.InvalidBearerToken)
                : PresentedCredential.BearerToken(parameter);
        }

        if (scheme.Equals(ApiKeyAuthenticationDefaults.AuthorizationScheme, StringComparison.OrdinalIgnoreCase))
        {
            return parameter.Length == 0
                ? PresentedCredential.Unusable(InvalidCredentialsMessages.InvalidApiKey)
                : PresentedCredential.ApiKey(parameter);
        }

        return PresentedCredential.Unusable(InvalidCredentialsMessages.InvalidAuthorization);
    }
}
