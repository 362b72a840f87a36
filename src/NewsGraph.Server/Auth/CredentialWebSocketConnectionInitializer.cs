using System.Security.Claims;
using NewsGraph.GraphQL.Authentication;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.Server.Auth;

/// <summary>
/// Authenticates a WebSocket connection from its <c>connection_init</c> payload — <c>{"apiKey": "…"}</c> or
/// <c>{"authorization": "Bearer …"}</c> (or <c>"ApiKey …"</c>) — because browsers cannot set headers on a WebSocket
/// upgrade. Without credentials in the payload the upgrade request's user stands (its headers were already checked,
/// and refused with 401 when unacceptable). A credential in the payload that the server cannot accept — by the rules
/// of <see cref="PresentedCredentials"/>, the same as for the headers — closes the connection with 4403: like on HTTP,
/// a presented credential is never silently downgraded to anonymous.
/// </summary>
public sealed class CredentialWebSocketConnectionInitializer(ApiKeyValidator apiKeys, BearerTokenValidator bearerTokens)
    : IWebSocketConnectionInitializer
{
    private const string ApiKeyField = "apiKey";
    private const string AuthorizationField = "authorization";

    public async ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var credential = Read(context.Payload);
        var user = credential.Kind switch
        {
            PresentedCredentialKind.None => context.User,
            PresentedCredentialKind.ApiKey => apiKeys.Validate(credential.Value, ApiKeyAuthenticationDefaults.AuthenticationScheme),
            PresentedCredentialKind.BearerToken => await bearerTokens.ValidateAsync(credential.Value, cancellationToken),
            _ => null,
        };

        if (user is null)
        {
            return WebSocketConnectionInitResult.Reject("Invalid credentials in connection_init");
        }

        context.User = user;
        return WebSocketConnectionInitResult.Accept();
    }

    // The payload's fields are read by the same rules as the HTTP headers they stand for (PresentedCredentials);
    // a value that is not a string cannot be a credential, and both fields at once are as ambiguous as both headers.
    private static PresentedCredential Read(IReadOnlyDictionary<string, object?>? payload)
    {
        var apiKey = Find(payload, ApiKeyField);
        var authorization = Find(payload, AuthorizationField);
        return (apiKey, authorization) switch
        {
            (null, null) => PresentedCredential.None,
            (not null, not null) => PresentedCredential.Unusable("Several credentials were sent: send exactly one."),
            (string key, null) => PresentedCredentials.FromApiKey(key),
            (null, string header) => PresentedCredentials.FromAuthorization(header),
            _ => PresentedCredential.Unusable("A credential must be a string."),
        };
    }

    // Clients differ in casing ("authorization", "Authorization", "apikey"): the field names are matched loosely.
    private static object? Find(IReadOnlyDictionary<string, object?>? payload, string name)
    {
        if (payload is null)
        {
            return null;
        }

        foreach (var (key, value) in payload)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value ?? "";
            }
        }

        return null;
    }
}
