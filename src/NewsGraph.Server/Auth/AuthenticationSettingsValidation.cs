using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.Server.Auth;

/// <summary>
/// The <c>Authentication</c> section's own checks, run when the host starts: every API key has a name and a SHA-256
/// hash (<see cref="ApiKeyValidator"/>), and a configured JWT signing key is base64, long enough, and long enough for
/// the configured algorithms (<see cref="CredentialAuthenticationServiceCollectionExtensions.CheckSigningKey"/>). The
/// messages are those checks' own.
/// </summary>
internal sealed class AuthenticationSettingsValidation : IValidateOptions<AuthenticationSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthenticationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = new ApiKeyValidator(options.ApiKeys);
            if (options.Jwt.IsConfigured)
            {
                CredentialAuthenticationServiceCollectionExtensions.CheckSigningKey(options.Jwt);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        return ValidateOptionsResult.Success;
    }
}
