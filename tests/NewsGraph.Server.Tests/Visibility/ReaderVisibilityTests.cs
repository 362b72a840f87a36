using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Visibility;

/// <summary>Drafts and archived articles never reach readers, wherever they ask.</summary>
[Collection(SharedServer.Name)]
public sealed class ReaderVisibilityTests(ServerFixture fixture)
{
    private async Task<(IReadOnlyList<Article> Published, HashSet<string> HiddenSlugs, HashSet<string> HiddenIds)> OracleAsync()
    {
        var all = await Catalogue.AllArticlesAsync(fixture.Server);
        var hidden = all.Where(a => a.Status != ArticleStatus.Published).ToArray();
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Draft);
        Assert.Contains(hidden, a => a.Status == ArticleStatus.Archived);
        return (
            [.. all.Where(a => a.Status == ArticleStatus.Published)],
            [.. hidden.Select(a => a.Slug)],
            [.. hidden.Select(a => Catalogue.GlobalId("Article", a.Id))]);
    }

    [Fact]
    public async Task Articles_and_total_count_have_only_published()
    {
        var (published, hiddenSlugs, _) = await OracleAsync();

        var response = await fixture.Server.PostAsync("{ articles(first: 50) { totalCount nodes { slug status } } }");

        var articles = response.SuccessfulData()["articles"]!;
        Assert.Equal(published.Count, articles["totalCount"]!.GetValue<int>());
        var slugs = Catalogue.Strings(articles["nodes"], "slug");
        Assert.Equal(published.Select(a => a.Slug).Order(StringComparer.Ordinal), slugs.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(slugs, hiddenSlugs.Contains);
    }

    [Fact]
    public async Task Author_articles_have_only_published()
    {
        var (published, hiddenSlugs, _) = await OracleAsync();

        var response = await fixture.Server.PostAsync("{ authors(first: 50) { nodes { slug articles(first: 50) { totalCount nodes { slug } } } } }");

        foreach (var author in response.SuccessfulData()["authors"]!["nodes"]!.AsArray())
        {
            var slug = author!["slug"]!.GetValue<string>();
            var expected = published.Where(a => a.Author.Slug == slug).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
            var articles = author["articles"]!;
            Assert.Equal(expected, Catalogue.Strings(articles["nodes"], "slug").Order(StringComparer.Ordinal));
            Assert.Equal(expected.Length, articles["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Category_articles_have_only_published()
    {
        var (published, _, _) = await OracleAsync();

        var response = await fixture.Server.PostAsync("""
            { categories(first: 50) { nodes { slug
                all: articles(first: 50) { totalCount nodes { slug } }
                own: articles(first: 50, includeSubcategories: false) { totalCount nodes { slug } } } } }
            """);

        foreach (var category in response.SuccessfulData()["categories"]!["nodes"]!.AsArray())
        {
            var slug = category!["slug"]!.GetValue<string>();
            var own = published.Where(a => a.Category.Slug == slug).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
            var all = published.Where(a => a.Category.Slug == slug || a.Category.Parent?.Slug == slug).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(own, Catalogue.Strings(category["own"]!["nodes"], "slug").Order(StringComparer.Ordinal));
            Assert.Equal(own.Length, category["own"]!["totalCount"]!.GetValue<int>());
            Assert.Equal(all, Catalogue.Strings(category["all"]!["nodes"], "slug").Order(StringComparer.Ordinal));
            Assert.Equal(all.Length, category["all"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("finance")]
    [InlineData("archive")]
    [InlineData("entertainment")]
    public async Task Recent_articles_have_only_published(string? categorySlug)
    {
        var (published, hiddenSlugs, _) = await OracleAsync();
        var expected = published.Count(a => categorySlug is null || a.Category.Slug == categorySlug || a.Category.Parent?.Slug == categorySlug);

        var response = await fixture.Server.PostAsync(
            "query ($c: String) { recentArticles(first: 50, categorySlug: $c) { totalCount nodes { slug } } }", new { c = categorySlug });

        var recent = response.SuccessfulData()["recentArticles"]!;
        Assert.Equal(expected, recent["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain(Catalogue.Strings(recent["nodes"], "slug"), hiddenSlugs.Contains);
    }

    [Theory]
    [InlineData("music")]
    [InlineData("bitcoin")]
    [InlineData("inflation")]
    [InlineData("europe")]
    public async Task Tag_filter_finds_only_published(string tag)
    {
        var (published, hiddenSlugs, _) = await OracleAsync();
        var all = await Catalogue.AllArticlesAsync(fixture.Server);
        Assert.Contains(all, a => a.Status != ArticleStatus.Published && a.Tags.Any(t => t.Slug == tag));
        var expected = published.Where(a => a.Tags.Any(t => t.Slug == tag)).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();

        var response = await fixture.Server.PostAsync(
            "query ($t: String) { articles(first: 50, where: { tags: { some: { slug: { eq: $t } } } }) { totalCount nodes { slug } } }", new { t = tag });

        var articles = response.SuccessfulData()["articles"]!;
        Assert.Equal(expected, Catalogue.Strings(articles["nodes"], "slug").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, articles["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_aimed_at_hidden_articles_find_nothing()
    {
        var (_, hiddenSlugs, hiddenIds) = await OracleAsync();

        var response = await fixture.Server.PostAsync(
            "query ($slugs: [String], $ids: [ID]) { bySlug: articles(where: { slug: { in: $slugs } }) { totalCount } byId: articles(where: { id: { in: $ids } }) { totalCount } byStatus: articles(where: { status: { neq: PUBLISHED } }) { totalCount } byNullDate: articles(where: { publishedAt: { eq: null } }) { totalCount } }",
            new { slugs = hiddenSlugs.ToArray(), ids = hiddenIds.ToArray() });

        var data = response.SuccessfulData();
        foreach (var alias in new[] { "bySlug", "byId", "byStatus", "byNullDate" })
        {
            Assert.Equal(0, data[alias]!["totalCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Node_nodes_and_lookups_return_null_for_hidden_articles()
    {
        var (_, hiddenSlugs, hiddenIds) = await OracleAsync();

        var response = await fixture.Server.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = hiddenIds.ToArray() });
        Assert.All(response.SuccessfulData()["nodes"]!.AsArray(), Assert.Null);
        Assert.Equal(hiddenIds.Count, response.SuccessfulData()["nodes"]!.AsArray().Count);

        foreach (var slug in hiddenSlugs)
        {
            var bySlug = await fixture.Server.PostAsync("query ($s: String!) { articleBySlug(slug: $s) { id } }", new { s = slug });
            Assert.Null(bySlug.SuccessfulData()["articleBySlug"]);
        }
    }
}
