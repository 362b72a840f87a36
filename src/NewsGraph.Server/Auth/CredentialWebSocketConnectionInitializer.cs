using System.Security.Claims;
using NewsGraph.GraphQL.Authentication;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.Server.Auth;

/// <summary>
/// Authenticates a WebSocket connection from its <c>connection_init</c> payload — <c>{"apiKey": "…"}</c> or
/// <c>{"authorization": "Bearer …"}</c> (or <c>"ApiKey …"</c>) — because browsers cannot set headers on a WebSocket
/// upgrade. Without credentials in the payload the upgrade request's user stands (its headers were already checked,
/// and refused with 401 when invalid). A credential in the payload that is not valid closes the connection with 4403:
/// like on HTTP, a presented credential is never silently downgraded to anonymous.
/// </summary>
public sealed class CredentialWebSocketConnectionInitializer(ApiKeyValidator apiKeys, BearerTokenValidator bearerTokens)
    : IWebSocketConnectionInitializer
{
    private const string ApiKeyField = "apiKey";
    private const string AuthorizationField = "authorization";
    private const string BearerScheme = "Bearer";

    public async ValueTask<WebSocketConnectionInitResult> InitializeAsync(WebSocketConnectionInitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var apiKey = Find(context.Payload, ApiKeyField);
        var authorization = Find(context.Payload, AuthorizationField);
        if (apiKey is null && authorization is null)
        {
            return WebSocketConnectionInitResult.Accept();
        }

        ClaimsPrincipal? user;
        if (apiKey is not null)
        {
            user = apiKey is string key ? apiKeys.Validate(key, ApiKeyAuthenticationDefaults.AuthenticationScheme) : null;
        }
        else if (authorization is string header
            && ApiKeyRequestCredentials.TryGetAuthorizationParameter(header, BearerScheme, out var token))
        {
            user = await bearerTokens.ValidateAsync(token, cancellationToken);
        }
        else if (authorization is string apiKeyHeader
            && ApiKeyRequestCredentials.TryGetAuthorizationParameter(apiKeyHeader, ApiKeyAuthenticationDefaults.AuthorizationScheme, out var headerKey))
        {
            user = apiKeys.Validate(headerKey, ApiKeyAuthenticationDefaults.AuthenticationScheme);
        }
        else
        {
            user = null;
        }

        if (user is null)
        {
            return WebSocketConnectionInitResult.Reject("Invalid credentials in connection_init");
        }

        context.User = user;
        return WebSocketConnectionInitResult.Accept();
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
