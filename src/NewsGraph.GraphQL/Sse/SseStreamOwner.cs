using System.Security.Claims;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// Who a single-connection stream belongs to: the principal that reserved it. Every later request on its token (the
/// event stream, operations, stops) must come from the same principal, authenticated as any request is, so a token
/// that leaks is of no use to anyone else. Anonymous callers are one principal: a reader's token is still secret.
/// </summary>
internal static class SseStreamOwner
{
    public const string Anonymous = "";

    /// <summary>The authentication type, issuer and subject (or name) of the user; <see cref="Anonymous"/> when not authenticated.</summary>
    public static string Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return Anonymous;
        }

        var subject = user.FindFirst(ClaimTypes.NameIdentifier) ?? user.FindFirst("sub");
        var issuer = subject?.Issuer ?? user.FindFirst("iss")?.Value;
        return $"{identity.AuthenticationType}\n{issuer}\n{subject?.Value ?? identity.Name}";
    }
}
