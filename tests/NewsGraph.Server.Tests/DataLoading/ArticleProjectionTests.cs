using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.DataLoading;

/// <summary>
/// Lists and look-ups of articles read only the selected columns, with author and category joined (SelectionProjection). Every field
/// must answer exactly what the whole article answers: a field that reads a member it did not declare would come back
/// empty here, alone or next to others.
/// </summary>
[Collection(SharedServer.Name)]
public sealed class ArticleProjectionTests(ServerFixture fixture)
{
    // Object fields get a selection of everything their type shows that the article's projection could affect.
    private static readonly Dictionary<string, string> SubSelections = new(StringComparer.Ordinal)
    {
        ["Author"] = "{ id slug name bio avatarUrl articles(first: 1) { nodes { id } } }",
        ["Category"] = "{ id slug name description position parent { id name parent { name } } children { name } articles(first: 1) { nodes { id } } }",
        ["Tag"] = "{ id slug name }",
        ["ArticleSeo"] = "{ title description canonicalUrl openGraph { title description image type url } jsonLd }",
        ["Article"] = "{ id slug title }",
    };

    public static TheoryData<string> Orderings => ["", "order: [{ wordCount: DESC }]", "order: [{ title: ASC }]"];

    [Fact]
    public async Task Every_article_field_alone_answers_what_the_whole_article_answers()
    {
        var fields = await ArticleFieldSelectionsAsync();
        Assert.Contains("bodyHtml", fields.Keys);
        Assert.Contains("author", fields.Keys);

        foreach (var (name, selection) in fields)
        {
            var listed = await ListedAsync($"articles(first: 5) {{ nodes {{ id {selection} }} }}");
            var whole = await WholeAsync(listed, $"id {selection}");
            Assert.True(JsonNode.DeepEquals(whole, listed), $"`{name}`: list {listed.ToJsonString()} but article {whole.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(Orderings))]
    public async Task All_fields_together_through_nodes_edges_fragments_and_aliases_answer_what_the_whole_article_answers(string order)
    {
        var all = string.Join(' ', (await ArticleFieldSelectionsAsync()).Values);
        var response = await fixture.Server.PostAsync($$"""
            query {
              articles(first: 6 {{(order.Length > 0 ? ", " + order : "")}}) {
                nodes { ...Teaser }
                edges { cursor node { id headline: title ... on Node { id } ... on Article { author { name } } } }
              }
            }
            fragment Teaser on Article { id {{all}} }
            """);
        var connection = response.SuccessfulData()["articles"]!;
        var nodes = connection["nodes"]!.AsArray();
        var whole = await WholeAsync(nodes, $"id {all}");
        Assert.True(JsonNode.DeepEquals(whole, nodes), $"list {nodes.ToJsonString()} but articles {whole.ToJsonString()}");

        var edges = connection["edges"]!.AsArray();
        Assert.Equal(nodes.Count, edges.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            Assert.Equal(nodes[i]!["title"]!.GetValue<string>(), edges[i]!["node"]!["headline"]!.GetValue<string>());
            Assert.Equal(nodes[i]!["author"]!["name"]!.GetValue<string>(), edges[i]!["node"]!["author"]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_teaser_list_with_author_and_category_reads_them_in_the_page_query_without_the_body()
    {
        var server = fixture.Server;
        server.SqlCommands.Reset();
        (await server.PostAsync("{ articles(first: 10) { nodes { title author { name } category { name } } } }")).SuccessfulData();
        var page = Assert.Single(server.SqlCommands.Commands);

        Assert.Contains("JOIN \"Authors\"", page, StringComparison.Ordinal);
        Assert.Contains("JOIN \"Categories\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Body\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_article_field_alone_through_a_look_up_answers_what_the_whole_article_answers()
    {
        var fields = await ArticleFieldSelectionsAsync();
        var article = (await ListedAsync("articles(first: 1) { nodes { id slug } }"))[0]!;
        string id = article["id"]!.GetValue<string>();
        string slug = article["slug"]!.GetValue<string>();

        foreach (var (name, selection) in fields)
        {
            var response = await fixture.Server.PostAsync(
                $"query ($id: ID!, $slug: String!) {{ byId: article(id: $id) {{ {selection} }} bySlug: articleBySlug(slug: $slug) {{ ...F }} }} fragment F on Article {{ {selection} }}",
                new { id, slug });
            var data = response.SuccessfulData();
            var whole = (await WholeAsync(new JsonArray(JsonValue.Create(id)), selection))[0];
            Assert.True(JsonNode.DeepEquals(whole, data["byId"]), $"`{name}`: article(id:) {data["byId"]!.ToJsonString()} but node {whole!.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(whole, data["bySlug"]), $"`{name}`: articleBySlug {data["bySlug"]!.ToJsonString()} but node {whole!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_article_page_reads_the_article_with_author_and_category_in_one_query()
    {
        var server = fixture.Server;
        // An article of a subcategory, so that the parent is loaded too.
        string slug = (await ListedAsync("articles(first: 50) { nodes { slug category { parent { id } } } }"))
            .First(node => node!["category"]!["parent"] is not null)!["slug"]!.GetValue<string>();
        server.SqlCommands.Reset();
        (await server.PostAsync(
            "query ($slug: String!) { articleBySlug(slug: $slug) { title body author { name bio } category { name parent { name } } tags { name } } }",
            new { slug })).SuccessfulData();

        // The article with its author, category and the category's parent joined; the tags.
        Assert.Equal(2, server.SqlCommands.Commands.Count);
        Assert.Contains("JOIN \"Authors\"", server.SqlCommands.Commands[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_slugs_and_ids_are_still_null()
    {
        var data = (await fixture.Server.PostAsync(
            "{ articleBySlug(slug: \"no-such-article\") { title author { name } } article(id: \"QXJ0aWNsZTo5OTk5OTk5\") { title } }")).SuccessfulData();
        Assert.Null(data["articleBySlug"]);
        Assert.Null(data["article"]);
    }

    [Fact]
    public async Task Recent_articles_of_a_category_are_projected_too()
    {
        var listed = await ListedAsync("recentArticles(categorySlug: \"news\", first: 5) { nodes { id title bodyHtml author { name bio } category { slug } } }", "recentArticles");
        Assert.NotEmpty(listed);
        var whole = await WholeAsync(listed, "id title bodyHtml author { name bio } category { slug }");
        Assert.True(JsonNode.DeepEquals(whole, listed));
    }

    [Fact]
    public async Task Editors_see_drafts_projected_with_their_status()
    {
        await using var editor = await EditorServer.StartAsync();
        string authorId = await editor.FirstIdAsync("authors");
        string categoryId = await editor.FirstIdAsync("categories");
        var created = await editor.EditAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id author { slug } } } }",
            new { input = new { title = "Projected draft", body = "Draft *body*", authorId, categoryId } });
        string authorSlug = created.SuccessfulData()["createArticle"]!["article"]!["author"]!["slug"]!.GetValue<string>();

        var list = (await editor.EditAsync("{ articles(first: 50, where: { title: { eq: \"Projected draft\" } }) { nodes { id status title bodyHtml publishedAt author { slug } } } }"))
            .SuccessfulData()["articles"]!["nodes"]!.AsArray();
        var draft = Assert.Single(list);
        Assert.Equal("DRAFT", draft!["status"]!.GetValue<string>());
        Assert.Contains("<em>body</em>", draft["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(draft["publishedAt"]);
        Assert.Equal(authorSlug, draft["author"]!["slug"]!.GetValue<string>());
    }

    private async Task<JsonArray> ListedAsync(string field, string name = "articles") =>
        (await fixture.Server.PostAsync($"{{ {field} }}")).SuccessfulData()[name]!["nodes"]!.AsArray();

    /// <summary>The same articles through <c>nodes(ids:)</c>: the by-id loader, which reads whole rows.</summary>
    private async Task<JsonArray> WholeAsync(JsonArray listed, string selection)
    {
        var ids = new JsonArray([.. listed.Select(node => (JsonNode?)JsonValue.Create(node is JsonValue value ? value.GetValue<string>() : node!["id"]!.GetValue<string>()))]);
        var response = await fixture.Server.PostAsync(
            $"query ($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on Article {{ {selection} }} }} }}",
            new Dictionary<string, object?> { ["ids"] = ids });
        return response.SuccessfulData()["nodes"]!.AsArray();
    }

    /// <summary>Every field of <c>Article</c> from introspection, with a selection for object fields.</summary>
    private async Task<Dictionary<string, string>> ArticleFieldSelectionsAsync()
    {
        var type = (await fixture.Server.PostAsync("""
            { __type(name: "Article") { fields { name args { name defaultValue } type { name ofType { name ofType { name ofType { name } } } } } } }
            """)).SuccessfulData()["__type"]!;
        var selections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type["fields"]!.AsArray())
        {
            // A field is selected without arguments, so every argument must have a default (related(first: 5)).
            Assert.All(field!["args"]!.AsArray(), arg => Assert.NotNull(arg!["defaultValue"]));
            string name = field["name"]!.GetValue<string>();
            var named = field["type"];
            while (named!["name"] is null)
            {
                named = named["ofType"];
            }

            selections[name] = SubSelections.TryGetValue(named["name"]!.GetValue<string>(), out var sub) ? $"{name} {sub}" : name;
        }

        return selections;
    }
}
