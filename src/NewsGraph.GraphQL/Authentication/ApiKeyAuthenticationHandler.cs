using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Authenticates <c>X-Api-Key</c> / <c>Authorization: ApiKey</c> against <see cref="ApiKeyValidator"/>. No key: no
/// result (anonymous). A key that matches nothing: a failure — a client that presents a credential meant to be
/// someone and must be told it is not, not quietly served as an anonymous reader.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = PresentedCredentials.FromRequest(Request);
        if (credential.Kind != PresentedCredentialKind.ApiKey)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = validator.Validate(credential.Value, Scheme.Name);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail(new CredentialRejectedException(InvalidCredentialsMessages.InvalidApiKey))
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = ApiKeyAuthenticationDefaults.AuthorizationScheme;
        return Task.CompletedTask;
    }
}
