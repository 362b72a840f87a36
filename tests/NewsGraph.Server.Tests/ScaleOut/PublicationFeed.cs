namespace NewsGraph.Server.Tests.ScaleOut;

/// <summary>
/// One client's <c>onArticlePublished</c> subscription on one instance, read as the slugs of the articles it is told
/// about. A read that times out stays in flight, so waiting for one slug never loses the next.
/// </summary>
public abstract class PublicationFeed(string name) : IDisposable
{
    public const string Subscription = "subscription { onArticlePublished { slug } }";

    /// <summary>Which instance and transport, for failure messages (e.g. "B over SSE").</summary>
    public string Name { get; } = name;

    /// <summary>Waits (bounded) until the feed brings <paramref name="slug"/>; other articles' events before it are skipped.</summary>
    public async Task WaitForAsync(string slug, TimeSpan bound)
    {
        if (!await TryWaitForAsync(slug, bound))
        {
            throw new Xunit.Sdk.XunitException($"{Name} was not told about '{slug}' within {bound.TotalSeconds:0.#} s.");
        }
    }

    /// <summary>Whether the feed brings <paramref name="slug"/> within <paramref name="wait"/>; other articles' events before it are skipped.</summary>
    public async Task<bool> TryWaitForAsync(string slug, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (await NextSlugAsync(deadline - DateTime.UtcNow) is not { } next)
            {
                return false;
            }

            if (next == slug)
            {
                return true;
            }
        }

        return false;
    }

    public abstract void Dispose();

    /// <summary>The slug of the next event, or null when none comes within <paramref name="wait"/>.</summary>
    protected abstract Task<string?> NextSlugAsync(TimeSpan wait);
}
