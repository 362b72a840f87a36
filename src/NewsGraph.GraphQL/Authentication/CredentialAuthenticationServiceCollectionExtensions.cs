using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace NewsGraph.GraphQL.Authentication;

/// <summary>Registers API-key and JWT bearer authentication behind one default scheme.</summary>
public static class CredentialAuthenticationServiceCollectionExtensions
{
    /// <summary>Minimum HMAC key length: shorter keys make HS256 tokens forgeable by brute force.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>
    /// API keys (<paramref name="apiKeys"/>, hashed) and, when <paramref name="jwt"/> has a signing key, JWT bearer
    /// tokens, both checked here: a bad hash or signing key throws now.
    /// Use together with <see cref="CredentialAuthenticationApplicationBuilderExtensions.UseCredentialAuthentication"/>.
    /// </summary>
    public static IServiceCollection AddApiKeyOrBearerAuthentication(
        this IServiceCollection services, IEnumerable<ApiKeyDefinition> apiKeys, JwtBearerSettings? jwt)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(apiKeys);
        services.AddSingleton(new ApiKeyValidator(apiKeys));
        if (jwt is not { IsConfigured: true })
        {
            return services.AddApiKeyOrBearerAuthentication(acceptBearerTokens: false);
        }

        CheckSigningKey(jwt);
        services.AddSingleton(jwt);
        return services.AddApiKeyOrBearerAuthentication(acceptBearerTokens: true);
    }

    /// <summary>
    /// API keys as the registered <see cref="ApiKeyValidator"/> knows them and, when
    /// <paramref name="acceptBearerTokens"/>, JWT bearer tokens as the registered <see cref="JwtBearerSettings"/> say
    /// (check them first, e.g. with <see cref="CheckSigningKey"/> when the host starts). The default scheme looks at
    /// the credential the request presents (<see cref="PresentedCredentials"/>): an API key goes to the API-key scheme,
    /// a bearer token to the bearer scheme, and everything else (nothing, or a credential the server cannot accept) to
    /// <see cref="UnacceptedCredentialHandler"/>.
    /// Use together with <see cref="CredentialAuthenticationApplicationBuilderExtensions.UseCredentialAuthentication"/>.
    /// </summary>
    public static IServiceCollection AddApiKeyOrBearerAuthentication(this IServiceCollection services, bool acceptBearerTokens)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<BearerTokenValidator>();

        var authentication = services.AddAuthentication(ApiKeyOrBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationDefaults.AuthenticationScheme, _ => { })
            .AddScheme<UnacceptedCredentialOptions, UnacceptedCredentialHandler>(UnacceptedCredentialDefaults.AuthenticationScheme, options =>
            {
                if (acceptBearerTokens)
                {
                    options.AcceptedSchemes.Add(PresentedCredentials.BearerScheme);
                }

                options.AcceptedSchemes.Add(ApiKeyAuthenticationDefaults.AuthorizationScheme);
            })
            .AddPolicyScheme(ApiKeyOrBearerDefaults.AuthenticationScheme, "API key or bearer token", policy =>
                policy.ForwardDefaultSelector = context => PresentedCredentials.FromRequest(context.Request).Kind switch
                {
                    PresentedCredentialKind.ApiKey => ApiKeyAuthenticationDefaults.AuthenticationScheme,
                    PresentedCredentialKind.BearerToken when acceptBearerTokens => JwtBearerDefaults.AuthenticationScheme,
                    _ => UnacceptedCredentialDefaults.AuthenticationScheme,
                });
        if (acceptBearerTokens)
        {
            authentication.AddSymmetricJwtBearer();
        }

        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> (saying how to fix it) unless <paramref name="settings"/> has a
    /// base64 signing key of at least <see cref="MinimumSigningKeyBytes"/> bytes, long enough for its algorithms.
    /// </summary>
    public static void CheckSigningKey(JwtBearerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = DecodeSigningKey(settings.SigningKey);
        try
        {
            HmacSigningAlgorithms.Select(settings.Algorithms, key.Length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>JWT bearer tokens signed with the configured HMAC key; roles from <c>role</c> or <c>roles</c>.</summary>
    public static AuthenticationBuilder AddSymmetricJwtBearer(this AuthenticationBuilder builder, JwtBearerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var key = DecodeSigningKey(settings.SigningKey);
        var algorithms = HmacSigningAlgorithms.Select(settings.Algorithms, key.Length);
        return builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, options => Configure(options, settings, key, algorithms));
    }

    /// <summary>The same with the registered <see cref="JwtBearerSettings"/>, read when the scheme is first used.</summary>
    public static AuthenticationBuilder AddSymmetricJwtBearer(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<JwtBearerSettings>((options, settings) =>
        {
            var key = DecodeSigningKey(settings.SigningKey);
            Configure(options, settings, key, HmacSigningAlgorithms.Select(settings.Algorithms, key.Length));
        });
        return builder;
    }

    private static void Configure(JwtBearerOptions options, JwtBearerSettings settings, byte[] key, IEnumerable<string> algorithms)
    {
        // Claims keep their JWT names ("role", "sub"), not the legacy WS-* URIs Microsoft maps them to by default.
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = !string.IsNullOrWhiteSpace(settings.Issuer),
            ValidIssuer = settings.Issuer,
            ValidateAudience = !string.IsNullOrWhiteSpace(settings.Audience),
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = new SymmetricSecurityKey(key),
            // Only HMAC, and only what the key is long enough for: a token cannot talk the server into "none" or
            // into treating the shared key as an RSA key.
            ValidAlgorithms = algorithms,
            NameClaimType = "sub",
            RoleClaimType = ApiKeyAuthenticationDefaults.RoleClaimType,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        options.Events = new JwtBearerEvents
        {
            // The token PresentedCredentials read, so both agree on the header's syntax.
            OnMessageReceived = context =>
            {
                var credential = PresentedCredentials.FromRequest(context.Request);
                if (credential.Kind == PresentedCredentialKind.BearerToken)
                {
                    context.Token = credential.Value;
                }
                else
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    JwtRoleClaims.Normalize(identity);
                }

                return Task.CompletedTask;
            },
        };
    }

    private static byte[] DecodeSigningKey(string? signingKey)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(signingKey ?? "");
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Authentication:Jwt:SigningKey must be base64.", ex);
        }

        if (key.Length < MinimumSigningKeyBytes)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new InvalidOperationException(
                $"Authentication:Jwt:SigningKey must be at least {MinimumSigningKeyBytes} bytes; create one with `openssl rand 64 | openssl base64 -A` (64 bytes: enough for HS256, HS384 and HS512).");
        }

        return key;
    }
}
