using System.Text.Json;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.EndToEnd;

/// <summary>
/// The server's <c>Ide</c> section reaches the configuration file Banana Cake Pop reads before it renders
/// (<c>/graphql/bcp-config.json</c>): telemetry stays off unless the operator turns it on.
/// </summary>
public sealed class BananaCakePopSettingsTests
{
    [Fact]
    public async Task By_default_the_ide_is_told_to_send_no_telemetry_and_no_analytics()
    {
        await using var server = await NewsGraphServer.StartAsync();
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/graphql/bcp-config.json"));

        Assert.True(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("gaTrackingId", out _));
    }

    [Fact]
    public async Task The_operator_can_turn_telemetry_and_analytics_on()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Ide:DisableTelemetry", "false"), new("Ide:GaTrackingId", "G-NEWS123")]);
        using var json = JsonDocument.Parse(await server.Http.GetStringAsync("/graphql/bcp-config.json"));

        Assert.False(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal("G-NEWS123", json.RootElement.GetProperty("gaTrackingId").GetString());
    }
}
