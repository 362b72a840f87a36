namespace NewsGraph.Server.Previews;

/// <summary><c>extensions.code</c> of the preview errors.</summary>
public static class PreviewErrorCodes
{
    /// <summary>The token is malformed, too long, tampered with or signed with another key.</summary>
    public const string InvalidToken = "PREVIEW_TOKEN_INVALID";

    /// <summary>The token was genuine but its time is up.</summary>
    public const string ExpiredToken = "PREVIEW_TOKEN_EXPIRED";

    /// <summary>This server has no signing key (outside Development one must be configured).</summary>
    public const string NotConfigured = "PREVIEWS_NOT_CONFIGURED";
}
