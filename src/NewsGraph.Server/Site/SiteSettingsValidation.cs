using Microsoft.Extensions.Options;

namespace NewsGraph.Server.Site;

/// <summary>What data annotations cannot say: the URLs must be absolute http(s) without query or fragment.</summary>
internal sealed class SiteSettingsValidation : IValidateOptions<SiteSettings>
{
    public ValidateOptionsResult Validate(string? name, SiteSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsWebUrl(options.BaseUrl))
        {
            failures.Add("Site:BaseUrl must be an absolute http or https URL without query or fragment.");
        }

        if (options.LogoUrl is not null && !IsWebUrl(options.LogoUrl))
        {
            failures.Add("Site:LogoUrl must be an absolute http or https URL without query or fragment.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsWebUrl(Uri? url) =>
        url is { IsAbsoluteUri: true, Query: "", Fragment: "" }
        && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
