using Microsoft.Extensions.Options;
using NewsGraph.Server.Data;
using NewsGraph.Server.Site;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// What data annotations cannot say: a positive cache lifetime, and a sitemap page that stays within the protocol's
/// 50 MB even if every article had the longest slug the database column allows (slugs are ASCII letters, digits and
/// hyphens, InputValidation; three times that length leaves room for escaping) under this site's base URL.
/// </summary>
internal sealed class FeedSettingsValidation(IOptions<SiteSettings> site) : IValidateOptions<FeedSettings>
{
    // <url><loc>…</loc><lastmod>yyyy-MM-ddTHH:mm:ssZ</lastmod></url> and its indentation, rounded up.
    private const int EntryOverheadBytes = 96;

    public ValidateOptionsResult Validate(string? name, FeedSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CacheMaxAge < TimeSpan.Zero || options.CacheMaxAge > TimeSpan.FromDays(7))
        {
            failures.Add("Feeds:CacheMaxAge must be between 00:00:00 and 7.00:00:00.");
        }

        if (SiteBaseUrl() is { IsAbsoluteUri: true } baseUrl)
        {
            long longestEntry = baseUrl.AbsoluteUri.Length + "articles/".Length + (NewsDbContext.SlugMaxLength * 3) + EntryOverheadBytes;
            if (longestEntry * options.SitemapPageSize > FeedSettings.SitemapProtocolMaxBytes)
            {
                failures.Add($"Feeds:SitemapPageSize {options.SitemapPageSize} could make a sitemap page larger than 50 MB under Site:BaseUrl; at most {FeedSettings.SitemapProtocolMaxBytes / longestEntry} fits.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Invalid Site settings are Site's own error, reported once by their validation; the page size is then not judged.
    private Uri? SiteBaseUrl()
    {
        try
        {
            return site.Value.BaseUrl;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
