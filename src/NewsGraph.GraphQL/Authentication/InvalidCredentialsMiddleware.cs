using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using NewsGraph.GraphQL.Authorization;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Answers 401 with a GraphQL error body when the request PRESENTS a credential that is not valid. Without this,
/// ASP.NET Core would serve such a request as anonymous: an editor with a mistyped key would see a reader's view
/// and a mutation would fail with a confusing "not authenticated" — and a client could never tell a revoked key
/// from no key. Requests without credentials pass untouched (readers are anonymous); what counts as presenting one
/// is <see cref="PresentedCredentials"/>' business.
/// </summary>
public sealed class InvalidCredentialsMiddleware(RequestDelegate next)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Handlers cache their result per request, so this re-uses what UseAuthentication already computed (and
        // completes synchronously). The common case returns next's task instead of awaiting it: no state machine of
        // this middleware stays alive for the request, which for a WebSocket is the whole connection.
        var authentication = context.AuthenticateAsync();
        if (authentication.IsCompletedSuccessfully && authentication.Result.Failure is null)
        {
            return next(context);
        }

        return InvokeAwaitedAsync(context, authentication);
    }

    private async Task InvokeAwaitedAsync(HttpContext context, Task<AuthenticateResult> authentication)
    {
        var result = await authentication.ConfigureAwait(false);
        if (result.Failure is not { } failure)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Only our own schemes' messages are passed on; the bearer scheme's exceptions say too much.
        var message = failure switch
        {
            CredentialRejectedException rejected => rejected.Message,
            SecurityTokenExpiredException => InvalidCredentialsMessages.ExpiredBearerToken,
            _ => InvalidCredentialsMessages.InvalidBearerToken,
        };

        // The scheme's challenge sets 401 and its WWW-Authenticate header (RFC 9110 requires one with 401).
        await context.ChallengeAsync().ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            errors = new[]
            {
                new { message, extensions = new { code = AuthorizationErrorCodes.NotAuthenticated } },
            },
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted).ConfigureAwait(false);
    }
}
