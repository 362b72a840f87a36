using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsGraph.GraphQL.Authentication;
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
        var settings = configuration.GetSection(AuthenticationSettings.SectionName).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
        services.AddSingleton(settings);
        services.AddApiKeyOrBearerAuthentication(settings.ApiKeys, settings.Jwt);
        services.AddScoped<RequestViewer>();
        services.RemoveAll<IWebSocketConnectionInitializer>();
        services.AddSingleton<IWebSocketConnectionInitializer, CredentialWebSocketConnectionInitializer>();
        return services;
    }
}
