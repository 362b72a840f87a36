using System.Globalization;
using System.Text;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.RelatedArticles;

/// <summary>
/// The SQL that ranks related articles for many articles at once, the same text on SQLite and PostgreSQL. Candidates are
/// the published articles sharing a tag with the source (counted: the overlap) and the source category's newest
/// published articles (overlap 0: more of them could never rank above those, so only <c>limit</c> are read, from the
/// (CategoryId, Status, PublishedAt, Id) index); ranked per source by overlap, same category, publication date, id.
/// A candidate with <c>limit</c> or more candidates of strictly higher overlap cannot make the top <c>limit</c>
/// (<c>RANK()</c> keeps ties), so only the others are joined with their article rows — which are wide (the body comes
/// before the category and date), and reading thousands of them for sources with popular tags was most of the time.
/// Drafts are left out of the tag candidates before that (so they never push a published article out), by the set of
/// published ids read once from the (Status, PublishedAt, Id) index; the unary <c>+</c> keeps SQLite from driving the
/// join from that set instead of from the source's tags (PostgreSQL reads it as the same integer).
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
                    SELECT grouped."SourceId", grouped."ArticleId", grouped."Overlap",
                        RANK() OVER (PARTITION BY grouped."SourceId" ORDER BY grouped."Overlap" DESC) AS "OverlapRank"
                    FROM (
                        SELECT found."SourceId", found."ArticleId", MAX(found."Overlap") AS "Overlap"
                        FROM (
                            SELECT own."ArticleId" AS "SourceId", other."ArticleId" AS "ArticleId", COUNT(*) AS "Overlap"
                            FROM "ArticleTags" AS own
                            INNER JOIN "ArticleTags" AS other ON other."TagId" = own."TagId" AND other."ArticleId" <> own."ArticleId"
                                AND +other."ArticleId" IN (
                                    SELECT published."Id" FROM "Articles" AS published
                                    WHERE published."Status" = {published} AND published."PublishedAt" IS NOT NULL)
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
                    ) AS grouped
                ) AS pair
                INNER JOIN "Articles" AS candidate ON candidate."Id" = pair."ArticleId"
                INNER JOIN "Articles" AS source ON source."Id" = pair."SourceId"
                WHERE pair."OverlapRank" <= {limitParameter} AND candidate."Status" = {published} AND candidate."PublishedAt" IS NOT NULL
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
