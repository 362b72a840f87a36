using Microsoft.AspNetCore.Builder;

namespace NewsGraph.GraphQL.Authentication;

public static class CredentialAuthenticationApplicationBuilderExtensions
{
    /// <summary>
    /// Authenticates every request (sets <c>HttpContext.User</c>) and refuses presented-but-invalid credentials
    /// with 401 (<see cref="InvalidCredentialsMiddleware"/>). Place it before the GraphQL endpoint and the WebSocket
    /// middleware: the upgrade request's headers authenticate a WebSocket connection too.
    /// </summary>
    public static IApplicationBuilder UseCredentialAuthentication(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseAuthentication().UseMiddleware<InvalidCredentialsMiddleware>();
    }
}
