using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>
/// Takes the requests no credential scheme takes. Without a credential: no result (anonymous). With one the server
/// cannot accept (<see cref="PresentedCredentialKind.Unusable"/>, or a bearer token while no JWT signing key is
/// configured): a failure, which <see cref="InvalidCredentialsMiddleware"/> turns into a 401.
/// </summary>
public sealed class UnacceptedCredentialHandler(
    IOptionsMonitor<UnacceptedCredentialOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<UnacceptedCredentialOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = PresentedCredentials.FromRequest(Request);
        return Task.FromResult(credential.Kind switch
        {
            PresentedCredentialKind.None => AuthenticateResult.NoResult(),
            PresentedCredentialKind.Unusable => AuthenticateResult.Fail(new CredentialRejectedException(credential.Problem!)),
            PresentedCredentialKind.ApiKey => AuthenticateResult.Fail(new CredentialRejectedException(InvalidCredentialsMessages.InvalidApiKey)),
            _ => AuthenticateResult.Fail(new CredentialRejectedException(InvalidCredentialsMessages.InvalidBearerToken)),
        });
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = Options.AcceptedSchemes.ToArray();
        return Task.CompletedTask;
    }
}
