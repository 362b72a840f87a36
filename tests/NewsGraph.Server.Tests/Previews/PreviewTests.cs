using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.Server.Previews;
using NewsGraph.Server.Tests.Mutations;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Previews;

/// <summary>Draft previews through HTTP: an editor's link opens its draft for anyone, and nothing else, until it expires.</summary>
public sealed class PreviewTests : IAsyncLifetime
{
    private const string KeyA = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQQ==";
    private const string KeyB = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQg==";
    private const string PreviewQuery = """
        query($token: String!) { articlePreview(token: $token) { id title status author { name } category { name } tags { name } seo { title } } }
        """;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private EditorServer _editor = null!;

    public async Task InitializeAsync() => _editor = await StartAsync(KeyA);

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task A_draft_opens_to_an_anonymous_reader_with_its_token_only()
    {
        var draft = await CreateDraftAsync("Embargoed: the budget leaks");
        var link = await CreateLinkAsync(draft);

        var token = (string)link["token"]!;
        Assert.Equal($"https://news.example.com/preview?token={token}", (string?)link["url"]);
        Assert.Equal(_clock.GetUtcNow().AddHours(24).ToUnixTimeSeconds(), DateTimeOffset.Parse((string)link["expiresAt"]!, null).ToUnixTimeSeconds());

        var preview = (await _editor.Server.PostAsync(PreviewQuery, new { token })).SuccessfulData()["articlePreview"]!;
        Assert.Equal(draft, (string?)preview["id"]);
        Assert.Equal("DRAFT", (string?)preview["status"]);
        Assert.Equal("Embargoed: the budget leaks | NewsGraph", (string?)preview["seo"]!["title"]);
        Assert.NotEmpty(preview["tags"]!.AsArray()); // a reader's loaders would show a draft's tags as none
        Assert.NotNull((string?)preview["author"]!["name"]);

        // Without the token the draft stays hidden from the same anonymous reader.
        var direct = await _editor.Server.PostAsync("query($id: ID!) { article(id: $id) { id } }", new { id = draft });
        Assert.Null(direct.SuccessfulData()["article"]);
    }

    [Fact]
    public async Task A_token_opens_its_own_article_and_one_edited_to_name_another_fails_its_signature()
    {
        var first = await CreateDraftAsync("First draft");
        var second = await CreateDraftAsync("Second draft");
        var token = (string)(await CreateLinkAsync(first))["token"]!;

        var opened = (await _editor.Server.PostAsync(PreviewQuery, new { token })).SuccessfulData()["articlePreview"]!;
        Assert.Equal(first, (string?)opened["id"]);

        // The same signature over a payload naming the second article.
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(1), DatabaseId(second));
        var forged = Base64Url.EncodeToString(payload) + token[dot..];
        await AssertRefusedAsync(forged, PreviewErrorCodes.InvalidToken);
    }

    [Fact]
    public async Task A_token_expires_after_the_configured_lifetime()
    {
        var token = (string)(await CreateLinkAsync(await CreateDraftAsync("Soon stale")))["token"]!;

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(2));
        (await _editor.Server.PostAsync(PreviewQuery, new { token })).SuccessfulData();

        _clock.Advance(TimeSpan.FromSeconds(2));
        await AssertRefusedAsync(token, PreviewErrorCodes.ExpiredToken);

        // Its expiry pushed a day on, under the same signature.
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(5), BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(5)) + 86_400);
        await AssertRefusedAsync(Base64Url.EncodeToString(payload) + token[dot..], PreviewErrorCodes.InvalidToken);
    }

    [Fact]
    public async Task Tampered_garbage_and_overlong_tokens_are_invalid()
    {
        var token = (string)(await CreateLinkAsync(await CreateDraftAsync("Guarded")))["token"]!;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var signatureChanged = token[..(dot + 5)] + (token[dot + 5] == 'A' ? 'B' : 'A') + token[(dot + 6)..];
        // Genuine bytes, but longer than any token the server makes: refused before decoding.
        var padded = token[..dot] + new string(' ', PreviewTokens.MaxTokenLength) + token[dot..];
        string[] refused = [signatureChanged, padded, "", "garbage", "a.b", ".", token + token, new string('A', 10_000), token.Replace('.', '!'), "🙂." + token];

        foreach (var bad in refused)
        {
            await AssertRefusedAsync(bad, PreviewErrorCodes.InvalidToken);
        }
    }

    [Fact]
    public async Task A_new_signing_key_invalidates_earlier_tokens()
    {
        var token = (string)(await CreateLinkAsync(await CreateDraftAsync("Before the rotation")))["token"]!;

        await using var rotated = await EditorServer.StartAsync(Settings(KeyB), database: _editor.Server.Database);
        var response = await rotated.Server.PostAsync(PreviewQuery, new { token });
        Assert.Equal(PreviewErrorCodes.InvalidToken, response.SingleErrorCode());

        // The same key on another instance opens it: tokens are not tied to the process.
        await using var sameKey = await EditorServer.StartAsync(Settings(KeyA), database: _editor.Server.Database);
        (await sameKey.Server.PostAsync(PreviewQuery, new { token })).SuccessfulData();
    }

    [Fact]
    public async Task Readers_cannot_create_links_and_unknown_or_deleted_articles_give_none()
    {
        var draft = await CreateDraftAsync("Editors only");
        var anonymous = await _editor.Server.PostAsync(
            "mutation($input: CreatePreviewLinkInput!) { createPreviewLink(input: $input) { previewLink { token } } }", new { input = new { id = draft } });
        Assert.Equal("AUTH_NOT_AUTHENTICATED", anonymous.SingleErrorCode());

        var unknown = await _editor.MutateAsync("createPreviewLink", "CreatePreviewLinkInput", new { id = "QXJ0aWNsZTo5OTk5OTk=" },
            "previewLink { token } errors { __typename ... on NotFoundError { id } }");
        Assert.Null(unknown["previewLink"]);
        Assert.Equal("NotFoundError", (string?)unknown["errors"]![0]!["__typename"]);

        var token = (string)(await CreateLinkAsync(draft))["token"]!;
        var version = (int)(await _editor.EditAsync("query($id: ID!) { article(id: $id) { version } }", new { id = draft })).SuccessfulData()["article"]!["version"]!;
        var deleted = await _editor.MutateAsync("deleteArticle", "DeleteArticleInput", new { id = draft, version }, "errors { __typename }");
        Assert.Null(deleted["errors"]);
        Assert.Null((await _editor.Server.PostAsync(PreviewQuery, new { token })).SuccessfulData()["articlePreview"]);
    }

    [Fact]
    public async Task Outside_development_previews_need_a_key_and_a_bad_key_stops_the_server()
    {
        await using var production = await NewsGraphServer.StartAsync(
            EditorServer.Settings(new Dictionary<string, string> { ["environment"] = "Production" }), database: _editor.Server.Database);
        var response = await production.PostAsync(PreviewQuery, new { token = "a.b" });
        Assert.Equal(PreviewErrorCodes.NotConfigured, response.SingleErrorCode());

        var tooShort = Convert.ToBase64String(new byte[31]);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => NewsGraphServer.StartAsync(
            new Dictionary<string, string> { ["Previews:SigningKey"] = tooShort }, database: _editor.Server.Database));
        Assert.Contains("Previews:SigningKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_operations_create_a_link_as_an_editor_and_open_it_anonymously()
    {
        var create = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "previews", "CreatePreviewLink.graphql"));
        var open = await File.ReadAllTextAsync(RepositoryFiles.PathOf("schema", "operations", "previews", "ArticlePreview.graphql"));
        var draft = await CreateDraftAsync("Festival line-up, not yet announced");

        var link = (await _editor.EditAsync(create, new { id = draft })).SuccessfulData()["createPreviewLink"]!;
        Assert.Null(link["errors"]);
        var preview = (await _editor.Server.PostAsync(open, new { token = (string)link["previewLink"]!["token"]! })).SuccessfulData()["articlePreview"]!;

        Assert.Equal("Festival line-up, not yet announced", (string?)preview["title"]);
        Assert.Equal("DRAFT", (string?)preview["status"]);
    }

    private Task<EditorServer> StartAsync(string key) =>
        EditorServer.StartAsync(Settings(key), services => services.AddSingleton<TimeProvider>(_clock));

    private static Dictionary<string, string> Settings(string key) =>
        EditorServer.Settings(new Dictionary<string, string> { ["Previews:SigningKey"] = key, ["Site:BaseUrl"] = "https://news.example.com/" });

    private async Task<string> CreateDraftAsync(string title)
    {
        var authorId = await _editor.FirstIdAsync("authors");
        var categoryId = await _editor.FirstIdAsync("categories");
        var tagId = await _editor.FirstIdAsync("tags");
        var created = await _editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title, body = "Not for readers yet.", authorId, categoryId, tagIds = new[] { tagId } }, "article { id }");
        return (string)created["article"]!["id"]!;
    }

    private async Task<JsonNode> CreateLinkAsync(string articleId)
    {
        var payload = await _editor.MutateAsync("createPreviewLink", "CreatePreviewLinkInput", new { id = articleId },
            "previewLink { token expiresAt url } errors { __typename }");
        Assert.Null(payload["errors"]);
        return payload["previewLink"]!;
    }

    private async Task AssertRefusedAsync(string token, string code)
    {
        var response = await _editor.Server.PostAsync(PreviewQuery, new { token });
        Assert.Equal(code, response.SingleErrorCode());
        Assert.Null(response.Data?["articlePreview"]);
    }

    private static int DatabaseId(string globalId) => NewsGraph.GraphQL.Relay.NodeId.DecodeInt(globalId, "Article");
}
