using System.Collections.Concurrent;
using System.Globalization;
using NewsGraph.GraphQL.Subscriptions;
using NewsGraph.Server.Articles;

namespace NewsGraph.Server.Tests.Concurrency;

/// <summary>
/// The bus of every instance of a fleet, as a de-duplicating consumer sees it: what arrived, in arrival order, and
/// whether two dispatchers were ever sending at the same moment (each send stays open a little, so overlapping ones
/// show). Outbox sends carry the row's event id (<c>outbox:{id}:{ticks}</c>).
/// </summary>
public sealed class RecordingEventSender : ITopicEventSender
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private int _sending;
    private int _overlaps;

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>Sends that began while another was still going on.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public ValueTask SendAsync<TMessage>(string topic, TMessage message, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Article events come from the outbox, with an event id.");

    public async ValueTask SendAsync<TMessage>(string topic, TMessage message, string eventId, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _sending) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        try
        {
            await Task.Delay(1, cancellationToken);
            var articleId = message switch
            {
                ArticlePublished published => published.ArticleId,
                ArticleUpdated updated => updated.ArticleId,
                _ => throw new InvalidOperationException($"Unexpected message {message}."),
            };
            _deliveries.Enqueue(new Delivery(topic, articleId, long.Parse(eventId.Split(':')[1], CultureInfo.InvariantCulture), eventId));
        }
        finally
        {
            Interlocked.Decrement(ref _sending);
        }
    }

    public sealed record Delivery(string Topic, int ArticleId, long OutboxId, string EventId);
}
