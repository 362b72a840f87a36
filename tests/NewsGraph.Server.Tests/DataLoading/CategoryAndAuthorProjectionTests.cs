using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.DataLoading;

/// <summary>
/// Categories and authors are projected too: in their own lists and look-ups, and inside an article's statement as its
/// category (with the parent joined) and author. Whatever the path, every field answers what the whole object, loaded
/// by <c>nodes(ids:)</c>, answers: a field that reads a member it did not declare would come back empty here.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class CategoryAndAuthorProjectionTests(ServerFixture fixture)
{
    private static readonly string[] CategoryFields =
    [
        "id", "slug", "name", "description", "position", "parent { id slug name parent { id name } }", "children { id name }",
        "articles(first: 2) { nodes { id title } }",
    ];

    private static readonly string[] AuthorFields = ["id", "slug", "name", "bio", "avatarUrl", "articles(first: 2) { nodes { id title } }"];

    public static TheoryData<string, string> Lists => new()
    {
        { "categories(first: 50)", "Category" },
        { "authors(first: 20)", "Author" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_field_of_a_list_alone_and_all_together_answers_what_the_whole_object_answers(string list, string type)
    {
        string name = list[..list.IndexOf('(', StringComparison.Ordinal)];
        foreach (string selection in WithAllTogether(FieldsOf(type)))
        {
            var listed = (await fixture.Server.PostAsync($"{{ {list} {{ nodes {{ id {selection} }} }} }}")).SuccessfulData()[name]!["nodes"]!.AsArray();
            Assert.NotEmpty(listed);
            var whole = await WholeAsync(listed, type, $"id {selection}");
            Assert.True(JsonNode.DeepEquals(whole, listed), $"`{selection}`: list {listed.ToJsonString()} but whole {whole.ToJsonString()}");
        }
    }

    [Fact]
    public async Task An_articles_category_and_author_answer_what_the_whole_objects_answer()
    {
        string allCategory = string.Join(' ', CategoryFields);
        string allAuthor = string.Join(' ', AuthorFields);
        var pairs = CategoryFields.Select(field => (Category: field, Author: "name"))
            .Concat(AuthorFields.Select(field => (Category: "name", Author: field)))
            .Append((Category: allCategory, Author: allAuthor));
        foreach (var (category, author) in pairs)
        {
            var articles = (await fixture.Server.PostAsync($"{{ articles(first: 30) {{ nodes {{ category {{ id {category} }} author {{ id {author} }} }} }} }}"))
                .SuccessfulData()["articles"]!["nodes"]!.AsArray();
            var categories = new JsonArray([.. articles.Select(article => article!["category"]!.DeepClone())]);
            var authors = new JsonArray([.. articles.Select(article => article!["author"]!.DeepClone())]);
            if (category == allCategory)
            {
                // Some of them are subcategories: their parents came from the join.
                Assert.Contains(categories, c => c!["parent"] is JsonObject);
            }

            var wholeCategories = await WholeAsync(categories, "Category", $"id {category}");
            var wholeAuthors = await WholeAsync(authors, "Author", $"id {author}");
            Assert.True(JsonNode.DeepEquals(wholeCategories, categories), $"`{category}`: articles' {categories.ToJsonString()} but whole {wholeCategories.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(wholeAuthors, authors), $"`{author}`: articles' {authors.ToJsonString()} but whole {wholeAuthors.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Look_ups_by_id_and_slug_answer_what_the_whole_object_answers()
    {
        string categories = string.Join(' ', CategoryFields);
        string authors = string.Join(' ', AuthorFields);
        // A subcategory, so that its parent is joined in.
        var category = (await fixture.Server.PostAsync("{ categories(first: 50) { nodes { id slug parent { id } } } }"))
            .SuccessfulData()["categories"]!["nodes"]!.AsArray().First(node => node!["parent"] is JsonObject)!;
        var author = (await fixture.Server.PostAsync("{ authors(first: 1) { nodes { id slug } } }")).SuccessfulData()["authors"]!["nodes"]![0]!;

        var data = (await fixture.Server.PostAsync(
            $$"""
            query ($categoryId: ID!, $categorySlug: String!, $authorId: ID!, $authorSlug: String!) {
              c1: category(id: $categoryId) { id {{categories}} }
              c2: categoryBySlug(slug: $categorySlug) { id {{categories}} }
              a1: author(id: $authorId) { id {{authors}} }
              a2: authorBySlug(slug: $authorSlug) { id {{authors}} }
            }
            """,
            new
            {
                categoryId = category["id"]!.GetValue<string>(),
                categorySlug = category["slug"]!.GetValue<string>(),
                authorId = author["id"]!.GetValue<string>(),
                authorSlug = author["slug"]!.GetValue<string>(),
            })).SuccessfulData();

        var wholeCategory = (await WholeAsync(new JsonArray(data["c1"]!.DeepClone()), "Category", $"id {categories}"))[0];
        var wholeAuthor = (await WholeAsync(new JsonArray(data["a1"]!.DeepClone()), "Author", $"id {authors}"))[0];
        Assert.NotNull(data["c1"]!["parent"]);
        Assert.True(JsonNode.DeepEquals(wholeCategory, data["c1"]), $"category(id:) {data["c1"]!.ToJsonString()} but whole {wholeCategory!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(wholeCategory, data["c2"]), $"categoryBySlug {data["c2"]!.ToJsonString()} but whole {wholeCategory!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(wholeAuthor, data["a1"]), $"author(id:) {data["a1"]!.ToJsonString()} but whole {wholeAuthor!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(wholeAuthor, data["a2"]), $"authorBySlug {data["a2"]!.ToJsonString()} but whole {wholeAuthor!.ToJsonString()}");
    }

    [Fact]
    public async Task An_article_page_reads_author_category_and_parent_in_one_statement_with_only_their_selected_columns()
    {
        var server = fixture.Server;
        string slug = (await server.PostAsync("{ articles(first: 50) { nodes { slug category { parent { id } } } } }"))
            .SuccessfulData()["articles"]!["nodes"]!.AsArray().First(node => node!["category"]!["parent"] is JsonObject)!["slug"]!.GetValue<string>();

        server.SqlCommands.Reset();
        (await server.PostAsync("query ($slug: String!) { articleBySlug(slug: $slug) { title author { name } category { name parent { name } } } }", new { slug }))
            .SuccessfulData();

        string statement = Assert.Single(server.SqlCommands.Commands);
        Assert.Contains("LEFT JOIN \"Categories\"", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Bio\"", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Description\"", statement, StringComparison.Ordinal);
    }

    private static string[] FieldsOf(string type) => type == "Category" ? CategoryFields : AuthorFields;

    private static IEnumerable<string> WithAllTogether(string[] fields) => fields.Append(string.Join(' ', fields));

    /// <summary>The same objects through <c>nodes(ids:)</c>: the by-id loaders, which read whole rows.</summary>
    private async Task<JsonArray> WholeAsync(JsonArray listed, string type, string selection)
    {
        var ids = new JsonArray([.. listed.Select(node => (JsonNode?)JsonValue.Create(node!["id"]!.GetValue<string>()))]);
        var response = await fixture.Server.PostAsync(
            $"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on {type} {{ {selection} }} }} }}",
            new Dictionary<string, object?> { ["ids"] = ids });
        return response.SuccessfulData()["nodes"]!.AsArray();
    }
}
