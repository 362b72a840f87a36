using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsGraph.GraphQL.Authentication;
using NewsGraph.GraphQL.Configuration;
using NewsGraph.GraphQL.WebSockets;

namespace NewsGraph.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// API keys and JWT bearer tokens from the <c>Authentication</c> section, the per-scope viewer, and the WebSocket
    /// initializer that authenticates <c>connection_init</c>. Call after <c>AddGraphQLWebSockets</c> (it replaces the
    /// accept-all initializer).
    /// </summary>
    public static IServiceCollection AddNewsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AuthenticationSettings.SectionName);
        services.AddSettings<AuthenticationSettings>(section);
        services.AddSingleton<IValidateOptions<AuthenticationSettings>, AuthenticationSettingsValidation>();
        services.AddSingleton(static provider => new ApiKeyValidator(provider.GetRequiredService<AuthenticationSettings>().ApiKeys));
        services.AddSingleton(static provider => provider.GetRequiredService<AuthenticationSettings>().Jwt);
        // Whether a signing key is set decides whether the bearer scheme is registered, so it is read here.
        var signingKey = section.GetValue<string?>($"{nameof(AuthenticationSettings.Jwt)}:{nameof(JwtBearerSettings.SigningKey)}");
        services.AddApiKeyOrBearerAuthentication(acceptBearerTokens: !string.IsNullOrWhiteSpace(signingKey));
        services.AddScoped<RequestViewer>();
        services.RemoveAll<IWebSocketConnectionInitializer>();
        services.AddSingleton<IWebSocketConnectionInitializer, CredentialWebSocketConnectionInitializer>();
        return services;
    }
}
