using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Relay;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Data;
using NewsGraph.Server.Schema;
using NewsGraph.Server.Tests.Subscriptions;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>The article mutations through HTTP against the real server: the workflow, every error type, and that bad input writes nothing.</summary>
public sealed class ArticleMutationTests : IAsyncLifetime
{
    private const string ArticleSelection = "article { id slug title status version wordCount readingTimeMinutes publishedAt isBreaking bodyHtml author { id } category { id } tags { id } }";
    private static readonly Dictionary<string, string> ErrorFragments = new()
    {
        ["ValidationError"] = "... on ValidationError { field }",
        ["SlugTakenError"] = "... on SlugTakenError { slug }",
        ["NotFoundError"] = "... on NotFoundError { id }",
        ["ConcurrencyConflictError"] = "... on ConcurrencyConflictError { currentVersion }",
        ["InvalidStatusError"] = "... on InvalidStatusError { status }",
    };

    // Each payload's union has its own members; a fragment on a type outside it would not validate.
    private static readonly Dictionary<string, string[]> Unions = new()
    {
        ["createArticle"] = ["ValidationError", "SlugTakenError", "NotFoundError"],
        ["updateArticle"] = ["ValidationError", "SlugTakenError", "NotFoundError", "ConcurrencyConflictError", "InvalidStatusError"],
        ["publishArticle"] = ["NotFoundError", "ConcurrencyConflictError", "InvalidStatusError"],
        ["unpublishArticle"] = ["NotFoundError", "ConcurrencyConflictError", "InvalidStatusError"],
        ["archiveArticle"] = ["NotFoundError", "ConcurrencyConflictError", "InvalidStatusError"],
        ["deleteArticle"] = ["NotFoundError", "ConcurrencyConflictError"],
    };

    private EditorServer _editor = null!;
    private string _authorId = null!;
    private string _categoryId = null!;
    private string _tagId = null!;

    public async Task InitializeAsync()
    {
        _editor = await EditorServer.StartAsync();
        _authorId = await _editor.FirstIdAsync("authors");
        _categoryId = await _editor.FirstIdAsync("categories");
        _tagId = await _editor.FirstIdAsync("tags");
    }

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Create_makes_a_draft_with_a_unicode_slug_and_text_statistics()
    {
        var payload = await CreateAsync(new { title = "Zürich Café: Straße öffnet", body = "One two three **four**", authorId = _authorId, categoryId = _categoryId, tagIds = new[] { _tagId } });

        Assert.Null(payload["errors"]);
        var article = payload["article"]!;
        Assert.Equal("zurich-cafe-strasse-offnet", (string?)article["slug"]);
        Assert.Equal("DRAFT", (string?)article["status"]);
        Assert.Equal(4, (int?)article["wordCount"]);
        Assert.Equal(1, (int?)article["readingTimeMinutes"]);
        Assert.Null((string?)article["publishedAt"]);
        Assert.Equal(_tagId, (string?)article["tags"]![0]!["id"]);
        Assert.Equal(_authorId, (string?)article["author"]!["id"]);
        Assert.Contains("<strong>four</strong>", (string?)article["bodyHtml"], StringComparison.Ordinal);

        // A second article with the same title gets the next free suffix.
        var second = await CreateAsync(new { title = "Zürich Café: Straße öffnet", body = "x", authorId = _authorId, categoryId = _categoryId });
        Assert.Equal("zurich-cafe-strasse-offnet-2", (string?)second["article"]!["slug"]);

        // Readers do not see drafts.
        var anonymous = await _editor.Server.PostAsync("query($s: String!) { articleBySlug(slug: $s) { id } }", new { s = "zurich-cafe-strasse-offnet" });
        Assert.Null(anonymous.SuccessfulData()["articleBySlug"]);
    }

    public static TheoryData<string, string> InvalidCreateInputs() => new()
    {
        { """{"title": "TITLE300"}""", "title" },
        { """{"title": "   "}""", "title" },
        { """{"body": "BODY200001"}""", "body" },
        { """{"heroImageUrl": "javascript:alert(1)"}""", "heroImageUrl" },
        { """{"canonicalUrl": "/relative/path"}""", "canonicalUrl" },
        { """{"heroImageUrl": "ftp://example.com/a.jpg"}""", "heroImageUrl" },
        { """{"slug": ""}""", "slug" },
        { """{"slug": "Not A Slug"}""", "slug" },
        { """{"tagIds": "DUPLICATE_TAGS"}""", "tagIds" },
        { """{"title": "!!!"}""", "title" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateInputs))]
    public async Task Invalid_create_input_is_a_validation_error_naming_the_field_and_writes_nothing(string overrides, string field)
    {
        var before = await _editor.DatabaseAsync(db => db.Articles.CountAsync());
        var input = new JsonObject { ["title"] = "Valid title", ["body"] = "Body", ["authorId"] = _authorId, ["categoryId"] = _categoryId };
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            input[key] = (string?)value switch
            {
                "TITLE300" => new string('t', 301),
                "BODY200001" => new string('b', 200_001),
                "DUPLICATE_TAGS" => new JsonArray(_tagId, _tagId),
                var text => text,
            };
        }

        var payload = await CreateAsync(input);

        Assert.Null(payload["article"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Equal(field, (string?)error["field"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_errors_and_ids_of_the_wrong_type_are_graphql_errors()
    {
        var before = await _editor.DatabaseAsync(db => db.Articles.CountAsync());
        var missingAuthor = NodeId.Encode("Author", 999_999);
        var missingTag = NodeId.Encode("Tag", 999_998);

        var payload = await CreateAsync(new { title = "T", body = "B", authorId = missingAuthor, categoryId = _categoryId, tagIds = new[] { _tagId, missingTag } });
        var errors = payload["errors"]!.AsArray();
        Assert.Equal(["NotFoundError", "NotFoundError"], errors.Select(e => (string?)e!["__typename"]));
        Assert.Equal([missingAuthor, missingTag], errors.Select(e => (string?)e!["id"]));

        var wrongType = await _editor.EditAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }",
            new { input = new { title = "T", body = "B", authorId = _categoryId, categoryId = _categoryId } });
        Assert.Equal("NODE_ID_WRONG_TYPE", wrongType.SingleErrorCode());
        Assert.Contains("Author", (string?)wrongType.Errors![0]!["message"], StringComparison.Ordinal);

        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task An_explicit_slug_that_is_taken_is_a_slug_taken_error()
    {
        var existing = await _editor.DatabaseAsync(db => db.Articles.Select(a => a.Slug).FirstAsync());

        var payload = await CreateAsync(new { title = "T", body = "B", authorId = _authorId, categoryId = _categoryId, slug = existing });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("SlugTakenError", (string?)error["__typename"]);
        Assert.Equal(existing, (string?)error["slug"]);
    }

    [Fact]
    public async Task Update_recomputes_statistics_and_a_stale_version_changes_nothing()
    {
        var created = (await CreateAsync(new { title = "Draft headline", body = "one", authorId = _authorId, categoryId = _categoryId }))["article"]!;
        var id = (string)created["id"]!;
        var version = (int)created["version"]!;

        var updated = await UpdateAsync(new { id, version, title = "Better headline", body = string.Join(' ', Enumerable.Repeat("word", 500)) });
        Assert.Null(updated["errors"]);
        Assert.Equal(500, (int?)updated["article"]!["wordCount"]);
        Assert.Equal(3, (int?)updated["article"]!["readingTimeMinutes"]);
        Assert.Equal("better-headline", (string?)updated["article"]!["slug"]);
        var newVersion = (int)updated["article"]!["version"]!;
        Assert.True(newVersion > version);

        var stale = await UpdateAsync(new { id, version, title = "Lost update" });
        var error = Assert.Single(stale["errors"]!.AsArray())!;
        Assert.Equal("ConcurrencyConflictError", (string?)error["__typename"]);
        Assert.Equal(newVersion, (int?)error["currentVersion"]);
        var stored = await _editor.DatabaseAsync(db => db.Articles.SingleAsync(a => a.Slug == "better-headline"));
        Assert.Equal("Better headline", stored.Title);
        Assert.Equal(newVersion, stored.Version);
    }

    [Fact]
    public async Task Two_editors_racing_with_the_same_version_exactly_one_wins()
    {
        var created = (await CreateAsync(new { title = "Race", body = "start", authorId = _authorId, categoryId = _categoryId }))["article"]!;
        var id = (string)created["id"]!;
        var version = (int)created["version"]!;

        for (var round = 0; round < 5; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => UpdateAsync(new { id, version, body = $"editor {i} round {round}" })));

            var winners = results.Where(r => r["errors"] is null).ToList();
            var winner = Assert.Single(winners);
            Assert.All(results.Where(r => r["errors"] is not null), r => Assert.Equal("ConcurrencyConflictError", (string?)r["errors"]![0]!["__typename"]));
            var stored = await _editor.DatabaseAsync(db => db.Articles.SingleAsync(a => a.Id == NodeId.DecodeInt(id, "Article")));
            Assert.Equal((int)winner["article"]!["version"]!, stored.Version);
            Assert.Equal((string?)winner["article"]!["wordCount"]?.ToString(), stored.WordCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            version = stored.Version;
        }
    }

    [Fact]
    public async Task The_workflow_allows_only_valid_status_changes_and_the_slug_is_stable_once_published()
    {
        var created = (await CreateAsync(new { title = "Workflow", body = "b", authorId = _authorId, categoryId = _categoryId }))["article"]!;
        var id = (string)created["id"]!;
        var version = (int)created["version"]!;

        var unpublishDraft = await StatusAsync("unpublishArticle", new { id, version });
        AssertInvalidStatus(unpublishDraft, "DRAFT");

        var published = await StatusAsync("publishArticle", new { id, version, isBreaking = true });
        Assert.Equal("PUBLISHED", (string?)published["article"]!["status"]);
        Assert.True((bool?)published["article"]!["isBreaking"]);
        var publishedAt = (string?)published["article"]!["publishedAt"];
        Assert.NotNull(publishedAt);
        version = (int)published["article"]!["version"]!;

        AssertInvalidStatus(await StatusAsync("publishArticle", new { id, version }), "PUBLISHED");

        var renamed = await UpdateAsync(new { id, version, title = "Workflow renamed" });
        Assert.Equal("workflow", (string?)renamed["article"]!["slug"]);
        version = (int)renamed["article"]!["version"]!;

        var unpublished = await StatusAsync("unpublishArticle", new { id, version });
        Assert.Equal("DRAFT", (string?)unpublished["article"]!["status"]);
        Assert.Equal(publishedAt, (string?)unpublished["article"]!["publishedAt"]);
        version = (int)unpublished["article"]!["version"]!;

        var archived = await StatusAsync("archiveArticle", new { id, version });
        Assert.Equal("ARCHIVED", (string?)archived["article"]!["status"]);
        version = (int)archived["article"]!["version"]!;

        AssertInvalidStatus(await StatusAsync("publishArticle", new { id, version }), "ARCHIVED");
        AssertInvalidStatus(await StatusAsync("archiveArticle", new { id, version }), "ARCHIVED");
        AssertInvalidStatus(await UpdateAsync(new { id, version, title = "Edit archived" }), "ARCHIVED");
        Assert.Equal(ArticleStatus.Archived, await _editor.DatabaseAsync(db => db.Articles.Where(a => a.Slug == "workflow").Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Update_tells_a_field_left_out_from_a_field_sent_as_null()
    {
        var created = (await CreateAsync(new
        {
            title = "Nulls",
            body = "b",
            summary = "A standfirst.",
            heroImageUrl = "https://example.com/a.jpg",
            authorId = _authorId,
            categoryId = _categoryId,
        }))["article"]!;
        var id = (string)created["id"]!;

        var required = await UpdateAsync(new { id, version = (int)created["version"]!, title = (string?)null, body = (string?)null, authorId = (string?)null, categoryId = (string?)null });
        Assert.Equal(["title", "body", "authorId", "categoryId"], required["errors"]!.AsArray().Select(e => (string?)e!["field"]));

        var removed = await UpdateAsync(new { id, version = (int)created["version"]!, summary = (string?)null });
        Assert.Null(removed["errors"]);
        var stored = await _editor.DatabaseAsync(db => db.Articles.Where(a => a.Slug == "nulls").Select(a => new { a.Title, a.Summary, a.HeroImageUrl }).SingleAsync());
        Assert.Equal(new { Title = "Nulls", Summary = (string?)null, HeroImageUrl = (string?)"https://example.com/a.jpg" }, stored);
    }

    [Fact]
    public async Task An_archived_article_cannot_be_published_through_the_mutation_or_the_workflow()
    {
        var archived = await ArchivedArticleAsync();
        var id = NodeId.Encode(ArticleType.TypeName, archived.Id);
        var services = _editor.Server.Services;
        using var publications = await SubscriptionProbe.StartAsync(services, "subscription { onArticlePublished { slug } }");

        AssertInvalidStatus(await StatusAsync("publishArticle", new { id, version = archived.Version, isBreaking = true }), "ARCHIVED");
        var refused = await services.GetRequiredService<ArticleWorkflow>()
            .PublishAsync(new NodeReference(id, archived.Id), archived.Version, isBreaking: true, CancellationToken.None);

        Assert.Null(refused.Value);
        Assert.Equal(ArticleStatus.Archived, Assert.IsType<InvalidStatusError>(Assert.Single(refused.Errors!)).Status);
        Assert.Equal(archived, await ArchivedArticleAsync());
        // Events arrive in order: had either refusal announced the archived article, it would come before this draft.
        await EditorWorkflow.PublishAsync(services, await SubscriptionProbe.ArticleIdAsync(services, "draft-festival-preview"), isBreaking: false);
        Assert.Equal("draft-festival-preview", (string?)(await publications.NextArticleAsync("onArticlePublished"))["slug"]);
    }

    [Fact]
    public async Task Delete_checks_the_version_and_removes_the_article()
    {
        var created = (await CreateAsync(new { title = "To delete", body = "b", authorId = _authorId, categoryId = _categoryId, tagIds = new[] { _tagId } }))["article"]!;
        var id = (string)created["id"]!;
        var version = (int)created["version"]!;

        var stale = await StatusAsync("deleteArticle", new { id, version = version + 7 });
        Assert.Equal("ConcurrencyConflictError", (string?)stale["errors"]![0]!["__typename"]);

        var deleted = await StatusAsync("deleteArticle", new { id, version });
        Assert.Null(deleted["errors"]);
        Assert.Equal(id, (string?)deleted["article"]!["id"]);
        Assert.False(await _editor.DatabaseAsync(db => db.Articles.AnyAsync(a => a.Slug == "to-delete")));

        var again = await StatusAsync("deleteArticle", new { id, version });
        Assert.Equal("NotFoundError", (string?)again["errors"]![0]!["__typename"]);
        Assert.Equal(id, (string?)again["errors"]![0]!["id"]);
    }

    [Fact]
    public async Task Markup_in_the_body_never_comes_out_as_script()
    {
        var payload = await CreateAsync(new
        {
            title = "XSS",
            body = "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
            authorId = _authorId,
            categoryId = _categoryId,
        });

        var html = (string)payload["article"]!["bodyHtml"]!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_mutation_without_credentials_is_refused_and_writes_nothing()
    {
        var before = await _editor.DatabaseAsync(db => db.Articles.CountAsync());

        var response = await _editor.Server.PostAsync(
            "mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }",
            new { input = new { title = "Anonymous", body = "b", authorId = _authorId, categoryId = _categoryId } });

        Assert.NotNull(response.Errors);
        Assert.True(response.Data?["createArticle"] is null, response.Text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Articles.CountAsync()));
    }

    private Task<ArchivedArticle> ArchivedArticleAsync() =>
        _editor.DatabaseAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Archived).OrderBy(a => a.Id)
            .Select(a => new ArchivedArticle(a.Id, a.Version, a.Status, a.PublishedAt, a.UpdatedAt)).FirstAsync());

    private static void AssertInvalidStatus(JsonObject payload, string status)
    {
        Assert.Null(payload["article"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("InvalidStatusError", (string?)error["__typename"]);
        Assert.Equal(status, (string?)error["status"]);
    }

    private Task<JsonObject> CreateAsync(object input) => StatusAsync("createArticle", input);

    private Task<JsonObject> UpdateAsync(object input) => StatusAsync("updateArticle", input);

    private Task<JsonObject> StatusAsync(string field, object input) =>
        _editor.MutateAsync(field, char.ToUpperInvariant(field[0]) + field[1..] + "Input", input,
            $"{ArticleSelection} errors {{ __typename ... on Error {{ message }} {string.Join(' ', Unions[field].Select(u => ErrorFragments[u]))} }}");

    private sealed record ArchivedArticle(int Id, int Version, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt);
}
