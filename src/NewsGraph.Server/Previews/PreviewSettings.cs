namespace NewsGraph.Server.Previews;

/// <summary>Draft previews (configuration section <c>Previews</c>): the key preview tokens are signed with and how long they last.</summary>
public sealed class PreviewSettings
{
    public const string SectionName = "Previews";

    /// <summary>The longest a preview link may be valid.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// Base64 of at least 32 random bytes (HMAC-SHA256). Every instance must have the same key; changing it invalidates
    /// every preview link handed out. Without one, Development signs with a random key of the process and other
    /// environments have no previews.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a preview link is valid: more than a minute and at most 30 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
}
