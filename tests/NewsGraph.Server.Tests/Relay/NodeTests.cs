using System.Text.Json.Nodes;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Filtering;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Relay;

/// <summary>Global object identification: node/nodes, the ID format, legacy IDs and bad IDs.</summary>
[Collection(SharedServer.Name)]
public sealed class NodeTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("articles", "Article", "slug")]
    [InlineData("authors", "Author", "slug")]
    [InlineData("categories", "Category", "slug")]
    [InlineData("tags", "Tag", "slug")]
    public async Task Node_and_nodes_resolve_every_type_by_the_ids_the_api_hands_out(string connection, string typeName, string field)
    {
        var list = await fixture.Server.PostAsync($"{{ {connection}(first: 3) {{ nodes {{ id {field} }} }} }}");
        var items = list.SuccessfulData()[connection]!["nodes"]!.AsArray();
        Assert.Equal(3, items.Count);
        var ids = items.Select(i => i!["id"]!.GetValue<string>()).ToArray();

        var single = await fixture.Server.PostAsync(
            $"query ($id: ID!) {{ node(id: $id) {{ __typename id ... on {typeName} {{ {field} }} }} }}", new { id = ids[1] });
        var node = single.SuccessfulData()["node"]!;
        Assert.Equal(typeName, node["__typename"]!.GetValue<string>());
        Assert.Equal(ids[1], node["id"]!.GetValue<string>());
        Assert.Equal(items[1]!["slug"]!.GetValue<string>(), node[field]!.GetValue<string>());

        var reversed = ids.Reverse().ToArray();
        var many = await fixture.Server.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids = reversed });
        var nodes = many.SuccessfulData()["nodes"]!.AsArray();
        Assert.Equal(reversed, nodes.Select(n => n!["id"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.Equal(typeName, n!["__typename"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ids_are_base64_of_type_colon_database_key()
    {
        var article = (await Catalogue.PublishedArticlesAsync(fixture.Server)).Single(a => a.Slug == SampleData.RealArticleSlug);

        var response = await fixture.Server.PostAsync($$"""{ articleBySlug(slug: "{{SampleData.RealArticleSlug}}") { id author { id } category { id } tags { id slug } } }""");

        var data = response.SuccessfulData()["articleBySlug"]!;
        Assert.Equal(Catalogue.GlobalId("Article", article.Id), data["id"]!.GetValue<string>());
        Assert.Equal(Catalogue.GlobalId("Author", article.AuthorId), data["author"]!["id"]!.GetValue<string>());
        Assert.Equal(Catalogue.GlobalId("Category", article.CategoryId), data["category"]!["id"]!.GetValue<string>());
        var tagIds = article.Tags.ToDictionary(t => t.Slug, t => Catalogue.GlobalId("Tag", t.Id));
        Assert.All(data["tags"]!.AsArray(), t => Assert.Equal(tagIds[t!["slug"]!.GetValue<string>()], t["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("Article")]
    [InlineData("Author")]
    [InlineData("Category")]
    [InlineData("Tag")]
    public async Task Legacy_ids_resolve_and_come_back_in_the_new_format(string typeName)
    {
        var response = await fixture.Server.PostAsync(
            "query ($id: ID!) { node(id: $id) { __typename id } }", new { id = Catalogue.LegacyGlobalId(typeName, 1) });

        var node = response.SuccessfulData()["node"]!;
        Assert.Equal(typeName, node["__typename"]!.GetValue<string>());
        Assert.Equal(Catalogue.GlobalId(typeName, 1), node["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Legacy_id_works_on_article_by_id()
    {
        var article = (await Catalogue.PublishedArticlesAsync(fixture.Server)).OrderBy(a => a.Id).Last();

        var response = await fixture.Server.PostAsync("query ($id: ID!) { article(id: $id) { slug } }", new { id = Catalogue.LegacyGlobalId("Article", article.Id) });

        Assert.Equal(article.Slug, response.SuccessfulData()["article"]!["slug"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("article", "Author")]
    [InlineData("author", "Article")]
    [InlineData("category", "Tag")]
    [InlineData("tag", "Category")]
    public async Task Id_of_the_wrong_type_is_a_clear_error(string field, string wrongType)
    {
        var id = Catalogue.GlobalId(wrongType, 1);

        var response = await fixture.Server.PostAsync($"query ($id: ID!) {{ {field}(id: $id) {{ id }} }}", new { id });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(response.SingleErrorCode()));
        var message = response.Errors![0]!["message"]!.GetValue<string>();
        Assert.Contains(wrongType, message, StringComparison.Ordinal);
        Assert.Contains(id, message, StringComparison.Ordinal);
        Assert.Null(response.Data![field]);
    }

    public static TheoryData<string> MalformedIds() =>
    [
        "not base64!",
        "",
        Catalogue.Base64("Article:abc"),
        Catalogue.Base64("Foo:1"),
        Catalogue.Base64("Article"),
        Catalogue.Base64("Article:"),
        Catalogue.Base64(":1"),
        Catalogue.Base64("Article\nx1"),
        Catalogue.Base64("Article:99999999999999999999"),
        "QXJ0aWNsZTox=====",
    ];

    [Theory]
    [MemberData(nameof(MalformedIds))]
    public async Task Malformed_ids_are_clear_errors_on_node_and_article(string id)
    {
        foreach (var field in new[] { "node", "article" })
        {
            var response = await fixture.Server.PostAsync($"query ($id: ID!) {{ {field}(id: $id) {{ id }} }}", new { id });

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(response.SingleErrorCode()), response.Text);
            Assert.False(string.IsNullOrWhiteSpace(response.Errors![0]!["message"]?.GetValue<string>()));
            Assert.Null(response.Data![field]);
        }

        await AssertServerStillAnswersAsync();
    }

    [Fact]
    public async Task Nodes_keeps_order_with_null_for_unknown_ids()
    {
        var published = await Catalogue.PublishedArticlesAsync(fixture.Server);
        var tags = await Catalogue.TagsAsync(fixture.Server);
        var missing = Catalogue.GlobalId("Article", published.Max(a => a.Id) + 1000);
        var ids = new[]
        {
            Catalogue.GlobalId("Tag", tags[0].Id),
            missing,
            Catalogue.GlobalId("Article", published[0].Id),
            Catalogue.GlobalId("Author", 999),
            Catalogue.LegacyGlobalId("Article", published[1].Id),
        };

        var response = await fixture.Server.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids });

        var nodes = response.SuccessfulData()["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.Equal(ids[0], nodes[0]!["id"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Equal(ids[2], nodes[2]!["id"]!.GetValue<string>());
        Assert.Null(nodes[3]);
        Assert.Equal(Catalogue.GlobalId("Article", published[1].Id), nodes[4]!["id"]!.GetValue<string>());
        Assert.Null((await fixture.Server.PostAsync("query ($id: ID!) { node(id: $id) { id } }", new { id = missing })).SuccessfulData()["node"]);
    }

    [Fact]
    public async Task Nodes_over_the_batch_limit_is_an_error()
    {
        var ids = Enumerable.Range(1, 51).Select(i => Catalogue.GlobalId("Tag", (i % 20) + 1)).ToArray();

        var tooMany = await fixture.Server.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });
        var justEnough = await fixture.Server.PostAsync("query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = ids[..50] });

        Assert.Equal(System.Net.HttpStatusCode.OK, tooMany.StatusCode);
        Assert.False(string.IsNullOrEmpty(tooMany.SingleErrorCode()));
        Assert.Contains("50", tooMany.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(50, justEnough.SuccessfulData()["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unpublished_ids_and_slugs_resolve_to_null_for_readers()
    {
        var unpublished = await Catalogue.UnpublishedArticlesAsync(fixture.Server);
        Assert.Contains(unpublished, a => a.Status == ArticleStatus.Draft);
        Assert.Contains(unpublished, a => a.Status == ArticleStatus.Archived);

        foreach (var article in unpublished)
        {
            foreach (var id in new[] { Catalogue.GlobalId("Article", article.Id), Catalogue.LegacyGlobalId("Article", article.Id) })
            {
                var response = await fixture.Server.PostAsync(
                    "query ($id: ID!, $slug: String!) { node(id: $id) { id } nodes(ids: [$id]) { id } article(id: $id) { id } articleBySlug(slug: $slug) { id } }",
                    new { id, slug = article.Slug });

                var data = response.SuccessfulData();
                Assert.Null(data["node"]);
                Assert.Null(Assert.Single(data["nodes"]!.AsArray()));
                Assert.Null(data["article"]);
                Assert.Null(data["articleBySlug"]);
            }
        }
    }

    private async Task AssertServerStillAnswersAsync()
    {
        var response = await fixture.Server.PostAsync("{ articles(first: 1) { nodes { id } } }");
        Assert.Single(response.SuccessfulData()["articles"]!["nodes"]!.AsArray());
    }
}
