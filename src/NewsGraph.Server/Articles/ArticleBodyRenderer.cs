using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Renders article Markdown to HTML that is safe to put into a page as is: Markdig renders (raw HTML in the
/// Markdown comes out as escaped text), then HtmlSanitizer removes whatever could still run script — event handler
/// attributes, javascript:/data: URLs in links and images, style expressions. Editors are trusted to write, not to
/// inject script into every reader's browser (a stolen API key must not become stored XSS).
/// </summary>
public sealed class ArticleBodyRenderer : IDisposable
{
    // Rendering a long read takes around a millisecond; lists of teasers ask for the same articles over and over.
    private const long CacheCharacterBudget = 20_000_000;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacterBudget });

    /// <summary>The article's body as sanitized HTML, cached per article version.</summary>
    public string Render(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var key = (article.Id, article.Version);
        // The body is compared too: an article object that did not come from the database (a test, a preview)
        // may carry a version that another body already used.
        if (_cache.TryGetValue(key, out Rendered? hit) && hit is not null && string.Equals(hit.Markdown, article.Body, StringComparison.Ordinal))
        {
            return hit.Html;
        }

        var html = Render(article.Body);
        _cache.Set(key, new Rendered(article.Body, html), new MemoryCacheEntryOptions
        {
            Size = article.Body.Length + html.Length + 1,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return html;
    }

    /// <summary>Markdown to sanitized HTML, uncached.</summary>
    public string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
    }

    public void Dispose() => _cache.Dispose();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // Links and images may only point to web pages and mail addresses: no javascript:, vbscript: or data:.
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        // Article markup never needs inline styles or classes from the author; styles are where expression() and
        // url(javascript:) hide.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("option");
        return sanitizer;
    }

    private sealed record Rendered(string Markdown, string Html);
}
