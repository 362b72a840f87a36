using System.ComponentModel.DataAnnotations;

namespace NewsGraph.Server.Site;

/// <summary>
/// The public web site the articles live on (configuration section <c>Site</c>): every absolute link the server
/// hands out — feeds, sitemaps, canonical URLs, structured data — is built from it, never from the request's Host
/// header, which a client controls.
/// </summary>
public sealed class SiteSettings
{
    public const string SectionName = "Site";

    /// <summary>Absolute <c>http</c> or <c>https</c> URL of the site's front page, e.g. <c>https://news.example.com/</c>.</summary>
    [Required(ErrorMessage = "Site:BaseUrl is required.")]
    public Uri BaseUrl { get; set; } = new("http://localhost:5000/");

    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:Name is required.")]
    [StringLength(200, ErrorMessage = "Site:Name must be at most 200 characters.")]
    public string Name { get; set; } = "NewsGraph";

    [StringLength(1000, ErrorMessage = "Site:Description must be at most 1000 characters.")]
    public string Description { get; set; } = "News from the NewsGraph newsroom.";

    /// <summary>BCP 47 language tag of the content, e.g. <c>en</c> or <c>en-GB</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Site:Language is required.")]
    [RegularExpression("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", ErrorMessage = "Site:Language must be a language tag such as en or en-GB.")]
    public string Language { get; set; } = "en";

    /// <summary>The publisher's logo (absolute URL), used in structured data; optional.</summary>
    public Uri? LogoUrl { get; set; }
}
