using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Data.Search;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Search;

/// <summary>
/// The SQL of a search on each provider; all of it is this class's text, the reader's words are only ever parameter
/// values (<c>{n}</c> placeholders, which EF Core binds). The same reading of the query on both
/// (<see cref="Fts5MatchExpression"/>, <see cref="PostgreSqlTsQuery"/>), the same column weights (title 10, summary 4,
/// body 1) and the same recency factor; the relevance functions are each engine's own (BM25 on SQLite, cover density on
/// PostgreSQL), so scores differ between providers while which articles match does not.
/// </summary>
internal static class ArticleSearchSql
{
    /// <summary>The PostgreSQL text search configuration the migration creates (unaccent, then English Snowball stems, no stop words).</summary>
    public const string PostgreSqlConfiguration = "newsgraph_search";

    /// <summary>Matching articles with their score (<see cref="ArticleSearchMatch"/> rows), before visibility, filters and paging.</summary>
    public static IQueryable<ArticleSearchMatch> Matches(NewsDbContext db, SearchQuery query)
    {
        var parameters = new List<object>();
        string sql;
        if (db.Database.IsNpgsql())
        {
            sql = $"""
                SELECT d."ArticleId", d."SearchKey", {PostgreSqlScore} AS "Score"
                FROM "ArticleSearchDocuments" AS d
                CROSS JOIN (SELECT {TsQuery(query, parameters)} AS query) AS q
                WHERE d."SearchVector" @@ q.query
                """;
        }
        else
        {
            // bm25() is lower for better matches (negative); its weights follow the FTS5 table's columns (Title, Summary,
            // Body, Aliases). The index's rowid is the document's SearchKey: the article id in its low 31 bits, the
            // recency minutes above them — so neither the id nor the recency factor needs a look-up in another table.
            // SQLite computes the score only for the rows it returns: in a ranking window, the window's.
            parameters.Add(Fts5MatchExpression.Render(query));
            sql = $$"""
                SELECT ("ArticleSearchIndex".rowid & {{ArticleSearchDocumentKeys.MinuteMultiplier - 1}}) AS "ArticleId",
                    "ArticleSearchIndex".rowid AS "SearchKey",
                    (-bm25("ArticleSearchIndex", 10.0, 4.0, 1.0, 1.0)
                        * pow(2.0, ("ArticleSearchIndex".rowid >> 31) / {{ArticleSearchDocumentKeys.HalfLifeMinutes}}.0)) AS "Score"
                FROM "ArticleSearchIndex"
                WHERE "ArticleSearchIndex" MATCH {0}
                """;
        }

        return db.SearchMatches(sql, [.. parameters]);
    }

    /// <summary>
    /// The newest <paramref name="window"/> of <paramref name="matches"/> (already narrowed to what the reader may see
    /// and <c>where</c> accepts), scored: what relevance order pages through.
    /// </summary>
    public static IQueryable<ArticleSearchMatch> RankNewest(NewsDbContext db, SearchQuery query, IQueryable<ArticleSearchMatch> matches, int window)
    {
        var newest = matches.OrderByDescending(match => match.SearchKey).Take(window);
        if (!db.Database.IsNpgsql())
        {
            return newest;
        }

        // PostgreSQL computes a select list's expressions above its joins, so a score in the matches' own select would
        // carry every match's tsvector (kilobytes each) through the join with Articles — into a hash that spills to
        // disk for a word 5% of articles hold. Instead the window takes ids only, and the score is computed by joining
        // its rows back to their documents by key: ts_rank_cd runs for the window's rows alone.
        var parameters = new List<object>();
        var scores = db.SearchScores(
            $"""
            SELECT d."SearchKey", {PostgreSqlScore} AS "Score"
            FROM "ArticleSearchDocuments" AS d
            CROSS JOIN (SELECT {TsQuery(query, parameters)} AS query) AS q
            """,
            [.. parameters]);
        return newest.Join(
            scores,
            match => match.SearchKey,
            score => score.SearchKey,
            (match, score) => new ArticleSearchMatch { ArticleId = match.ArticleId, SearchKey = match.SearchKey, Score = score.Score });
    }

    // ts_rank_cd's weights are {D, C, B, A}: body D 0.1, summary B 0.4, title A 1.0. Normalisation 1 divides by
    // 1 + log(length), so a long read does not win by length alone.
    private static readonly string PostgreSqlScore = $"""
        (ts_rank_cd(ARRAY[0.1, 0.2, 0.4, 1.0]::real[], d."SearchVector", q.query, 1)::double precision
            * power(2::double precision, d."RecencyMinutes"::double precision / {ArticleSearchDocumentKeys.HalfLifeMinutes}))
        """;

    /// <summary>Title highlights and body snippets of the given articles for the search, computed for one page only.</summary>
    public static Task<List<ArticleSearchHighlightRow>> HighlightsAsync(
        NewsDbContext db, SearchQuery query, IReadOnlyList<int> articleIds, int snippetWords, CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        string sql;
        if (db.Database.IsNpgsql())
        {
            var tsQuery = TsQuery(query, parameters);
            var titleOptions = parameters.Count;
            parameters.Add($"StartSel={SearchHighlight.Open}, StopSel={SearchHighlight.Close}, HighlightAll=true");
            parameters.Add($"StartSel={SearchHighlight.Open}, StopSel={SearchHighlight.Close}, MaxWords={snippetWords}, MinWords={Math.Max(1, snippetWords / 2)}, MaxFragments=1");
            var ids = InList(articleIds, parameters);
            sql = $$"""
                SELECT d."ArticleId",
                    ts_headline('{{PostgreSqlConfiguration}}', d."Title", q.query, {{{titleOptions}}}) AS "TitleHighlight",
                    ts_headline('{{PostgreSqlConfiguration}}', d."Body", q.query, {{{titleOptions + 1}}}) AS "Snippet"
                FROM "ArticleSearchDocuments" AS d
                CROSS JOIN (SELECT {{tsQuery}} AS query) AS q
                WHERE d."ArticleId" IN ({{ids}})
                """;
        }
        else
        {
            parameters.AddRange([SearchHighlight.Open, SearchHighlight.Close, snippetWords]);
            parameters.Add(Fts5MatchExpression.Render(query));
            var ids = InList(articleIds, parameters);
            sql = $$"""
                SELECT (rowid & {{ArticleSearchDocumentKeys.MinuteMultiplier - 1}}) AS "ArticleId",
                    highlight("ArticleSearchIndex", 0, {0}, {1}) AS "TitleHighlight",
                    snippet("ArticleSearchIndex", 2, {0}, {1}, '…', {2}) AS "Snippet"
                FROM "ArticleSearchIndex"
                WHERE "ArticleSearchIndex" MATCH {3}
                    AND rowid IN (SELECT "SearchKey" FROM "ArticleSearchDocuments" WHERE "ArticleId" IN ({{ids}}))
                """;
        }

        return db.Database.SqlQueryRaw<ArticleSearchHighlightRow>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    private static string TsQuery(SearchQuery query, List<object> parameters) =>
        PostgreSqlTsQuery.Render(query, PostgreSqlConfiguration, value =>
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        });

    private static string InList(IReadOnlyList<int> ids, List<object> parameters) =>
        string.Join(", ", ids.Select(id =>
        {
            parameters.Add(id);
            return $"{{{parameters.Count - 1}}}";
        }));
}

/// <summary>A row of <see cref="ArticleSearchSql.HighlightsAsync"/>: the engine's marked text, not yet HTML.</summary>
internal sealed class ArticleSearchHighlightRow
{
    public int ArticleId { get; init; }

    public string? TitleHighlight { get; init; }

    public string? Snippet { get; init; }
}
