using System.Text.Json;
using System.Text.Json.Nodes;
using NewsGraph.Server.Tests.Mutations;

namespace NewsGraph.Server.Tests.Seo;

/// <summary><c>Article.seo</c> through HTTP: the page metadata, and JSON-LD that parses and cannot break out of its script tag.</summary>
public sealed class ArticleSeoTests : IAsyncLifetime
{
    private const string Hostile = "</script><script>alert(1)</script> & <!-- \u2028\u2029 'quotes' \"too\"";
    private const string SeoSelection = "id slug title publishedAt updatedAt author { name slug } seo { title description canonicalUrl openGraph { title description image type url } jsonLd }";

    private EditorServer _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorServer.StartAsync(new Dictionary<string, string>
    {
        ["Site:BaseUrl"] = "https://news.example.com/",
        ["Site:Name"] = "The Example Times",
        ["Site:LogoUrl"] = "https://news.example.com/logo.png",
    });

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task A_published_article_has_its_title_description_links_and_a_news_article()
    {
        var article = await PublishAsync(new { title = "Zürich Café opens", summary = "A café opens in Zürich.", body = "It *opens* today.", heroImageUrl = "https://img.example.com/cafe.jpg" });
        var seo = article["seo"]!;

        Assert.Equal("Zürich Café opens | The Example Times", (string?)seo["title"]);
        Assert.Equal("A café opens in Zürich.", (string?)seo["description"]);
        Assert.Equal("https://news.example.com/articles/zurich-cafe-opens", (string?)seo["canonicalUrl"]);
        Assert.Equal("""{"title":"Zürich Café opens","description":"A café opens in Zürich.","image":"https://img.example.com/cafe.jpg","type":"article","url":"https://news.example.com/articles/zurich-cafe-opens"}""",
            seo["openGraph"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var jsonLd = JsonNode.Parse((string)seo["jsonLd"]!)!;
        Assert.Equal("https://schema.org", (string?)jsonLd["@context"]);
        Assert.Equal("NewsArticle", (string?)jsonLd["@type"]);
        Assert.Equal("Zürich Café opens", (string?)jsonLd["headline"]);
        Assert.Equal("https://img.example.com/cafe.jpg", (string?)jsonLd["image"]![0]);
        Assert.Equal(Seconds((string)article["publishedAt"]!), (string?)jsonLd["datePublished"]);
        Assert.Equal(Seconds((string)article["updatedAt"]!), (string?)jsonLd["dateModified"]);
        Assert.Equal("Person", (string?)jsonLd["author"]![0]!["@type"]);
        Assert.Equal((string?)article["author"]!["name"], (string?)jsonLd["author"]![0]!["name"]);
        Assert.Equal($"https://news.example.com/authors/{(string)article["author"]!["slug"]!}", (string?)jsonLd["author"]![0]!["url"]);
        Assert.Equal("Organization", (string?)jsonLd["publisher"]!["@type"]);
        Assert.Equal("The Example Times", (string?)jsonLd["publisher"]!["name"]);
        Assert.Equal("https://news.example.com/logo.png", (string?)jsonLd["publisher"]!["logo"]!["url"]);
        Assert.Equal("https://news.example.com/articles/zurich-cafe-opens", (string?)jsonLd["mainEntityOfPage"]!["@id"]);
    }

    [Fact]
    public async Task Json_ld_of_a_hostile_title_parses_and_holds_no_character_that_could_end_its_script_tag()
    {
        var article = await PublishAsync(new { title = Hostile, summary = Hostile, body = "x" });
        var raw = (string)article["seo"]!["jsonLd"]!;

        foreach (var dangerous in new[] { "<", ">", "&", "\u2028", "\u2029" })
        {
            Assert.DoesNotContain(dangerous, raw, StringComparison.Ordinal);
        }

        Assert.Contains("\\u003C/script\\u003E", raw, StringComparison.Ordinal);
        var jsonLd = JsonNode.Parse(raw)!;
        Assert.Equal("NewsArticle", (string?)jsonLd["@type"]);
        Assert.Equal(Hostile.Replace("\u2028\u2029", "", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), (string?)jsonLd["headline"]);
    }

    [Fact]
    public async Task Without_a_summary_the_description_is_the_body_as_plain_text_shortened_and_the_canonical_url_is_kept()
    {
        var body = "The **council** voted [today](https://example.com) on the plan.\n\n" + string.Join(' ', Enumerable.Repeat("Residents spoke for hours about the new tram line.", 10));
        var article = await PublishAsync(new { title = new string('H', 150), body, canonicalUrl = "https://wire.example.org/story/1" });
        var seo = article["seo"]!;

        var description = (string)seo["description"]!;
        Assert.StartsWith("The council voted today on the plan. Residents spoke", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 160, description);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.Equal("https://wire.example.org/story/1", (string?)seo["canonicalUrl"]);
        Assert.Equal("https://wire.example.org/story/1", (string?)seo["openGraph"]!["url"]);
        Assert.Null(seo["openGraph"]!["image"]);
        Assert.True(((string)JsonNode.Parse((string)seo["jsonLd"]!)!["headline"]!).Length <= 110);
    }

    [Fact]
    public async Task Seo_of_a_page_adds_no_sql_command()
    {
        var server = _editor.Server;
        server.SqlCommands.Reset();
        (await server.PostAsync("{ articles(first: 10) { nodes { title author { name } } } }")).SuccessfulData();
        var without = server.SqlCommands.Commands.Count;

        server.SqlCommands.Reset();
        var page = (await server.PostAsync("{ articles(first: 10) { nodes { title author { name } seo { title jsonLd } } } }")).SuccessfulData();
        Assert.Equal(10, page["articles"]!["nodes"]!.AsArray().Count);
        Assert.Equal(without, server.SqlCommands.Commands.Count);

        // Without author selected, the page's authors come in one batch, not one query per article.
        server.SqlCommands.Reset();
        (await server.PostAsync("{ articles(first: 10) { nodes { seo { jsonLd } } } }")).SuccessfulData();
        Assert.True(server.SqlCommands.Commands.Count <= 2, string.Join("\n---\n", server.SqlCommands.Commands));
    }

    private async Task<JsonNode> PublishAsync(object fields)
    {
        var input = JsonSerializer.SerializeToNode(fields)!.AsObject();
        input["authorId"] = await _editor.FirstIdAsync("authors");
        input["categoryId"] = await _editor.FirstIdAsync("categories");
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput", input, "article { id version } errors { __typename }");
        Assert.Null(created["errors"]);
        var published = await _editor.MutateAsync("publishArticle", "PublishArticleInput",
            new { id = (string)created["article"]!["id"]!, version = (int)created["article"]!["version"]! }, $"article {{ {SeoSelection} }} errors {{ __typename }}");
        Assert.Null(published["errors"]);

        // What a reader gets, through the article look-up (the projected path).
        var read = await _editor.Server.PostAsync($"query($id: ID!) {{ article(id: $id) {{ {SeoSelection} }} }}", new { id = (string)created["article"]!["id"]! });
        var article = read.SuccessfulData()["article"]!;
        Assert.Equal(published["article"]!["seo"]!.ToJsonString(), article["seo"]!.ToJsonString());
        return article;
    }

    private static string Seconds(string timestamp) =>
        DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
