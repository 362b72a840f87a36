using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Server.Cli;
using NewsGraph.Server.Data;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary>The search index follows every article write, in its transaction; editors find drafts, readers do not.</summary>
public sealed class ArticleSearchIndexingTests : IAsyncLifetime
{
    internal const string Search = "query($q: String!) { searchArticles(query: $q, first: 10) { nodes { titleHighlight snippet article { id status } } } }";

    private EditorServer _editor = null!;
    private string _authorId = null!;
    private string _categoryId = null!;

    public async Task InitializeAsync()
    {
        _editor = await EditorServer.StartAsync();
        _authorId = await _editor.FirstIdAsync("authors");
        _categoryId = await _editor.FirstIdAsync("categories");
    }

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Create_update_publish_unpublish_archive_and_delete_are_searchable_at_once()
    {
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title = "Quokka Census Begins", body = "Rangers on **Rottnest** count the marsupials.", authorId = _authorId, categoryId = _categoryId },
            "article { id version }");
        var id = (string)created["article"]!["id"]!;
        var version = (int)created["article"]!["version"]!;

        // A draft: editors find it, readers do not.
        Assert.Equal([id], await EditorFindsAsync("quokka"));
        Assert.Empty(await ReaderFindsAsync("quokka"));
        Assert.Equal([id], await EditorFindsAsync("rottnest marsupial")); // the body, as text: no ** around Rottnest

        var published = await _editor.MutateAsync("publishArticle", "PublishArticleInput", new { id, version, isBreaking = false }, "article { version }");
        version = (int)published["article"]!["version"]!;
        Assert.Equal([id], await ReaderFindsAsync("quokka"));

        var updated = await _editor.MutateAsync("updateArticle", "UpdateArticleInput",
            new { id, version, title = "Wombat Census Begins", body = "Rangers count burrows instead." }, "article { version }");
        version = (int)updated["article"]!["version"]!;
        Assert.Empty(await ReaderFindsAsync("quokka"));
        Assert.Empty(await ReaderFindsAsync("marsupials"));
        Assert.Equal([id], await ReaderFindsAsync("wombat burrows"));

        var unpublished = await _editor.MutateAsync("unpublishArticle", "UnpublishArticleInput", new { id, version }, "article { version }");
        version = (int)unpublished["article"]!["version"]!;
        Assert.Empty(await ReaderFindsAsync("wombat"));
        Assert.Equal([id], await EditorFindsAsync("wombat"));

        var archived = await _editor.MutateAsync("archiveArticle", "ArchiveArticleInput", new { id, version }, "article { version }");
        version = (int)archived["article"]!["version"]!;
        Assert.Empty(await ReaderFindsAsync("wombat"));
        Assert.Equal([id], await EditorFindsAsync("wombat"));

        await _editor.MutateAsync("deleteArticle", "DeleteArticleInput", new { id, version }, "article { id }");
        Assert.Empty(await EditorFindsAsync("wombat"));
        Assert.Equal(0, await _editor.DatabaseAsync(db => db.Set<ArticleSearchDocument>().IgnoreQueryFilters().CountAsync(d => d.Article.Title.Contains("Wombat"))));
    }

    [Fact]
    public async Task Editors_narrow_to_drafts_with_where()
    {
        var response = await _editor.EditAsync(
            "query { searchArticles(query: \"festival\", first: 20, where: { status: { eq: DRAFT } }) { nodes { article { slug status } } } }");
        var drafts = response.SuccessfulData()["searchArticles"]!["nodes"]!.AsArray();
        var all = (await _editor.EditAsync("query { searchArticles(query: \"festival\", first: 20) { nodes { article { slug } } } }"))
            .SuccessfulData()["searchArticles"]!["nodes"]!.AsArray();

        Assert.Equal(["draft-festival-preview"], drafts.Select(node => (string)node!["article"]!["slug"]!));
        Assert.True(all.Count > drafts.Count);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("65")]
    [InlineData("many")]
    public async Task A_bad_snippet_length_stops_the_server_naming_the_setting(string words)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => NewsGraphServer.StartAsync([new("Search:SnippetWords", words)]));

        Assert.Contains("SnippetWords", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snippet_length_is_configurable()
    {
        await using var server = await NewsGraphServer.StartAsync([new("Search:SnippetWords", "6")]);
        var hit = (await server.PostAsync("query { searchArticles(query: \"putin\", first: 1) { nodes { snippet } } }"))
            .SuccessfulData()["searchArticles"]!["nodes"]![0]!;

        var words = ((string)hit["snippet"]!).Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(words.Length, 3, 8);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_index_as_it_was()
    {
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title = "Platypus Sighting Confirmed", body = "A rare sighting.", authorId = _authorId, categoryId = _categoryId },
            "article { id version }");
        var id = (string)created["article"]!["id"]!;
        var version = (int)created["article"]!["version"]!;

        var stale = await _editor.MutateAsync("updateArticle", "UpdateArticleInput",
            new { id, version = version + 5, title = "Echidna Sighting Confirmed" }, "errors { __typename }");

        Assert.Equal("ConcurrencyConflictError", (string?)stale["errors"]![0]!["__typename"]);
        Assert.Empty(await EditorFindsAsync("echidna"));
        Assert.Equal([id], await EditorFindsAsync("platypus"));
    }

    [Fact]
    public async Task Highlights_escape_everything_but_the_marks()
    {
        var title = "<script>alert(\"pwned\")</script> Axolotl & \uE000Friends\uE001";
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title, body = "The <b>axolotl</b> regrows limbs.\n\nIt lives in <i>Xochimilco</i>.", authorId = _authorId, categoryId = _categoryId },
            "article { id }");

        var response = await _editor.EditAsync(Search, new { q = "axolotl" });
        var hit = response.SuccessfulData()["searchArticles"]!["nodes"]![0]!;

        Assert.Equal((string?)created["article"]!["id"], (string?)hit["article"]!["id"]);
        Assert.Equal("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; <mark>Axolotl</mark> &amp; Friends", (string?)hit["titleHighlight"]);
        // The engines choose the passage differently (PostgreSQL's headline also leaves tag-like text out), but either is
        // escaped text with marks: no element but <mark>, and no line breaks.
        var snippet = (string)hit["snippet"]!;
        Assert.Contains("<mark>axolotl</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("regrows limbs. It lives in", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain('<', snippet.Replace("<mark>", string.Empty, StringComparison.Ordinal).Replace("</mark>", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain('\n', snippet);
    }

    [Fact]
    public async Task Articles_without_a_search_document_are_indexed_when_the_server_starts()
    {
        await using var database = await NewsTestDatabase.CreateAsync();
        await using (var first = await NewsGraphServer.StartAsync(database: database))
        {
            Assert.NotEmpty((await first.PostAsync(Search, new { q = "kremlin" })).SuccessfulData()["searchArticles"]!["nodes"]!.AsArray());
        }

        // As a database from before search, or rows another system inserted.
        await database.ExecuteAsync("""DELETE FROM "ArticleSearchDocuments";""");
        await using var second = await NewsGraphServer.StartAsync(database: database);

        Assert.NotEmpty((await second.PostAsync(Search, new { q = "kremlin" })).SuccessfulData()["searchArticles"]!["nodes"]!.AsArray());
        await using var db = database.CreateContext();
        Assert.Equal(
            await db.Set<Article>().IgnoreQueryFilters().CountAsync(),
            await db.Set<ArticleSearchDocument>().IgnoreQueryFilters().CountAsync());
    }

    private async Task<List<string>> EditorFindsAsync(string query) =>
        Ids((await _editor.EditAsync(Search, new { q = query })).SuccessfulData());

    private async Task<List<string>> ReaderFindsAsync(string query) =>
        Ids((await _editor.Server.PostAsync(Search, new { q = query })).SuccessfulData());

    internal static List<string> Ids(JsonNode data) =>
        data["searchArticles"]!["nodes"]!.AsArray().Select(node => (string)node!["article"]!["id"]!).ToList();
}
