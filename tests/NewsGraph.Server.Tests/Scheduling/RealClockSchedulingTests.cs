using System.Diagnostics;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.Transports;
using Xunit.Abstractions;
using static NewsGraph.Server.Tests.Scheduling.Schedules;

namespace NewsGraph.Server.Tests.Scheduling;

/// <summary>Once on the real clock: an article scheduled a few seconds ahead is published by the server and announced.</summary>
public sealed class RealClockSchedulingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_article_scheduled_seconds_ahead_reaches_a_subscriber_when_its_time_comes()
    {
        await using var editor = await EditorServer.StartAsync();
        using var reader = await TransportClient.ConnectAsync(editor.Server.BaseAddress, "graphql-transport-ws");
        await reader.SubscribeAsync("p", "subscription { onArticlePublished { id status publishedAt } }");
        await editor.Server.WaitForPublicationSubscribersAsync(1);
        var (id, version, _) = await CreateDraftAsync(editor, "On the stroke of the hour");

        var publishAt = DateTimeOffset.UtcNow.AddSeconds(2.5);
        AssertSucceeded(await ScheduleAsync(editor, id, version, Iso(publishAt)));
        var waited = Stopwatch.StartNew();
        var announced = (await reader.ReceiveResultAsync("p", TimeSpan.FromSeconds(60)))["data"]!["onArticlePublished"]!;

        Assert.Equal(id, (string?)announced["id"]);
        Assert.Equal("PUBLISHED", (string?)announced["status"]);
        var publishedAt = DateTimeOffset.Parse((string)announced["publishedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(publishedAt >= publishAt.AddTicks(-(publishAt.Ticks % TimeSpan.TicksPerMillisecond)), $"Published at {publishedAt:O}, before its time {publishAt:O}.");
        output.WriteLine($"Event received {waited.Elapsed.TotalSeconds:0.000} s after scheduling; published {(publishedAt - publishAt).TotalMilliseconds:0} ms after publishAt.");
    }
}
