using System.Text.Json.Nodes;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>The five reads of issue 10, with the teaser fields the front page shows.</summary>
internal static class Workloads
{
    private const string TeaserFields =
        "nodes { id slug title summary publishedAt readingTimeMinutes isBreaking author { name slug } category { name slug } tags { name slug } }";

    // The shape of schema/operations/ArticleBySlug.graphql.
    private const string ArticlePageQuery =
        "query ArticleBySlug($slug: String!) { articleBySlug(slug: $slug) { id title summary body publishedAt canonicalUrl wordCount readingTimeMinutes author { name bio } category { name parent { name } } tags { name } } }";

    public static Workload FrontPage() => new(
        "front page (10 teasers)",
        $"query FrontPage {{ articles(first: 10) {{ {TeaserFields} }} }}",
        [],
        BaselineRoutes.FrontPage);

    public static Workload CategoryPage(string categorySlug) => new(
        $"category page ({categorySlug} and below)",
        $"query CategoryPage($slug: String) {{ recentArticles(categorySlug: $slug, first: 10) {{ {TeaserFields} }} }}",
        new JsonObject { ["slug"] = categorySlug },
        BaselineRoutes.ForCategory(categorySlug));

    public static Workload ArticlePage(string slug) => new(
        "article page by slug",
        ArticlePageQuery,
        new JsonObject { ["slug"] = slug },
        BaselineRoutes.ForArticle(slug));

    public static Workload DeepPage(int depth, string cursor) => new(
        $"page after row {depth:N0}",
        $"query DeepPage($after: String) {{ articles(first: 10, after: $after) {{ {TeaserFields} }} }}",
        new JsonObject { ["after"] = cursor },
        BaselineRoutes.ForPageAfter(cursor));

    public static Workload TitleSearch(string term) => new(
        $"title contains \"{term}\"",
        $"query TitleSearch($term: String) {{ articles(where: {{ title: {{ contains: $term }} }}, first: 10) {{ {TeaserFields} }} }}",
        new JsonObject { ["term"] = term },
        BaselineRoutes.ForTitleSearch(term));
}
