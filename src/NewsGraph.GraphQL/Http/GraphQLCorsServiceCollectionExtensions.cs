using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Configuration;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Registers ASP.NET Core's CORS with a named policy for the GraphQL endpoint. Apply it with
/// <c>app.UseCors()</c> and <c>MapGraphQLHttp(...).RequireCors(GraphQLCorsServiceCollectionExtensions.PolicyName)</c>.
/// </summary>
public static class GraphQLCorsServiceCollectionExtensions
{
    public const string PolicyName = "GraphQL";

    private const string AnyOrigin = "*";

    /// <summary>
    /// The policy for the origins of <paramref name="configuration"/> (<see cref="GraphQLCorsOptions"/>), bound and
    /// checked when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>Cors</c> section.</param>
    /// <param name="allowAnyOriginWhenUnconfigured">
    /// What "no origins configured" means: true in development, where a frontend on another port should just work;
    /// false in production, where a forgotten setting must not open the API to every web page.
    /// </param>
    public static IServiceCollection AddGraphQLCors(this IServiceCollection services, IConfiguration configuration, bool allowAnyOriginWhenUnconfigured)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddSettings<GraphQLCorsOptions>(configuration)
            .Validate(
                options => Origins(options).All(IsOrigin),
                "CORS: each of AllowedOrigins must be '*' or an origin: scheme, host and optional port, e.g. https://www.example.com.")
            // Browsers refuse credentials with a wildcard origin; failing at start beats a silently broken frontend.
            .Validate(
                options => !(options.AllowCredentials && AllowsAnyOrigin(Origins(options), allowAnyOriginWhenUnconfigured)),
                "CORS: AllowCredentials needs explicit AllowedOrigins, not '*' or the development default.");
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<GraphQLCorsOptions>((cors, options) =>
        {
            var origins = Origins(options);
            var anyOrigin = AllowsAnyOrigin(origins, allowAnyOriginWhenUnconfigured);
            cors.AddPolicy(PolicyName, policy => Configure(policy, origins, anyOrigin, options.AllowCredentials));
        });
        return services;
    }

    private static string[] Origins(GraphQLCorsOptions options) => (options.AllowedOrigins ?? [])
        .Select(o => o.Trim().TrimEnd('/'))
        .Where(o => o.Length > 0)
        .ToArray();

    private static bool AllowsAnyOrigin(string[] origins, bool allowAnyOriginWhenUnconfigured)
        => origins.Contains(AnyOrigin) || (origins.Length == 0 && allowAnyOriginWhenUnconfigured);

    /// <summary>What a browser sends as <c>Origin</c>: <c>http</c> or <c>https</c>, a host, perhaps a port, nothing else.</summary>
    private static bool IsOrigin(string origin)
        => origin == AnyOrigin
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));

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

        // GraphQL over HTTP needs only GET and POST, graphql-sse's single connection mode also PUT (reserve a stream) and
        // DELETE (stop an operation); any request header, because clients add their own (authorization,
        // GraphQL-Preflight, x-graphql-event-stream-token, tracing) and content-type: application/json alone triggers a preflight.
        policy.WithMethods("GET", "POST", "PUT", "DELETE")
            .AllowAnyHeader()
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
    }
}
