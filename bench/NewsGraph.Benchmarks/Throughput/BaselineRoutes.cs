namespace NewsGraph.Benchmarks.Throughput;

/// <summary>The baseline's URLs, shared by the API that serves them and the benchmark that requests them.</summary>
internal static class BaselineRoutes
{
    public const string FrontPage = "front-page";
    public const string CategoryPage = "categories/{slug}/recent";
    public const string ArticlePage = "articles/{slug}";
    public const string PageAfter = "articles";
    public const string TitleSearch = "search";

    public static string ForCategory(string slug) => $"categories/{Uri.EscapeDataString(slug)}/recent";

    public static string ForArticle(string slug) => $"articles/{Uri.EscapeDataString(slug)}";

    public static string ForPageAfter(string cursor) => $"{PageAfter}?after={Uri.EscapeDataString(cursor)}";

    public static string ForTitleSearch(string term) => $"{TitleSearch}?title={Uri.EscapeDataString(term)}";
}
