using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Registers ASP.NET Core's CORS with a named policy for the GraphQL endpoint. Apply it with
/// <c>app.UseCors()</c> and <c>MapGraphQLHttp(...).RequireCors(GraphQLCorsServiceCollectionExtensions.PolicyName)</c>.
/// </summary>
public static class GraphQLCorsServiceCollectionExtensions
{
    public const string PolicyName = "GraphQL";

    private const string AnyOrigin = "*";

    /// <param name="services">The service collection.</param>
    /// <param name="options">The configured origins.</param>
    /// <param name="allowAnyOriginWhenUnconfigured">
    /// What "no origins configured" means: true in development, where a frontend on another port should just work;
    /// false in production, where a forgotten setting must not open the API to every web page.
    /// </param>
    public static IServiceCollection AddGraphQLCors(this IServiceCollection services, GraphQLCorsOptions options, bool allowAnyOriginWhenUnconfigured)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        var origins = (options.AllowedOrigins ?? [])
            .Select(o => o.Trim().TrimEnd('/'))
            .Where(o => o.Length > 0)
            .ToArray();
        var anyOrigin = origins.Contains(AnyOrigin) || (origins.Length == 0 && allowAnyOriginWhenUnconfigured);
        if (anyOrigin && options.AllowCredentials)
        {
            // Browsers refuse credentials with a wildcard origin; failing at start beats a silently broken frontend.
            throw new InvalidOperationException("CORS: AllowCredentials needs explicit AllowedOrigins, not '*' or the development default.");
        }

        services.AddCors(cors => cors.AddPolicy(PolicyName, policy => Configure(policy, origins, anyOrigin, options.AllowCredentials)));
        return services;
    }

    private static void Configure(CorsPolicyBuilder policy, string[] origins, bool anyOrigin, bool allowCredentials)
    {
        if (anyOrigin)
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            // No origins at all leaves the policy empty: no CORS headers, so browsers block cross-origin reads.
            policy.WithOrigins(origins);
        }

        if (allowCredentials)
        {
            policy.AllowCredentials();
        }

        // GraphQL over HTTP needs only GET and POST; any request header, because clients add their own
        // (authorization, GraphQL-Preflight, tracing) and content-type: application/json alone triggers a preflight.
        policy.WithMethods("GET", "POST")
            .AllowAnyHeader()
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
