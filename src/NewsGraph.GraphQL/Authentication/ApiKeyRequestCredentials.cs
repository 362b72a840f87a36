using Microsoft.AspNetCore.Http;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>Finds an API key in a request: <c>X-Api-Key: key</c> or <c>Authorization: ApiKey key</c>.</summary>
public static class ApiKeyRequestCredentials
{
    /// <summary>Whether the request presents an API key at all (a present but empty one counts: it is invalid, not absent).</summary>
    public static bool IsPresented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.ContainsKey(ApiKeyAuthenticationDefaults.HeaderName)
            || TryGetAuthorizationParameter(request.Headers.Authorization.ToString(), ApiKeyAuthenticationDefaults.AuthorizationScheme, out _);
    }

    /// <summary>The presented key; empty when the header is there without a value.</summary>
    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(ApiKeyAuthenticationDefaults.HeaderName, out var values))
        {
            // Two X-Api-Key headers are ambiguous: refuse rather than pick one.
            return values.Count == 1 ? values[0]?.Trim() ?? "" : "";
        }

        return TryGetAuthorizationParameter(request.Headers.Authorization.ToString(), ApiKeyAuthenticationDefaults.AuthorizationScheme, out var key)
            ? key
            : null;
    }

    /// <summary>Splits <c>Scheme parameter</c> (scheme case-insensitive, as RFC 9110 says).</summary>
    public static bool TryGetAuthorizationParameter(string? authorization, string scheme, out string parameter)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        parameter = "";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return false;
        }

        var value = authorization.Trim();
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            || (value.Length > scheme.Length && value[scheme.Length] != ' '))
        {
            return false;
        }

        parameter = value[scheme.Length..].Trim();
        return true;
    }
}
