using System.Text;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;
using NewsGraph.Server.Tests.Transports;

namespace NewsGraph.Server.Tests.Observability;

/// <summary>
/// The metrics, read through the server's OpenTelemetry wiring: request duration by operation, errors by code, active
/// WebSocket and multipart connections and subscriptions, events published and delivered, and the outbox backlog.
/// </summary>
[Collection(ObservabilityTestGroup.Name)]
public sealed class OperationMetricsTests
{
    [Fact]
    public async Task Operations_are_timed_by_type_and_name_and_their_errors_counted_by_code()
    {
        var telemetry = new TelemetryCapture();
        await using var server = await NewsGraphServer.StartAsync(configureServices: telemetry.Configure);
        telemetry.Attach(server.Services);

        for (var i = 0; i < 2; i++)
        {
            (await server.PostAsync("query Teasers { articles(first: 2) { nodes { title } } }", operationName: "Teasers")).SuccessfulData();
        }

        var invalid = await server.PostAsync("query Broken { noSuchField }");
        var code = (string)invalid.Errors![0]!["extensions"]!["code"]!;

        var durations = telemetry.Collect("graphql.server.request.duration");
        var teasers = Assert.Single(durations, p => Equals(TelemetryCapture.Tag(p, "graphql.operation.name"), "Teasers"));
        Assert.Equal("query", TelemetryCapture.Tag(teasers, "graphql.operation.type"));
        Assert.Equal(2, teasers.GetHistogramCount());

        Assert.Equal(1, telemetry.SumWhere("graphql.server.errors", "graphql.error.code", code));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WebSocket_connections_subscriptions_events_and_the_outbox_backlog_are_measured(bool throughRedis)
    {
        await using var redis = throughRedis ? await RedisServer.StartAsync() : null;
        var settings = redis is null ? [] : new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration };
        var telemetry = new TelemetryCapture();
        await using var editor = await EditorServer.StartAsync(settings, telemetry.Configure);
        telemetry.Attach(editor.Server.Services);

        using (var client = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws"))
        {
            await client.SubscribeAsync("b", "subscription { onBreakingNews { id } }");
            await editor.Server.WaitForPublicationSubscribersAsync(1);
            // The stream counts as active once the transport holds it, a moment after the feed has its subscriber.
            await Wait.UntilAsync(
                () => telemetry.SumWhere("graphql.server.connections.active", "graphql.transport", "websocket") == 1
                    && telemetry.SumWhere("graphql.server.subscriptions.active", "graphql.transport", "websocket") == 1,
                "one active WebSocket connection with one subscription");

            var article = await editor.CreateAndPublishAsync("Measured", isBreaking: true);
            Assert.Equal((string?)article["id"], (string?)(await client.ReceiveResultAsync("b"))["data"]!["onBreakingNews"]!["id"]);
            // Counted as the hub hands the event over; the subscriber may have it a moment before.
            await Wait.UntilAsync(
                () => Sum(telemetry, "graphql.events.published") >= 1 && Sum(telemetry, "graphql.events.delivered") >= 1,
                "the event counted as published and delivered");
            Assert.Equal(0, Sum(telemetry, "graphql.events.dropped"));

            // The dispatcher reads its table after the pass that sent the event: nothing is left waiting.
            await Wait.UntilAsync(
                () => telemetry.Collect("graphql.outbox.backlog") is [var backlog] && backlog.GetGaugeLastValueLong() == 0,
                "the outbox backlog read as empty");
            Assert.Equal(0, Assert.Single(telemetry.Collect("graphql.outbox.oldest_message.age")).GetGaugeLastValueDouble());

            await client.CloseAsync();
        }

        if (throughRedis)
        {
            // The bus's own connection is traced too (the instrumentation reports its commands in batches).
            await Wait.UntilAsync(
                () => telemetry.Spans.Any(span => span.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal)),
                "a span of a Redis command");
        }

        await Wait.UntilAsync(
            () => telemetry.SumWhere("graphql.server.connections.active", "graphql.transport", "websocket") == 0
                && telemetry.SumWhere("graphql.server.subscriptions.active", "graphql.transport", "websocket") == 0,
            "no WebSocket connection or subscription left active");
    }

    [Fact]
    public async Task Multipart_streams_are_measured_and_a_client_that_goes_away_frees_its_subscription()
    {
        var telemetry = new TelemetryCapture();
        await using var server = await NewsGraphServer.StartAsync(configureServices: telemetry.Configure);
        telemetry.Attach(server.Services);

        using (var request = new HttpRequestMessage(HttpMethod.Post, GraphQLHttp.Path)
        {
            Content = new StringContent(GraphQLHttp.Request("subscription { onBreakingNews { id } }").ToJsonString(), Encoding.UTF8, "application/json"),
        })
        {
            request.Headers.TryAddWithoutValidation("Accept", "multipart/mixed;subscriptionSpec=1.0, application/json");
            using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
            await server.WaitForPublicationSubscribersAsync(1);
            await Wait.UntilAsync(
                () => telemetry.SumWhere("graphql.server.connections.active", "graphql.transport", "multipart") == 1
                    && telemetry.SumWhere("graphql.server.subscriptions.active", "graphql.transport", "multipart") == 1,
                "one active multipart connection with one subscription");
        }

        // The client closed the request: the server lets go of the subscription and counts nothing active.
        await server.WaitForPublicationSubscribersAsync(0);
        await Wait.UntilAsync(
            () => telemetry.SumWhere("graphql.server.connections.active", "graphql.transport", "multipart") == 0
                && telemetry.SumWhere("graphql.server.subscriptions.active", "graphql.transport", "multipart") == 0,
            "no multipart connection or subscription left active");
    }

    private static long Sum(TelemetryCapture telemetry, string name) => telemetry.Collect(name).Sum(p => p.GetSumLong());
}
