using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Sorting;

/// <summary>
/// Every sort field ascending and descending, several keys, nested keys: the order returned over
/// HTTP is checked pairwise against the sort keys of the database rows (ordinal string order, as
/// SQLite's default BINARY collation sorts under Hot Chocolate).
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ArticleSortTests(ServerFixture fixture)
{
    private static readonly Dictionary<string, Comparison<Article>> Keys = new()
    {
        ["id"] = (x, y) => x.Id.CompareTo(y.Id),
        ["title"] = (x, y) => string.CompareOrdinal(x.Title, y.Title),
        ["publishedAt"] = (x, y) => Nullable.Compare(x.PublishedAt, y.PublishedAt),
        ["createdAt"] = (x, y) => x.CreatedAt.CompareTo(y.CreatedAt),
        ["updatedAt"] = (x, y) => x.UpdatedAt.CompareTo(y.UpdatedAt),
        ["wordCount"] = (x, y) => x.WordCount.CompareTo(y.WordCount),
        ["author.id"] = (x, y) => x.AuthorId.CompareTo(y.AuthorId),
        ["author.name"] = (x, y) => string.CompareOrdinal(x.Author.Name, y.Author.Name),
        ["author.slug"] = (x, y) => string.CompareOrdinal(x.Author.Slug, y.Author.Slug),
        ["category.id"] = (x, y) => x.CategoryId.CompareTo(y.CategoryId),
        ["category.name"] = (x, y) => string.CompareOrdinal(x.Category.Name, y.Category.Name),
        ["category.slug"] = (x, y) => string.CompareOrdinal(x.Category.Slug, y.Category.Slug),
        ["category.position"] = (x, y) => x.Category.Position.CompareTo(y.Category.Position),
    };

    public static TheoryData<string, string> FieldsAndDirections()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Keys.Keys)
        {
            data.Add(key, "ASC");
            data.Add(key, "DESC");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FieldsAndDirections))]
    public async Task Each_sort_field_orders_both_ways(string field, string direction)
    {
        var order = $"[{SortLiteral(field, direction)}]";
        var articles = await SortedAsync(order);

        AssertOrdered(articles, (field, direction));
        // The key must actually vary in the data, or this test proves nothing.
        Assert.True(articles.Zip(articles.Skip(1)).Any(p => Keys[field](p.First, p.Second) != 0), $"{field} is constant in the sample data.");
    }

    [Fact]
    public async Task Several_keys_apply_in_list_order()
    {
        var byCategoryThenNewest = await SortedAsync("[{ category: { name: ASC } }, { publishedAt: DESC }]");
        var byNewestThenCategory = await SortedAsync("[{ publishedAt: DESC }, { category: { name: ASC } }]");

        AssertOrdered(byCategoryThenNewest, ("category.name", "ASC"), ("publishedAt", "DESC"));
        AssertOrdered(byNewestThenCategory, ("publishedAt", "DESC"), ("category.name", "ASC"));
        Assert.NotEqual(byCategoryThenNewest.Select(a => a.Id), byNewestThenCategory.Select(a => a.Id));
    }

    [Fact]
    public async Task Secondary_key_orders_within_ties_of_the_first()
    {
        var articles = await SortedAsync("[{ publishedAt: DESC }, { title: ASC }]");

        AssertOrdered(articles, ("publishedAt", "DESC"), ("title", "ASC"));
        var tie = articles.Where(a => a.PublishedAt == new DateTime(2024, 11, 7, 12, 0, 0, DateTimeKind.Utc)).Select(a => a.Title).ToArray();
        Assert.Equal(3, tie.Length);
        Assert.Equal(tie.Order(StringComparer.Ordinal), tie);
    }

    [Fact]
    public async Task Nested_sort_with_a_secondary_key()
    {
        var articles = await SortedAsync("[{ author: { name: ASC } }, { wordCount: DESC }]");

        AssertOrdered(articles, ("author.name", "ASC"), ("wordCount", "DESC"));
    }

    [Fact]
    public async Task Sort_combines_with_filter_and_nested_connections()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var expected = published.Where(a => a.Author.Slug == "sofia-ribeiro").OrderBy(a => a.Title, StringComparer.Ordinal).Select(a => a.Slug).ToArray();
        Assert.True(expected.Length > 2);

        var response = await fixture.Server.PostAsync("""{ authorBySlug(slug: "sofia-ribeiro") { articles(first: 50, order: [{ title: ASC }]) { nodes { slug } } } }""");

        Assert.Equal(expected, Catalogue.Strings(response.SuccessfulData()["authorBySlug"]!["articles"]!["nodes"], "slug"));
    }

    [Fact]
    public async Task Returned_values_are_in_order()
    {
        // Checks the values the API itself returns, not only the rows they map to.
        var response = await fixture.Server.PostAsync("{ articles(first: 50, order: [{ wordCount: DESC }]) { nodes { wordCount } } }");

        var counts = response.SuccessfulData()["articles"]!["nodes"]!.AsArray().Select(n => n!["wordCount"]!.GetValue<int>()).ToArray();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.True(counts[0] > counts[^1]);
    }

    private async Task<IReadOnlyList<Article>> SortedAsync(string order)
    {
        var published = (await Catalogue.PublishedArticlesAsync(fixture.Server)).ToDictionary(a => a.Slug);
        var response = await fixture.Server.PostAsync($"{{ articles(first: 50, order: {order}) {{ totalCount nodes {{ slug }} }} }}");

        var slugs = Catalogue.Strings(response.SuccessfulData()["articles"]!["nodes"], "slug");
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), slugs.Order(StringComparer.Ordinal));
        return [.. slugs.Select(s => published[s])];
    }

    private static void AssertOrdered(IReadOnlyList<Article> articles, params (string Field, string Direction)[] keys)
    {
        for (var i = 1; i < articles.Count; i++)
        {
            var (previous, current) = (articles[i - 1], articles[i]);
            foreach (var (field, direction) in keys)
            {
                var comparison = Keys[field](previous, current);
                if (direction == "DESC")
                {
                    comparison = -comparison;
                }

                Assert.True(comparison <= 0, $"Position {i}: `{previous.Slug}` comes before `{current.Slug}` but is out of order on {field} {direction}.");
                if (comparison < 0)
                {
                    break;
                }
            }
        }
    }

    private static string SortLiteral(string field, string direction)
    {
        var parts = field.Split('.');
        return parts.Length == 1 ? $"{{ {parts[0]}: {direction} }}" : $"{{ {parts[0]}: {{ {parts[1]}: {direction} }} }}";
    }
}
