namespace NewsGraph.Server.Previews;

/// <summary>A signed token that shows one article, whatever its status, until <see cref="ExpiresAt"/> (UTC).</summary>
public sealed record PreviewToken(string Token, int ArticleId, DateTime ExpiresAt);
