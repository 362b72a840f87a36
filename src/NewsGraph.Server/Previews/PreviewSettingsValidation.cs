using Microsoft.Extensions.Options;

namespace NewsGraph.Server.Previews;

/// <summary>A configured signing key must be base64 of at least 32 bytes; the lifetime must be usable.</summary>
internal sealed class PreviewSettingsValidation : IValidateOptions<PreviewSettings>
{
    public ValidateOptionsResult Validate(string? name, PreviewSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SigningKey is not null && PreviewTokens.DecodeKey(options.SigningKey) is null)
        {
            failures.Add($"Previews:SigningKey must be base64 of at least {PreviewTokens.MinKeyBytes} bytes (e.g. `openssl rand 32 | openssl base64 -A`).");
        }

        if (options.Lifetime < TimeSpan.FromMinutes(1) || options.Lifetime > PreviewSettings.MaxLifetime)
        {
            failures.Add("Previews:Lifetime must be between 00:01:00 and 30.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
