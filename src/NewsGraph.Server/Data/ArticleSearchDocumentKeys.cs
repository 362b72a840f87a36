namespace NewsGraph.Server.Data;

/// <summary>The arithmetic of <see cref="ArticleSearchDocument.SearchKey"/> and the recency factor, shared by C# and the SQL that ranks.</summary>
public static class ArticleSearchDocumentKeys
{
    /// <summary>Article ids are positive 32-bit integers, so the key's low 31 bits hold one and the minutes sit above it.</summary>
    public const long MinuteMultiplier = 2_147_483_648;

    /// <summary>
    /// The recency boost's half-life, two years: relevance is multiplied by 2^(minutes / half-life) — 0.5 at the start of
    /// 2023, 1 of 2025, about 1.4 of 2026 — so an article two years older needs twice the relevance to rank level.
    /// </summary>
    public const int HalfLifeMinutes = 730 * 24 * 60;

    /// <summary>The SQL both providers compute the key with (a stored generated column).</summary>
    public const string SearchKeySql = "\"RecencyMinutes\" * 2147483648 + \"ArticleId\"";

    /// <summary>
    /// Counted from a fixed epoch rather than from now, so a score never changes while the index does not (cursors stay
    /// valid, pages do not shift as the clock runs); only the ratio between two articles matters, and that depends on
    /// their dates alone.
    /// </summary>
    public static readonly DateTime RecencyEpoch = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static int RecencyMinutesOf(DateTime date) =>
        checked((int)Math.Floor((date - RecencyEpoch).TotalMinutes));

    public static long SearchKeyOf(int recencyMinutes, int articleId) => (recencyMinutes * MinuteMultiplier) + articleId;
}
