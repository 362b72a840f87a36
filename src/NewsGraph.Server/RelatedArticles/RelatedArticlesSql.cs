using System.Globalization;
using System.Text;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.RelatedArticles;

/// <summary>
/// The SQL that ranks related articles for many articles at once, the same text on SQLite and PostgreSQL. Candidates are
/// the published articles sharing a tag with the source (counted: the overlap) and the source category's newest
/// published articles (overlap 0: more of them could never rank above those, so only <c>limit</c> are read, from the
/// (CategoryId, Status, PublishedAt, Id) index); ranked per source by overlap, same category, publication date, id.
/// The source itself is read whatever its status, so a draft being previewed has related articles too.
/// </summary>
internal static class RelatedArticlesSql
{
    /// <summary>One row per (source, related article, rank ≤ limit); parameters: the ids, then the limit.</summary>
    public static (string Sql, object[] Parameters) Ranked(IReadOnlyList<int> articleIds, int limit)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var ids = new StringBuilder();
        var parameters = new object[articleIds.Count + 1];
        for (var i = 0; i < articleIds.Count; i++)
        {
            ids.Append(i == 0 ? "" : ", ").Append('{').Append(i.ToString(CultureInfo.InvariantCulture)).Append('}');
            parameters[i] = articleIds[i];
        }

        parameters[^1] = limit;
        var limitParameter = "{" + articleIds.Count.ToString(CultureInfo.InvariantCulture) + "}";
        var published = ((int)ArticleStatus.Published).ToString(CultureInfo.InvariantCulture);
        var sql = $"""
            SELECT ranked."SourceId", ranked."ArticleId", ranked."Rank"
            FROM (
                SELECT pair."SourceId", pair."ArticleId",
                    ROW_NUMBER() OVER (
                        PARTITION BY pair."SourceId"
                        ORDER BY pair."Overlap" DESC,
                            CASE WHEN candidate."CategoryId" = source."CategoryId" THEN 1 ELSE 0 END DESC,
                            candidate."PublishedAt" DESC, candidate."Id" DESC) AS "Rank"
                FROM (
                    SELECT found."SourceId", found."ArticleId", MAX(found."Overlap") AS "Overlap"
                    FROM (
                        SELECT own."ArticleId" AS "SourceId", other."ArticleId" AS "ArticleId", COUNT(*) AS "Overlap"
                        FROM "ArticleTags" AS own
                        INNER JOIN "ArticleTags" AS other ON other."TagId" = own."TagId" AND other."ArticleId" <> own."ArticleId"
                        WHERE own."ArticleId" IN ({ids})
                        GROUP BY own."ArticleId", other."ArticleId"
                        UNION ALL
                        SELECT origin."Id", neighbour."Id", 0
                        FROM "Articles" AS origin
                        INNER JOIN "Articles" AS neighbour ON neighbour."Id" IN (
                            SELECT recent."Id" FROM "Articles" AS recent
                            WHERE recent."CategoryId" = origin."CategoryId" AND recent."Status" = {published}
                                AND recent."PublishedAt" IS NOT NULL AND recent."Id" <> origin."Id"
                            ORDER BY recent."PublishedAt" DESC, recent."Id" DESC
                            LIMIT {limitParameter})
                        WHERE origin."Id" IN ({ids})
                    ) AS found
                    GROUP BY found."SourceId", found."ArticleId"
                ) AS pair
                INNER JOIN "Articles" AS candidate ON candidate."Id" = pair."ArticleId"
                INNER JOIN "Articles" AS source ON source."Id" = pair."SourceId"
                WHERE candidate."Status" = {published} AND candidate."PublishedAt" IS NOT NULL
            ) AS ranked
            WHERE ranked."Rank" <= {limitParameter}
            """;
        return (sql, parameters);
    }
}

/// <summary>A row of <see cref="RelatedArticlesSql.Ranked"/>.</summary>
internal sealed class RelatedArticleRow
{
    public int SourceId { get; set; }

    public int ArticleId { get; set; }

    public long Rank { get; set; }
}
