using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Markdig;
using NewsGraph.Server.Data;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Seo;

/// <summary>
/// Builds an article's <see cref="ArticleSeo"/> from the article, its author and the site's settings; nothing here
/// reads the database.
/// </summary>
public sealed class ArticleSeoBuilder(SiteSettings site, SiteLinks links)
{
    /// <summary>What search engines show of a description.</summary>
    public const int DescriptionLength = 160;

    /// <summary>Google's limit for a NewsArticle's headline.</summary>
    public const int HeadlineLength = 110;

    // Enough Markdown for 160 characters of text, so a 200,000-character body is not converted whole.
    private const int BodyPrefixLength = 2000;

    // Every letter stays readable, but the encoder still escapes what HTML gives meaning to (<, >, &, ', ") and the line
    // separators JavaScript once did not allow in strings, so the JSON cannot end the <script> element it is put into.
    private static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public ArticleSeo Build(Article article, Author author)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(author);
        var canonical = article.CanonicalUrl is { } url ? new Uri(url, UriKind.Absolute) : links.Article(article.Slug);
        var description = Describe(article);
        var openGraph = new OpenGraph(article.Title, description, article.HeroImageUrl, "article", canonical);
        return new ArticleSeo($"{article.Title} | {site.Name}", description, canonical, openGraph, JsonLd(article, author, description, canonical));
    }

    private string JsonLd(Article article, Author author, string description, Uri canonical)
    {
        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = site.Name, ["url"] = links.Home.AbsoluteUri };
        if (site.LogoUrl is { } logo)
        {
            publisher["logo"] = new JsonObject { ["@type"] = "ImageObject", ["url"] = logo.AbsoluteUri };
        }

        var jsonLd = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Shorten(article.Title, HeadlineLength),
            ["description"] = description,
            ["url"] = canonical.AbsoluteUri,
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonical.AbsoluteUri },
            ["inLanguage"] = site.Language,
        };
        if (article.HeroImageUrl is { } image)
        {
            jsonLd["image"] = new JsonArray(image);
        }

        if (article.PublishedAt is { } publishedAt)
        {
            jsonLd["datePublished"] = Timestamp(publishedAt);
        }

        jsonLd["dateModified"] = Timestamp(article.UpdatedAt);
        jsonLd["author"] = new JsonArray(new JsonObject { ["@type"] = "Person", ["name"] = author.Name, ["url"] = links.Author(author.Slug).AbsoluteUri });
        jsonLd["publisher"] = publisher;
        return jsonLd.ToJsonString(JsonLdOptions);
    }

    private static string Describe(Article article)
    {
        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            return Shorten(article.Summary, DescriptionLength);
        }

        var markdown = article.Body.Length > BodyPrefixLength ? article.Body[..BodyPrefixLength] : article.Body;
        return Shorten(Markdown.ToPlainText(markdown), DescriptionLength);
    }

    /// <summary>The text with its whitespace collapsed, cut at a word boundary with an ellipsis when longer than <paramref name="length"/>.</summary>
    internal static string Shorten(string text, int length)
    {
        var collapsed = new StringBuilder(Math.Min(text.Length, length * 2));
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (collapsed.Length > 0)
            {
                collapsed.Append(' ');
            }

            collapsed.Append(word);
            if (collapsed.Length > length)
            {
                break;
            }
        }

        if (collapsed.Length <= length)
        {
            return collapsed.ToString();
        }

        var cut = collapsed.ToString(0, length - 1);
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > length / 2 ? cut[..lastSpace] : cut).TrimEnd() + "…";
    }

    private static string Timestamp(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
