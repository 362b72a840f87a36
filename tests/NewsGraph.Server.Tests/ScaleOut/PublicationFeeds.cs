namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>The subscribers of one instance: a WebSocket client and an SSE client, both on <c>onArticlePublished</c>.</summary>
public sealed class PublicationFeeds : IDisposable
{
    /// <summary>How long a primer may take to arrive before another one is published (not an assertion: it retries).</summary>
    private static readonly TimeSpan PrimerWait = TimeSpan.FromSeconds(5);

    private PublicationFeeds(WebSocketPublicationFeed webSocket, SsePublicationFeed sse)
    {
        WebSocket = webSocket;
        Sse = sse;
    }

    public WebSocketPublicationFeed WebSocket { get; }

    public SsePublicationFeed Sse { get; }

    public IEnumerable<PublicationFeed> All => [WebSocket, Sse];

    public static async Task<PublicationFeeds> OpenAsync(string instance, ServerProcess server) =>
        new(await WebSocketPublicationFeed.OpenAsync(instance, server), await SsePublicationFeed.OpenAsync(instance, server));

    /// <summary>
    /// Returns once every feed has received an event, so that what is published next reaches them all. A WebSocket
    /// subscription is set up after the client's <c>subscribe</c> with no answer to wait for, and an instance's Redis
    /// reader starts after the newest entry: an event sent before it would be missed. So articles are published
    /// through <paramref name="publish"/> until each feed has had one. Feeds skip the primers while they wait for a slug.
    /// </summary>
    public static async Task PrimeAsync(IEnumerable<PublicationFeeds> instances, Func<string, Task<string>> publish, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(publish);
        var waiting = instances.SelectMany(i => i.All).ToList();
        var deadline = DateTime.UtcNow + bound;
        for (var primer = 1; waiting.Count > 0; primer++)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No primer reached {string.Join(", ", waiting.Select(f => f.Name))} within {bound.TotalSeconds:0.#} s.");
            }

            var slug = await publish($"Primer {primer}");
            foreach (var feed in waiting.ToList())
            {
                if (await feed.TryWaitForAsync(slug, PrimerWait))
                {
                    waiting.Remove(feed);
                }
            }
        }
    }

    public void Dispose()
    {
        WebSocket.Dispose();
        Sse.Dispose();
    }
}
