using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Filtering;

/// <summary>Filters on the author, category and tag connections, compared with the database rows.</summary>
[Collection(SharedServer.Name)]
public sealed class OtherEntityFilterTests(ServerFixture fixture)
{
    [Fact]
    public async Task Authors_filter_by_name_and_bio()
    {
        var authors = await Catalogue.AuthorsAsync(fixture.Server);
        var expected = authors
            .Where(a => a.Name.Contains('a', StringComparison.OrdinalIgnoreCase) && a.Bio is not null && a.Bio.Contains("zürich", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);

        var response = await fixture.Server.PostAsync("""{ authors(first: 50, where: { name: { contains: "A" }, bio: { contains: "ZÜRICH" } }) { totalCount nodes { slug } } }""");

        var data = response.SuccessfulData()["authors"]!;
        Assert.Equal(expected, Catalogue.Strings(data["nodes"], "slug").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, data["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Categories_filter_on_parent_gives_one_level()
    {
        var categories = await Catalogue.CategoriesAsync(fixture.Server);
        var news = categories.Single(c => c.Slug == "news");
        var expectedChildren = categories.Where(c => c.ParentId == news.Id).Select(c => c.Slug).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expectedChildren);

        var response = await fixture.Server.PostAsync("""{ categories(first: 50, where: { parent: { slug: { eq: "news" } } }) { nodes { slug } } }""");

        Assert.Equal(expectedChildren, Catalogue.Strings(response.SuccessfulData()["categories"]!["nodes"], "slug").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tags_filter_with_or_and_in()
    {
        var tags = await Catalogue.TagsAsync(fixture.Server);
        var expected = tags.Where(t => t.Slug is "film" or "music" || t.Name.StartsWith("Eu", StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Slug).Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.Length >= 3);

        var response = await fixture.Server.PostAsync("""{ tags(first: 50, where: { or: [{ slug: { in: ["film", "music"] } }, { name: { startsWith: "eu" } }] }) { nodes { slug } } }""");

        Assert.Equal(expected, Catalogue.Strings(response.SuccessfulData()["tags"]!["nodes"], "slug").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nested_connection_filter_on_author_articles()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var expected = published.Where(a => a.Author.Slug == "lukas-brenner" && a.IsBreaking).Select(a => a.Slug).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);

        var response = await fixture.Server.PostAsync("""{ authorBySlug(slug: "lukas-brenner") { articles(first: 50, where: { isBreaking: { eq: true } }) { totalCount nodes { slug } } } }""");

        var articles = response.SuccessfulData()["authorBySlug"]!["articles"]!;
        Assert.Equal(expected, Catalogue.Strings(articles["nodes"], "slug").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, articles["totalCount"]!.GetValue<int>());
    }
}
