using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Validates a bearer token that did not come in an <c>Authorization</c> header (a WebSocket <c>connection_init</c>
/// payload) with exactly the JWT bearer scheme's own settings, so both paths accept the same tokens.
/// </summary>
public sealed class BearerTokenValidator(IOptionsMonitor<JwtBearerOptions> options)
{
    /// <summary>The token's user, or null when it is not valid (or bearer tokens are not configured).</summary>
    public async Task<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        cancellationToken.ThrowIfCancellationRequested();
        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        if (bearer.TokenValidationParameters.IssuerSigningKey is null || string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        foreach (var handler in bearer.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, bearer.TokenValidationParameters).ConfigureAwait(false);
            if (result.IsValid && result.ClaimsIdentity is { } identity)
            {
                JwtRoleClaims.Normalize(identity);
                return new ClaimsPrincipal(identity);
            }
        }

        return null;
    }
}
