using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Redis;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsGraph.Server.Hosting;

/// <summary>
/// OpenTelemetry for the server: the GraphQL spans and metrics (<see cref="GraphQLDiagnostics"/>), ASP.NET Core, EF Core,
/// Npgsql, Redis and the runtime, exported over OTLP as the standard <c>OTEL_*</c> variables say. Nothing is collected
/// unless an OTLP endpoint is configured: without one the server registers no OpenTelemetry at all, so an unobserved
/// server pays nothing for spans nobody exports.
/// </summary>
public static class NewsGraphTelemetry
{
    /// <summary>The <c>service.name</c> when <c>OTEL_SERVICE_NAME</c> does not set one.</summary>
    public const string DefaultServiceName = "newsgraph";

    // Npgsql 8+ reports through its own activity source and meter: subscribed by name, no package needed.
    private const string Npgsql = "Npgsql";

    private static readonly string[] OtlpEndpointKeys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <summary>OTLP export of traces, metrics and logs when an OTLP endpoint is configured (environment or any configuration source); otherwise nothing.</summary>
    public static IServiceCollection AddNewsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsOtlpExportConfigured(configuration))
        {
            return services;
        }

        // Logs leave with their scopes (GraphQLRequestId, OperationName), correlated with the spans by trace id.
        services.Configure<OpenTelemetryLoggerOptions>(logging => logging.IncludeScopes = true);
        services.AddNewsOpenTelemetry(configuration)
            .WithLogging()
            .UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// The server's traces and metrics without an exporter: <see cref="AddNewsTelemetry"/> adds OTLP, tests an in-memory one.
    /// </summary>
    public static OpenTelemetryBuilder AddNewsOpenTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are read by the SDK's default detectors; a name of our
                // own only where neither gives one.
                if (string.IsNullOrEmpty(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(DefaultServiceName, serviceVersion: typeof(NewsGraphTelemetry).Assembly.GetName().Version?.ToString());
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(GraphQLDiagnostics.Name)
                .AddSource(Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddRedisInstrumentation()
                .ConfigureRedisInstrumentation(static (services, redis) => AttachRedisBus(services, redis)))
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLDiagnostics.Name)
                .AddMeter(Npgsql)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation());
    }

    private static bool IsOtlpExportConfigured(IConfiguration configuration)
        => OtlpEndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>The Redis event bus owns its connection (registered only when Redis is configured): traced once it is made.</summary>
    private static void AttachRedisBus(IServiceProvider services, OpenTelemetry.Instrumentation.StackExchangeRedis.StackExchangeRedisInstrumentation redis)
    {
        if (services.GetService<RedisTopicEventBus>() is not { } bus)
        {
            return;
        }

        _ = bus.Connection.ContinueWith(
            connection => redis.AddConnection(connection.Result),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
