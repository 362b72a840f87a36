using Microsoft.Extensions.DependencyInjection;
using NewsGraph.Server.Tests.TestHosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsGraph.Server.Tests.Observability;

/// <summary>Logs written while an operation executes carry its name and request id; OpenTelemetry exists only when configured.</summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class StructuredLoggingTests
{
    [Fact]
    public async Task Logs_of_an_operation_carry_its_name_and_request_id_but_not_its_document()
    {
        const string Document = "query ScopedTags { tags(first: 2) { nodes { name } } }";
        await using var server = await NewsGraphServer.StartAsync(
            new Dictionary<string, string> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" });

        // No operationName in the request: the scope names the operation the document ran.
        (await server.PostAsync(Document)).SuccessfulData();

        var commands = server.Logs.Entries
            .Where(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command" && Equals(e.Scope("OperationName"), "ScopedTags"))
            .ToList();
        Assert.NotEmpty(commands);
        var requestId = Assert.IsType<string>(commands[0].Scope("GraphQLRequestId"));
        Assert.NotEmpty(requestId);
        Assert.All(commands, c => Assert.Equal(requestId, c.Scope("GraphQLRequestId")));
        Assert.DoesNotContain(server.Logs.Entries, e => e.Message.Contains("tags(first: 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenTelemetry_is_registered_only_when_an_OTLP_endpoint_is_configured()
    {
        await using (var plain = await NewsGraphServer.StartAsync())
        {
            Assert.Null(plain.Services.GetService<TracerProvider>());
            Assert.Null(plain.Services.GetService<MeterProvider>());
        }

        await using var exporting = await NewsGraphServer.StartAsync(new Dictionary<string, string>
        {
            // Nothing listens there: the exporter's failures stay inside the SDK.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
            ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
            ["OTEL_SERVICE_NAME"] = "newsgraph-test",
        });
        var tracing = exporting.Services.GetService<TracerProvider>();
        Assert.NotNull(tracing);
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
        // The standard variable names the service; without it the server is "newsgraph".
        Assert.Contains(tracing.GetResource().Attributes, a => a.Key == "service.name" && Equals(a.Value, "newsgraph-test"));
    }
}
