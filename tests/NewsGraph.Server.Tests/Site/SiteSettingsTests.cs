using Microsoft.Extensions.Options;
using NewsGraph.Server.Site;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Site;

/// <summary>The site's links are built from configuration only, and a base URL that cannot make them stops the server.</summary>
public sealed class SiteSettingsTests
{
    [Theory]
    [InlineData("https://news.example.com", "https://news.example.com/articles/xi-visits-moscow")]
    [InlineData("https://news.example.com/", "https://news.example.com/articles/xi-visits-moscow")]
    [InlineData("https://example.com/news", "https://example.com/news/articles/xi-visits-moscow")]
    [InlineData("http://localhost:5000/", "http://localhost:5000/articles/xi-visits-moscow")]
    public void Article_links_resolve_under_the_base_path(string baseUrl, string expected)
    {
        var links = new SiteLinks(new SiteSettings { BaseUrl = new Uri(baseUrl) });

        Assert.Equal(expected, links.Article("xi-visits-moscow").AbsoluteUri);
    }

    [Fact]
    public void Categories_authors_and_other_paths_share_the_base()
    {
        var links = new SiteLinks(new SiteSettings { BaseUrl = new Uri("https://example.com/news/") });

        Assert.Equal("https://example.com/news/categories/world", links.Category("world").AbsoluteUri);
        Assert.Equal("https://example.com/news/authors/jane-doe", links.Author("jane-doe").AbsoluteUri);
        Assert.Equal("https://example.com/news/sitemap.xml", links.Resolve("/sitemap.xml").AbsoluteUri);
        Assert.Equal("https://example.com/news/articles/a%20b%2Fc", links.Article("a b/c").AbsoluteUri);
    }

    [Theory]
    [InlineData("Site:BaseUrl", "ftp://example.com/", "Site:BaseUrl must be an absolute http or https URL")]
    [InlineData("Site:BaseUrl", "https://example.com/?utm=1", "Site:BaseUrl must be an absolute http or https URL")]
    [InlineData("Site:BaseUrl", "/relative", "Site:BaseUrl must be an absolute http or https URL")]
    [InlineData("Site:LogoUrl", "javascript:alert(1)", "Site:LogoUrl must be an absolute http or https URL")]
    [InlineData("Site:Language", "english please", "Site:Language must be a language tag")]
    public async Task A_bad_site_setting_stops_the_server_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => NewsGraphServer.StartAsync([new(key, value)]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
