using Microsoft.Extensions.Options;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Feeds;

/// <summary>A Feeds setting that cannot work stops the server at start-up, naming it.</summary>
public sealed class FeedSettingsTests
{
    [Theory]
    [InlineData("Feeds:ItemCount", "0", "Feeds:ItemCount must be between 1 and 100.")]
    [InlineData("Feeds:ItemCount", "101", "Feeds:ItemCount must be between 1 and 100.")]
    [InlineData("Feeds:SitemapPageSize", "50001", "Feeds:SitemapPageSize must be between 1 and 50000.")]
    [InlineData("Feeds:SitemapPageSize", "0", "Feeds:SitemapPageSize must be between 1 and 50000.")]
    [InlineData("Feeds:CacheMaxAge", "-00:00:01", "Feeds:CacheMaxAge must be between")]
    public async Task A_bad_feeds_setting_stops_the_server_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => NewsGraphServer.StartAsync([new(key, value)]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_size_that_could_pass_50_megabytes_under_a_long_base_url_stops_the_server()
    {
        var longBase = "https://news.example.com/" + new string('a', 1000) + "/";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => NewsGraphServer.StartAsync([new("Site:BaseUrl", longBase)]));

        Assert.Contains("could make a sitemap page larger than 50 MB", error.Message, StringComparison.Ordinal);
    }
}
