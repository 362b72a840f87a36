using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Server.Tests.Mutations;

/// <summary>The author mutations through HTTP against the real server: each mutation, each error type, and that bad input writes nothing.</summary>
public sealed class AuthorMutationTests : IAsyncLifetime
{
    private const string Payload = "author { id slug name bio avatarUrl } errors { __typename ... on Error { message } ... on ValidationError { field } ... on SlugTakenError { slug } }";
    private const string UpdatePayload = "author { id slug name bio avatarUrl } errors { __typename ... on Error { message } ... on ValidationError { field } ... on NotFoundError { id } }";
    private const string DeletePayload = "author { id slug } errors { __typename ... on Error { message } ... on NotFoundError { id } ... on AuthorHasArticlesError { articleCount } }";

    private EditorServer _editor = null!;

    public async Task InitializeAsync() => _editor = await EditorServer.StartAsync();

    public async Task DisposeAsync() => await _editor.DisposeAsync();

    [Fact]
    public async Task Authors_are_created_edited_with_a_stable_slug_and_deleted()
    {
        var created = await _editor.MutateAsync("createAuthor", "CreateAuthorInput",
            new { name = "  Zoë Ørsted ", bio = "Covers energy.", avatarUrl = "https://cdn.example/zoe.jpg" }, Payload);
        Assert.Null(created["errors"]);
        var author = created["author"]!;
        Assert.Equal("zoe-orsted", (string?)author["slug"]);
        Assert.Equal("Zoë Ørsted", (string?)author["name"]);
        var id = (string)author["id"]!;

        var second = await _editor.MutateAsync("createAuthor", "CreateAuthorInput", new { name = "Zoe Orsted" }, Payload);
        Assert.Equal("zoe-orsted-2", (string?)second["author"]!["slug"]);

        var updated = await _editor.MutateAsync("updateAuthor", "UpdateAuthorInput", new { id, name = "Zoë Ørsted-Berg", bio = (string?)null }, UpdatePayload);
        Assert.Null(updated["errors"]);
        Assert.Equal("Zoë Ørsted-Berg", (string?)updated["author"]!["name"]);
        Assert.Equal("zoe-orsted", (string?)updated["author"]!["slug"]);
        Assert.Null((string?)updated["author"]!["bio"]);
        // Fields left out stay as they were.
        Assert.Equal("https://cdn.example/zoe.jpg", (string?)updated["author"]!["avatarUrl"]);

        var deleted = await _editor.MutateAsync("deleteAuthor", "DeleteAuthorInput", new { id }, DeletePayload);
        Assert.Null(deleted["errors"]);
        Assert.Equal("zoe-orsted", (string?)deleted["author"]!["slug"]);
        Assert.False(await _editor.DatabaseAsync(db => db.Authors.AnyAsync(a => a.Slug == "zoe-orsted")));

        var again = await _editor.MutateAsync("deleteAuthor", "DeleteAuthorInput", new { id }, DeletePayload);
        var notFound = Assert.Single(again["errors"]!.AsArray())!;
        Assert.Equal("NotFoundError", (string?)notFound["__typename"]);
        Assert.Equal(id, (string?)notFound["id"]);
        var update = await _editor.MutateAsync("updateAuthor", "UpdateAuthorInput", new { id, name = "Ghost" }, UpdatePayload);
        Assert.Equal("NotFoundError", (string?)update["errors"]![0]!["__typename"]);
    }

    [Fact]
    public async Task A_duplicate_slug_is_a_slug_taken_error()
    {
        var existing = await _editor.DatabaseAsync(db => db.Authors.Select(a => a.Slug).FirstAsync());
        var before = await _editor.DatabaseAsync(db => db.Authors.CountAsync());

        var taken = await _editor.MutateAsync("createAuthor", "CreateAuthorInput", new { name = "Someone", slug = existing }, Payload);

        Assert.Null(taken["author"]);
        var error = Assert.Single(taken["errors"]!.AsArray())!;
        Assert.Equal("SlugTakenError", (string?)error["__typename"]);
        Assert.Equal(existing, (string?)error["slug"]);
        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Authors.CountAsync()));
    }

    public static TheoryData<string, string> InvalidCreateInputs() => new()
    {
        { """{"name": ""}""", "name" },
        { """{"name": "   "}""", "name" },
        { """{"name": "NAME201"}""", "name" },
        { """{"name": "!!!"}""", "name" },
        { """{"name": "Ok", "slug": "Not A Slug"}""", "slug" },
        { """{"name": "Ok", "bio": "BIO2001"}""", "bio" },
        { """{"name": "Ok", "avatarUrl": "javascript:alert(1)"}""", "avatarUrl" },
        { """{"name": "Ok", "avatarUrl": "/avatars/me.jpg"}""", "avatarUrl" },
        { """{"name": "Ok", "avatarUrl": "ftp://example.com/me.jpg"}""", "avatarUrl" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateInputs))]
    public async Task Invalid_input_is_a_validation_error_naming_the_field_and_writes_nothing(string json, string field)
    {
        var input = JsonNode.Parse(Expand(json))!;
        var before = await _editor.DatabaseAsync(db => db.Authors.CountAsync());

        var created = await _editor.MutateAsync("createAuthor", "CreateAuthorInput", input, Payload);

        Assert.Null(created["author"]);
        var error = Assert.Single(created["errors"]!.AsArray())!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Equal(field, (string?)error["field"]);
        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Authors.CountAsync()));
    }

    [Fact]
    public async Task Invalid_updates_are_validation_errors_and_change_nothing()
    {
        var id = await _editor.FirstIdAsync("authors");
        var key = NodeId.DecodeInt(id, "Author");
        var before = await _editor.DatabaseAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Id == key));

        var payload = await _editor.MutateAsync("updateAuthor", "UpdateAuthorInput",
            new { id, name = (string?)null, avatarUrl = "data:image/png;base64,AAAA", bio = "ok" }, UpdatePayload);

        Assert.Null(payload["author"]);
        Assert.Equal(["name", "avatarUrl"], payload["errors"]!.AsArray().Select(e => (string?)e!["field"]));
        var after = await _editor.DatabaseAsync(db => db.Authors.AsNoTracking().SingleAsync(a => a.Id == key));
        Assert.Equal((before.Name, before.Bio, before.AvatarUrl, before.Slug), (after.Name, after.Bio, after.AvatarUrl, after.Slug));
    }

    [Fact]
    public async Task An_author_with_articles_is_not_deleted()
    {
        // A draft counts as much as a published article: deleting its author would orphan it.
        var (key, count) = await _editor.DatabaseAsync(async db =>
        {
            var row = await db.Articles.GroupBy(a => a.AuthorId).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
            return (row.Key, row.Count);
        });
        var id = NodeId.Encode("Author", key);

        var payload = await _editor.MutateAsync("deleteAuthor", "DeleteAuthorInput", new { id }, DeletePayload);

        Assert.Null(payload["author"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("AuthorHasArticlesError", (string?)error["__typename"]);
        Assert.Equal(count, (int?)error["articleCount"]);
        Assert.True(await _editor.DatabaseAsync(db => db.Authors.AnyAsync(a => a.Id == key)));
        Assert.Equal(count, await _editor.DatabaseAsync(db => db.Articles.CountAsync(a => a.AuthorId == key)));
    }

    [Fact]
    public async Task Ids_of_the_wrong_type_are_graphql_errors()
    {
        var categoryId = await _editor.FirstIdAsync("categories");

        var update = await _editor.EditAsync("mutation($input: UpdateAuthorInput!) { updateAuthor(input: $input) { author { id } } }",
            new { input = new { id = categoryId, name = "X" } });
        Assert.Equal("NODE_ID_WRONG_TYPE", update.SingleErrorCode());
        Assert.Contains("Author", (string?)update.Errors![0]!["message"], StringComparison.Ordinal);

        var delete = await _editor.EditAsync("mutation($input: DeleteAuthorInput!) { deleteAuthor(input: $input) { author { id } } }",
            new { input = new { id = categoryId } });
        Assert.Equal("NODE_ID_WRONG_TYPE", delete.SingleErrorCode());
        Assert.True(await _editor.DatabaseAsync(db => db.Categories.AnyAsync(c => c.Id == NodeId.DecodeInt(categoryId, "Category"))));
    }

    [Theory]
    [InlineData("createAuthor", "CreateAuthorInput", """{"name": "Anonymous"}""")]
    [InlineData("updateAuthor", "UpdateAuthorInput", """{"id": "FIRST", "name": "Anonymous"}""")]
    [InlineData("deleteAuthor", "DeleteAuthorInput", """{"id": "NEW"}""")]
    public async Task A_mutation_without_credentials_is_refused_and_writes_nothing(string field, string inputType, string json)
    {
        var fresh = await _editor.MutateAsync("createAuthor", "CreateAuthorInput", new { name = "Deletable" }, Payload);
        var json2 = json.Replace("FIRST", await _editor.FirstIdAsync("authors"), StringComparison.Ordinal)
            .Replace("NEW", (string)fresh["author"]!["id"]!, StringComparison.Ordinal);
        var before = await _editor.DatabaseAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Name).ToListAsync());

        var response = await _editor.Server.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ author {{ id }} }} }}",
            new { input = JsonNode.Parse(json2) });

        Assert.NotNull(response.Errors);
        Assert.True(response.Data?[field] is null, response.Text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(before, await _editor.DatabaseAsync(db => db.Authors.OrderBy(a => a.Id).Select(a => a.Name).ToListAsync()));
    }

    private static string Expand(string json) => json
        .Replace("NAME201", new string('n', 201), StringComparison.Ordinal)
        .Replace("BIO2001", new string('b', 2001), StringComparison.Ordinal);
}
